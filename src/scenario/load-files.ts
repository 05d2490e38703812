import { createHash } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { realPath, shownJoin, systemJoin } from './system-path.js';
import { shownIfOpens, withRealPath } from './shown-beside.js';
import { pathKey } from './merge.js';
import { currentDirectory } from './current-directory.js';
import { readCsvBytes } from './csv-table.js';
import { readCustomerBooks, type CustomerBook } from './customer-book.js';
import type { LoadedScenario } from './parse.js';
import { readPipelines, type PipelineBook } from './pipeline-file.js';
import { namedFiles } from './scenario-files.js';
import { ScenarioError } from './scenario-error.js';
import { checkOpened, outsideProblem, type PathPolicy } from './path-policy.js';
import type { Scenario } from './scenario-schema.js';
import { setOwn } from './own-key.js';
import { recordLoadedFiles } from './files-digest.js';
import { digestOfContent } from './digest-of-content.js';
import type { ParsedDataFiles } from './parsed-data-files.js';
import type { InputFile } from './input-file.js';

/**
 * Read the files a validated scenario names (customer books, opening pipelines), relative to the
 * scenario file, and attach their data and the paths they were read from (`dataFiles`, one source
 * for the commands' check that no output replaces them). The hash then covers the files' bytes too, so a changed
 * book is a different run. Throws ScenarioError naming the data file, line and column; a path
 * outside what `policy` allows (path-policy.ts) is refused at the field that names it, in the
 * scenario, before the file is opened.
 *
 * @example (await attachFiles(loaded, 'plan.yaml', await scenarioPathPolicy('plan.yaml'))).files?.books?.SMB.size
 * Complexity: O(size of the files).
 */
export async function attachFiles(
  loaded: LoadedScenario,
  scenarioFile: string,
  policy: PathPolicy,
  options: { readonly parsed?: ParsedDataFiles; readonly reads?: Map<string, Promise<Buffer>> } = {},
): Promise<LoadedScenario> {
  // As the system opens it: a `..` after a link goes up from where the link points (system-path.ts).
  const systemPaths = new Map<string, string>();
  for (const t of loaded.scenario.tiers)
    for (const f of [t.existing?.customersFile, t.newBusiness?.openingPipeline?.file])
      if (f !== undefined && !systemPaths.has(f)) systemPaths.set(f, await systemJoin(dirname(scenarioFile), f));
  const where = (f: string) => systemPaths.get(f) ?? join(dirname(scenarioFile), f);
  const { books: bookFiles, pipelines: pipelineFiles, stageConflicts } = namedFiles(loaded.scenario, await fileIdentities(loaded.scenario, where));
  if (stageConflicts.length > 0) throw new ScenarioError(loaded.source, stageConflicts.map((c) => ({ path: [...c.path], message: c.message })));
  if (bookFiles.size === 0 && pipelineFiles.size === 0) return loaded;
  const s = loaded.scenario;
  const allTiers = s.tiers.map((t) => t.name);
  const calendar = { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth };
  // Named in messages as written, joined to the name of the file that writes it (shownJoin; a base's,
  // dataNames), when that name opens the file read: a data file of `lnk/../plan.yaml`, or one written
  // `lnk/../data/book.csv`, in the scenario or a base, was shown by the real path, which nobody wrote.
  const read = async (file: string, field: ReadonlyArray<string | number>, what: string) => {
    const written = loaded.dataNames?.get(pathKey(field)) ?? (await shownJoin(dirname(scenarioFile), file));
    // A base's data path the system opens no file by (`nothere/../data/book.csv`) is the name as
    // written made absolute as text (extends.ts rebaseFilePaths): opened and named as written, as
    // the base read by itself names it, not by the absolute path nobody wrote.
    const path = !isAbsolute(written) && isAbsolute(where(file)) && where(file) === `${currentDirectory()}${sep}${written}` ? written : where(file);
    const shown = await shownIfOpens(written, path);
    const outside = await outsideProblem(policy, path, file);
    if (outside !== undefined) throw new ScenarioError(loaded.source, [{ path: [...field], message: outside, ...loaded.locate?.(field) }]);
    try {
      // `reads`: two scenarios attached with one map (a state and the file as written) read each file once, so both have the same data.
      const opened = () => readCsvBytes(path, shown, undefined, checkOpened(policy, file));
      let bytes = options.reads?.get(path);
      if (!bytes) {
        bytes = opened();
        options.reads?.set(path, bytes);
      }
      // The read awaited first: awaiting anything else while it is pending leaves its failure
      // unhandled for that while (an unhandled rejection: exit 1 and a stack trace).
      const data = await bytes;
      // Its real path, for messages at a line of it when `shown` is not the path opened (withRealPath).
      return { path, shown, real: shown === path ? undefined : await realPath(resolve(path)), bytes: data };
    } catch (err) {
      // A file that cannot be read at all (missing, a directory, a FIFO, too large) is a problem of
      // the field that names it: reported there, at its line, as an extends base is.
      if (!(err instanceof ScenarioError)) throw err;
      const named = await withRealPath(shown, path);
      throw new ScenarioError(
        loaded.source,
        err.issues.map((issue) => ({ path: [...field], message: `the ${what} ${named}: ${issue.message}`, ...loaded.locate?.(field) })),
      );
    }
  };
  const hash = createHash('sha256').update(loaded.hash);
  const dataFiles: InputFile[] = [];
  const books: Record<string, CustomerBook> = {};
  for (const [file, tiers] of bookFiles) {
    const { path, shown, real, bytes } = await read(file, fieldNaming(s, tiers[0]!, ['existing', 'customersFile']), 'customer book');
    dataFiles.push({ path, ...(shown !== path ? { shown } : {}), what: 'the customer book' });
    hash.update(`\0book\0${file}\0`).update(bytes);
    const parse = () => namedAs(path, shown, real, () => [...readCustomerBooks(bytes, path, tiers, allTiers, calendar)]);
    for (const [tier, book] of parsedOnce(options.parsed, ['book', path, tiers, allTiers, calendar], bytes, parse)) setOwn(books, tier, book);
  }
  const pipelines: Record<string, PipelineBook> = {};
  for (const [file, { tiers, stages }] of pipelineFiles) {
    const { path, shown, real, bytes } = await read(file, fieldNaming(s, tiers[0]!, ['newBusiness', 'openingPipeline', 'file']), 'pipeline file');
    dataFiles.push({ path, ...(shown !== path ? { shown } : {}), what: 'the pipeline file' });
    hash.update(`\0pipeline\0${file}\0`).update(bytes);
    const parse = () => namedAs(path, shown, real, () => [...readPipelines(bytes, path, tiers, allTiers, calendar, stages)]);
    for (const [tier, p] of parsedOnce(options.parsed, ['pipeline', path, tiers, allTiers, calendar, stages ?? null], bytes, parse)) setOwn(pipelines, tier, p);
  }
  const files = { books, pipelines };
  const filesDigest = recordLoadedFiles(files);
  return { ...loaded, hash: hash.digest('hex'), contentDigest: digestOfContent(loaded.hash, filesDigest), files, dataFiles };
}

