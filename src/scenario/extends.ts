import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { realPath, shownJoin, systemJoin, systemPath } from './system-path.js';
import { withRealPath } from './shown-beside.js';
import { currentDirectory } from './current-directory.js';
import { locate, writtenAsJson, writtenEmpty } from './locate.js';
import { decimalCommaKeyNote } from './decimal-comma-key.js';
import { withDecimalCommaListNote } from './decimal-comma-list.js';
import { misreadLists } from './misread-lists.js';
import { annotate, materialize, mergeScenarioTrees, pathKey, type MergeIssue, type NearMissTier, type Origin, type PathPart, type Tree } from './merge.js';
import { readScenarioDocument, sortByPosition, validateDocument, validateScenario, type LoadedScenario, type ScenarioDocument } from './parse.js';
import { filePlace, formatPath, ScenarioError, type ScenarioIssue } from './scenario-error.js';
import { checkOpened, outsideProblem, type PathPolicy } from './path-policy.js';
import { quoteText } from './display-text.js';
import { issueMessage, type RawIssue } from './zod-issues.js';
import type { BaseDocuments } from './base-documents.js';
import type { BaseChains } from './base-chains.js';
import type { WrittenNumber } from './number-text.js';

/** Longest chain of files extending each other: deeper is a mistake (or a loop through links). */
export const MAX_EXTENDS_DEPTH = 16;

/**
 * Read a scenario file and, when it says `extends: base.yaml` (a path relative to the file), the
 * chain of files it extends; merge them from the base outwards (rules in `merge.ts`) and validate
 * the merged scenario. Every problem is reported in the file that wrote the offending value, at its
 * line and column, with its path in that file. A missing or unreadable base, a cycle, or a chain
 * deeper than MAX_EXTENDS_DEPTH is reported at the `extends` line of the file that names it. So is
 * a base outside the folders `policy` allows (path-policy.ts: the folder tree of `file`, the top
 * of the chain, for every base), which is never opened.
 *
 * @example await loadWithExtends('scenarios/downside.yaml', readScenarioText, await scenarioPathPolicy('scenarios/downside.yaml')) // merged onto example.yaml
 * Complexity: O(total size of the files).
 */
