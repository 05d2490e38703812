import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Each mapping's pairs by key, built the first time the mapping is searched: a file's problems are
 * located one by one, and a linear search per problem made a mapping of n unknown keys cost n^2
 * (10,000 keys took 5 s). The first pair of a key wins, as the linear search found it.
 */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndex.get(map);
  if (index === undefined) {
    index = new Map();
    for (const p of map.items as Pair[]) if (isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    pairIndex.set(map, index);
  }
  return index.get(key);
}

/**
 * The line and column of the value at `path` in a parsed YAML/JSON document. A missing value is
 * located at its nearest ancestor that exists; with `key` set, the position of that key inside the
 * mapping at `path` (for unknown keys).
 * Complexity: O(path length) after the first search of each mapping on the path (O(its keys)).
 */
export function locate(
  doc: Document,
  lines: LineCounter,
  path: ReadonlyArray<PropertyKey>,
  key?: string,
): { line: number; column: number } | undefined {
  let node: unknown = doc.contents;
  let found: Node | undefined = (doc.contents as Node | null) ?? undefined;
  for (const part of path) {
    const next = child(node, part);
    if (next === undefined) break;
    node = next.value;
    found = next.at;
  }
  if (key !== undefined && isMap(node)) {
    const pair = pairOf(node, key);
    if (pair && isScalar(pair.key)) found = pair.key;
  }
  const offset = found?.range?.[0];
  if (offset === undefined) return undefined;
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/**
 * Whether the value at `path` is written as nothing at all (`existing:` with nothing after it or
 * indented under it), which YAML reads as null; not `~`, `null` nor JSON's null, which are written.
 * False for a path the document does not hold.
 *
 * @example writtenEmpty(parseDocument('existing:\n'), ['existing']) // => true
 */
/**
 * Whether a document is written as JSON (its top a `{ }` flow mapping, as every JSON scenario is), so
 * a message's hint is worded for it: a YAML file in block style never is.
 */
export function writtenAsJson(doc: Document): boolean {
  const top = doc.contents as { flow?: boolean } | null;
  return top !== null && typeof top === 'object' && top.flow === true;
}

export function writtenEmpty(doc: Document, path: ReadonlyArray<PropertyKey>): boolean {
  let node: unknown = doc.contents;
  for (const part of path) {
    const next = child(node, part);
    if (next === undefined) return false;
    node = next.value;
  }
  return node === null || (isScalar(node) && node.value === null && node.range !== undefined && node.range !== null && node.range[0] === node.range[1]);
}

/**
 * The mapping and pair that write the key at the end of `path` (or `key` inside the mapping at
 * `path`, for unknown keys); undefined where the document writes no such pair.
 * Complexity: O(path length) after the first search of each mapping on the path.
 */
export function pairAt(doc: Document, path: ReadonlyArray<PropertyKey>, key?: string): { map: YAMLMap; pair: Pair } | undefined {
  const mapPath = key === undefined ? path.slice(0, -1) : path;
  const last = key ?? path[path.length - 1];
  if (last === undefined || typeof last === 'number') return undefined;
  let node: unknown = doc.contents;
  for (const part of mapPath) {
    const next = child(node, part);
    if (next === undefined) return undefined;
    node = next.value;
  }
  if (!isMap(node)) return undefined;
  const pair = pairOf(node, String(last));
  return pair ? { map: node, pair } : undefined;
}

/**
 * The innermost list written inside [ ] on `path` (the node at `path` or one above it), with the
 * index of its item the path goes on to (undefined where the path ends at the list); undefined where
 * none is.
 * Complexity: O(path length) after the first search of each mapping on the path.
 */
export function flowListOn(doc: Document, path: ReadonlyArray<PropertyKey>): { list: YAMLSeq; item: number | undefined } | undefined {
  let node: unknown = doc.contents;
  let found: { list: YAMLSeq; item: number | undefined } | undefined = isSeq(node) && node.flow ? { list: node, item: undefined } : undefined;
  for (const part of path) {
    if (found !== undefined && node === found.list) found = { list: found.list, item: typeof part === 'number' ? part : undefined };
    const next = child(node, part);
    if (next === undefined) break;
    node = next.value;
    if (isSeq(node) && node.flow) found = { list: node, item: undefined };
  }
  return found;
}

/**
 * The lists written inside [ ] among the values of the distribution (a mapping with `dist`) at
 * `path` or, where `path` ends at a list, the other lists of the distribution holding it: the lists a
 * problem at `path` may come from (its `values`, for a problem at the distribution or at its
 * `weights`). [] where none is: a section's problem (a key unknown in `newBusiness`) does not come
 * from its seasonality.
 * Complexity: O(path length + the mapping's entries) after the first search of each mapping on the path.
 */
export function flowListsInDistribution(doc: Document, path: ReadonlyArray<PropertyKey>): YAMLSeq[] {
  let node: unknown = doc.contents;
  let holder: unknown;
  for (const part of path) {
    const next = child(node, part);
    if (next === undefined) return [];
    holder = node;
    node = next.value;
  }
  const map = isMap(node) ? node : isSeq(node) && isMap(holder) ? holder : undefined;
  if (map === undefined || pairOf(map, 'dist') === undefined) return [];
  return map.items.map((p) => p.value).filter((v): v is YAMLSeq => isSeq(v) && v.flow === true && v !== node);
}

function child(node: unknown, part: PropertyKey): { value: unknown; at: Node } | undefined {
  if (isMap(node)) {
    const pair = pairOf(node, String(part));
    if (!pair) return undefined;
    const at = (pair.value as Node | null) ?? (pair.key as Node);
    return { value: pair.value, at };
  }
  if (isSeq(node) && typeof part === 'number') {
    const item = node.items[part] as Node | undefined;
    return item ? { value: item, at: item } : undefined;
  }
  return undefined;
}
