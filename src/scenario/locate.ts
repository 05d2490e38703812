import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/**
 * The line and column of the value at `path` in a parsed YAML/JSON document. A missing value is
 * located at its nearest ancestor that exists; with `key` set, the position of that key inside the
 * mapping at `path` (for unknown keys).
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
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (pair && isScalar(pair.key)) found = pair.key;
  }
  const offset = found?.range?.[0];
  if (offset === undefined) return undefined;
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function child(node: unknown, part: PropertyKey): { value: unknown; at: Node } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(part));
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