export async function loadWithExtends(file: string, read: ReadText, policy: PathPolicy, options: LoadOptions = {}): Promise<LoadedScenario> {
  const { chain, reals } = await readChain(file, read, policy, options);
  if (chain.length === 1) return validateDocument(chain[0]!);
  // Layer 0 is the deepest base; the last layer is `file` itself.
  const layers = [...chain].reverse();
  const issues: MergeIssue[] = [];
  const nearMisses: NearMissTier[] = [];
  let tree = withoutExtends(annotate(layers[0]!.data, 0));
  for (let i = 1; i < layers.length; i++) tree = mergeScenarioTrees(tree, withoutExtends(annotate(layers[i]!.data, i)), issues, nearMisses);

  // A base's real path goes beside each place in it, when its name as written is not where it is.
  const sourceOf = (layer: number) => {
    const source = layers[layer]!.source;
    const real = reals[chain.length - 1 - layer];
    return source === file ? {} : { source, ...(real === undefined ? {} : { realSource: real }) };
  };
  const rank = (source: string | undefined) => (source === undefined ? 0 : chain.findIndex((d) => d.source === source));
  // Every layer's seed written as a misread number, a base's too when the file overrides it: the
  // base is ambiguous on its own, and may be run or extended by itself.
  const seedIssues = layers.flatMap((d, layer): ScenarioIssue[] => (d.seedIssue ? [{ ...d.seedIssue, ...sourceOf(layer) }] : []));
  if (issues.length > 0) {
    const located = issues.map(({ at, message }): ScenarioIssue => {
      const d = layers[at.layer]!;
      return { path: at.path, message, ...locate(d.doc, d.lines, at.path), ...sourceOf(at.layer) };
    });
    throw new ScenarioError(file, [...seedIssues, ...located].sort((a, b) => rank(a.source) - rank(b.source) || (a.line ?? 0) - (b.line ?? 0)));
  }

  const { value, origins } = materialize(tree);
  const top = chain[0]!;
  const place = (raw: RawIssue): ScenarioIssue => {
    const full: PathPart[] = raw.key !== undefined ? [...raw.path, raw.key] : [...raw.path];
    // The deepest part of the path that some file wrote; the rest is looked for below it in that file.
    for (let k = full.length; k >= 0; k--) {
      const origin: Origin | undefined = origins.get(pathKey(full.slice(0, k)));
      if (!origin) continue;
      const d = layers[origin.layer]!;
      const inFile = [...origin.path, ...full.slice(k)];
      const path = raw.key !== undefined ? inFile.slice(0, -1) : inFile;
      const pos = locate(d.doc, d.lines, path, raw.key);
      if (!pos) break;
      return { path, message: withDecimalCommaListNote(issueMessage(raw, () => writtenEmpty(d.doc, path), writtenAsJson(d.doc)) + decimalCommaKeyNote(d.doc, path, raw.key), d.doc, path, raw.key), ...pos, ...sourceOf(origin.layer) };
    }
    // No file position for it: point at the extends line, and say why.
    return {
      path: raw.path,
      message: `${raw.message} (in the scenario merged from ${chain.map((d) => d.source).join(' and ')}; shown at the extends line)`,
      ...locate(top.doc, top.lines, ['extends']),
    };
  };
  const tiers = (value as { tiers?: unknown }).tiers;
  const misspelt = nearMisses
    .map((miss) => ({ miss, index: Array.isArray(tiers) ? tiers.findIndex((t) => sameName(t, miss.name)) : -1 }))
    .filter(({ index }) => index >= 0);
  // A problem inside a tier whose name looks like a base tier's misspelt is put into one message
  // at the name: the tier was appended as new, and reads as incomplete ("is required") otherwise.
  const grouped = new Map<number, string[]>();
  const placeOrGroup = (raw: RawIssue): ScenarioIssue => {
    const hit = misspelt.find(({ index }) => raw.path[0] === 'tiers' && raw.path[1] === index);
    if (!hit) return place(raw);
    const rest = formatPath([...raw.path.slice(2), ...(raw.key !== undefined ? [raw.key] : [])]);
    (grouped.get(hit.index) ?? grouped.set(hit.index, []).get(hit.index)!).push(rest ? `${rest}: ${raw.message}` : raw.message);
    return { path: raw.path, message: GROUPED };
  };
  try {
    const loaded = validateScenario(value, file, placeOrGroup, rank, seedIssues, writtenInMerged(layers, origins));
    // A base's misread list is stated at the base even where the file overrides it: the base may be run by itself.
    const misread = layers.flatMap((d, layer) => misreadLists(d.doc, d.lines).map((m) => ({ ...m, ...sourceOf(layer) })));
    const dataNames = dataNamesInMerged(layers, origins);
    return {
      ...loaded,
      bases: chain.slice(1).map((d) => d.source),
      ...(misread.length > 0 ? { misreadLists: misread } : {}),
      ...(dataNames.size > 0 ? { dataNames } : {}),
    };
  } catch (err) {
    if (!(err instanceof ScenarioError) || grouped.size === 0) throw err;
    const typos = misspelt
      .filter(({ index }) => grouped.has(index))
      .map(({ miss, index }): ScenarioIssue => {
        const d = layers[miss.at.layer]!;
        return {
          path: miss.at.path,
          message: `${miss.name} is not a tier of the base (did you mean ${miss.nearest}?); to add a tier, give it in full (as written: ${grouped.get(index)!.join('; ')})`,
          ...locate(d.doc, d.lines, miss.at.path),
          ...sourceOf(miss.at.layer),
        };
      });
    throw new ScenarioError(file, sortByPosition([...err.issues.filter((i) => i.message !== GROUPED), ...typos], rank));
  }
}

/**
 * The numbers each layer writes that YAML read otherwise than arrcast reads their text
 * (number-text.ts), by their path in the merged data: those the merged scenario holds (a base's
 * value the file overrides is not run).
 */
function writtenInMerged(layers: readonly ScenarioDocument[], origins: ReadonlyMap<string, Origin>): WrittenNumber[] {
  const texts = layers.map((d) => new Map(d.written.map((w) => [pathKey(w.path), w])));
  if (texts.every((t) => t.size === 0)) return [];
  const out: WrittenNumber[] = [];
  for (const [key, origin] of origins) {
    const written = texts[origin.layer]!.get(pathKey(origin.path));
    if (written !== undefined) out.push({ ...written, path: JSON.parse(key) as PathPart[] });
  }
  return out;
}

/** Stands for an issue folded into a misspelt tier's message; never shown. */
const GROUPED = '\u0000grouped';

const sameName = (tier: unknown, name: string) =>
  tier !== null && typeof tier === 'object' && typeof (tier as { name?: unknown }).name === 'string' && (tier as { name: string }).name.trim().toLowerCase() === name.trim().toLowerCase();

/**
 * For a caller loading many files on the same bases: `documents`, bases read before, kept by their
 * text (base-documents.ts); `chains`, the bases of a file found once for every file of the same path
 * extending the same value, used only under the policy it was made for (base-chains.ts).
 */