/**
 * `read()`, its problems in `path` named `shown` (as the user named the scenario), with the file's
 * `real` path beside each line's place (filePlace), as the messages naming the whole file have it.
 * The data is read under `path`, as it is opened: the same file named two ways is the same data.
 */
function namedAs<T>(path: string, shown: string, real: string | undefined, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (!(err instanceof ScenarioError) || path === shown) throw err;
    const mine = (source: string | undefined) => source === undefined ? err.source === path : source === path;
    const at = (source: string | undefined) => (source === path ? shown : source);
    const issues = err.issues.map((issue) =>
      !mine(issue.source) ? issue : { ...issue, ...(issue.source === undefined ? {} : { source: shown }), ...(real === undefined ? {} : { realSource: real }) },
    );
    throw new ScenarioError(at(err.source)!, issues);
  }
}

/** `parse()`, or what it made of the same bytes under the same inputs before, when `parsed` keeps them. */
const parsedOnce = <T extends object>(parsed: ParsedDataFiles | undefined, inputs: unknown[], bytes: Buffer, parse: () => T): T =>
  parsed ? parsed.get(JSON.stringify(inputs), bytes, parse) : parse();

/**
 * Which file each name a scenario writes is, after following links and `..` (a name that does not
 * resolve stands for itself): `data/b.csv`, `./data/../data/b.csv` and a link to it are one file,
 * read once for every tier that names it. Read as two files, each refused the other tiers' rows.
 */
async function fileIdentities(s: Scenario, where: (file: string) => string): Promise<(file: string) => string> {
  const ids = new Map<string, string>();
  for (const t of s.tiers)
    for (const file of [t.existing?.customersFile, t.newBusiness?.openingPipeline?.file])
      if (file !== undefined && !ids.has(file)) ids.set(file, await realpath(where(file)).catch(() => identityOfMissing(where(file))));
  return (file) => ids.get(file) ?? file;
}

/**
 * The identity of a data path that does not open: the path resolved, unless the system refuses it
 * (`nothere/../data/b.csv`, systemJoin's path unjoined), which is no other name's file: resolved,
 * it was data/b.csv, grouped with a tier naming that file, and read there without a word.
 */
const identityOfMissing = async (path: string): Promise<string> =>
  (await realPath(path, { throughMissing: false })) === undefined ? `\0${path}` : resolve(path);

/** The path of `field` in the first tier named `tier`: where a data file is named, for messages. */
function fieldNaming(s: Scenario, tier: string, field: readonly string[]): Array<string | number> {
  return ['tiers', Math.max(0, s.tiers.findIndex((t) => t.name === tier)), ...field];
}