export interface LoadOptions {
  readonly documents?: BaseDocuments;
  readonly chains?: BaseChains;
}

/** Reads a scenario file's text; `check` refuses a file opened outside the policy (read-text.ts). */
export type ReadText = (file: string, check?: (opened: string) => Promise<string | undefined>) => Promise<string>;

/**
 * The file and the files it extends, the file first. Each base's document is named (its `source`,
 * in messages and the loaded scenario's `bases`) as the extending file's name joined to its
 * `extends` value (shownJoin: `plans/lnk/../base.yaml` as written, not the real path the system
 * opens, which messages named before December 2026), and opened where the system finds it (`opened`).
 */
async function readChain(file: string, read: ReadText, policy: PathPolicy, options: LoadOptions): Promise<{ chain: ScenarioDocument[]; reals: (string | undefined)[] }> {
  const top = readScenarioDocument(await read(file), file);
  const value = top.data.extends;
  // A cache made under another policy holds chains this policy may refuse: not used.
  if (options.chains?.policy !== policy || !Object.prototype.hasOwnProperty.call(top.data, 'extends') || typeof value !== 'string')
    return readBases(top, read, policy, options.documents);
  // The bases depend on the top file only through its path and its `extends` value (base-chains.ts).
  const bases = await options.chains.get(file, value, async () => {
    const { chain, reals } = await readBases(top, read, policy, options.documents);
    return { documents: chain.slice(1), reals: reals.slice(1) };
  });
  return { chain: [top, ...bases.documents], reals: [undefined, ...bases.reals] };
}

/** readChain's work: the bases of `top`, read one after the other, with `top` first. */
async function readBases(top: ScenarioDocument, read: ReadText, policy: PathPolicy, documents: BaseDocuments | undefined): Promise<{ chain: ScenarioDocument[]; reals: (string | undefined)[] }> {
  const file = top.source;
  const chain = [top];
  // Each file's real path when its shown name is not the path opened (withRealPath's rule), else undefined.
  const reals: (string | undefined)[] = [undefined];
  // Each file's path as the system opens it, beside its shown name: the top file is opened as given.
  const openedAt = [file];
  // Each file as the system opens it (real path): compared as text (resolve), `lnk/../plan.yaml`
  // (lnk -> real/sub: real/plan.yaml) extending `../plan.yaml` (./plan.yaml) was "a cycle".
  // A path the system refuses (`nothere/../a.yaml`: systemJoin leaves it unjoined) is no file: never
  // a cycle, its open says why (resolve took `nothere/..` away: "a cycle" with a.yaml).
  const opened = async (f: string) => {
    const at = await systemPath(f);
    return (await realPath(at, { throughMissing: false })) === undefined ? `\0${at}` : realPath(resolve(at));
  };
  const seen = [await opened(file)];
  for (;;) {
    const layer = chain[chain.length - 1]!;
    if (!Object.prototype.hasOwnProperty.call(layer.data, 'extends')) return { chain, reals };
    const value = layer.data.extends;
    const real = reals[reals.length - 1];
    const fail = (message: string) =>
      new ScenarioError(layer.source, [{ path: ['extends'], message, ...locate(layer.doc, layer.lines, ['extends']), ...(real === undefined ? {} : { realSource: real }) }]);
    if (typeof value !== 'string' || value.trim() === '')
      throw fail('must be the path of the base scenario file, relative to this file (e.g. extends: plan.yaml)');
    // As the system opens it: a `..` after a link to a folder goes up from where the link points (system-path.ts).
    const next = await systemJoin(dirname(openedAt[openedAt.length - 1]!), value);
    // As messages name it: the extending file's name and the value as written.
    const shown = await shownJoin(dirname(layer.source), value);
    const nextOpened = await opened(next);
    const loop = seen.indexOf(nextOpened);
    // Each file of the cycle with its real path beside a name written through `lnk/..`, as every message names a file.
    if (loop >= 0)
      throw fail(`${quoteText(value)} makes a cycle: ${[...chain.slice(loop).map((d, j) => filePlace(d.source, undefined, undefined, reals[loop + j])), await withRealPath(shown, next)].join(' -> ')}`);
    if (chain.length >= MAX_EXTENDS_DEPTH) throw fail(`a chain of more than ${MAX_EXTENDS_DEPTH} files extending each other; merge some of them`);
    const outside = await outsideProblem(policy, next, value);
    if (outside !== undefined) throw fail(outside);
    let text: string;
    try {
      text = await read(next, checkOpened(policy, value));
    } catch (err) {
      if (!(err instanceof ScenarioError)) throw err;
      throw fail(`the base scenario ${await withRealPath(shown, next)}: ${err.issues.map((i) => i.message).join('; ')}`);
    }
    const toDir = dirname(file);
    const nextReal = shown === next ? undefined : await realPath(resolve(next));
    const readBase = async () => {
      const base = readBaseDocument(text, shown, nextReal);
      const dataNames = await rebaseFilePaths(base.data, dirname(next), toDir, dirname(shown));
      return dataNames.size > 0 ? { ...base, dataNames } : base;
    };
    chain.push(await (documents ? documents.get(text, shown, toDir, readBase, next) : readBase()));
    openedAt.push(next);
    reals.push(nextReal);
    seen.push(nextOpened);
  }
}

/** A base read like any scenario; its syntax errors quote it, so they are listed as a named file's (a few). */
function readBaseDocument(text: string, file: string, real: string | undefined): ScenarioDocument {
  try {
    return readScenarioDocument(text, file);
  } catch (err) {
    if (err instanceof ScenarioError)
      throw new ScenarioError(err.source, real === undefined ? err.issues : err.issues.map((i) => (i.source === undefined ? { ...i, realSource: real } : i)), { named: true });
    throw err;
  }
}

/** A file's tree without its `extends` key, which is not part of the merged scenario. */
function withoutExtends(tree: Tree): Tree {
  if (tree.kind !== 'map' || !tree.entries.has('extends')) return tree;
  const entries = new Map(tree.entries);
  entries.delete('extends');
  return { ...tree, entries };
}

/**
 * Paths of data files (customersFile, openingPipeline.file) are relative to the file that writes
 * them. A base's paths are rewritten relative to the top file, the one `attachFiles` resolves
 * against, so a base and its data can sit in another folder. Each is found as the system opens it
 * from the base's folder (systemJoin); rewritten as text (relative(toDir, join(fromDir, value)))
 * a `..` after a link, in the base's path or on the way between the two folders, led to another
 * folder's book than the base read by itself, or to a path nobody wrote. When the relative form
 * does not lead to the same file from the top file's folder, the path is kept absolute.
 *
 * Returns each rewritten path's name in messages, by its field's path in the base (pathKey): the
 * value as written joined to the base's shown folder `shownDir` (shownJoin), `lnk/../lnk2/../data/book.csv`;
 * the rewritten path named the real folder, which nobody wrote.
 */
async function rebaseFilePaths(data: Record<string, unknown>, fromDir: string, toDir: string, shownDir: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const rebase = async (holder: unknown, key: string, at: PathPart[]) => {
    if (holder === null || typeof holder !== 'object') return;
    const h = holder as Record<string, unknown>;
    const value = h[key];
    if (typeof value !== 'string' || value.trim() === '' || isAbsolute(value)) return;
    const target = await systemJoin(fromDir, value);
    names.set(pathKey(at), await shownJoin(shownDir, value));
    // A path the system opens no file by (`nothere/../data/book.csv`: a `..` after a folder that is
    // missing or a link to nothing; systemJoin leaves it unjoined) is kept so, made absolute as text:
    // relative() and resolve() took `nothere/..` away, and the top file read the base's
    // data/book.csv, which the base run by itself is refused ("does not exist"). attachFiles
    // opens and names it as written (`names`) when that is this path relative to the cwd.
    if ((await realPath(target, { throughMissing: false })) === undefined) {
      h[key] = isAbsolute(target) ? target : `${currentDirectory()}${sep}${target}`;
      return;
    }
    const relativeForm = relative(toDir, target) || value;
    const same = (await realPath(resolve(await systemJoin(toDir, relativeForm)))) === (await realPath(resolve(target)));
    h[key] = same ? relativeForm : resolve(target);
  };
  if (!Array.isArray(data.tiers)) return names;
  for (const [i, tier] of (data.tiers as unknown[]).entries()) {
    if (tier === null || typeof tier !== 'object') continue;
    const t = tier as Record<string, unknown>;
    await rebase(t.existing, 'customersFile', ['tiers', i, 'existing', 'customersFile']);
    const nb = t.newBusiness as Record<string, unknown> | undefined;
    if (nb !== null && typeof nb === 'object') await rebase(nb.openingPipeline, 'file', ['tiers', i, 'newBusiness', 'openingPipeline', 'file']);
  }
  return names;
}

/**
 * The names in messages of the data paths a base writes (rebaseFilePaths), by their field's path
 * in the merged scenario (pathKey): the layer that wrote each value, by the merge's origins.
 */
function dataNamesInMerged(layers: readonly ScenarioDocument[], origins: ReadonlyMap<string, Origin>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, origin] of origins) {
    const name = layers[origin.layer]!.dataNames?.get(pathKey(origin.path));
    if (name !== undefined) out.set(key, name);
  }
  return out;
}
