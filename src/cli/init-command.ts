import type { Command } from 'commander';
import { readdirSync, readFileSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileExistsError, NotAFileError, writeFilesAtomically } from '../report/atomic-file.js';
import { recheckOutFile, resolveOutFile } from '../report/resolve-out-file.js';
import { scenarioJsonSchema } from '../scenario/json-schema.js';
import { readFileBytes } from '../scenario/read-file.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import { isInside, scenarioPathPolicy } from '../scenario/path-policy.js';
import { realPath, systemPath } from '../scenario/system-path.js';
import { shownBeside, shownIfOpens } from '../scenario/shown-beside.js';
import { STARTER_SCENARIO } from '../scenario/starter.js';
import { closest } from '../scenario/csv-table.js';
import { UsageError } from './exit-codes.js';
import type { Io } from './io.js';
import { arrcastCommand } from './invocation.js';
import { refuseJsonName } from './yaml-file-name.js';
import { terminalCell } from '../report/terminal-text.js';
import { pathWord } from '../report/shell-word.js';

/** The example companies shipped in the package (scenarios/*.yaml), which `--template` copies. */
const TEMPLATES_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** The schema file `init` writes beside the scenario, which the scenario's first line names. */
export const SCHEMA_FILE = 'arrcast.schema.json';

/**
 * Names of the example companies `--template` takes: the .yaml files of scenarios/, without the
 * extension. None when the package ships no scenarios/ (a copied dist/): every other command must
 * still start, so this never throws.
 */
export function templateNames(): string[] {
  let files: string[];
  try {
    files = readdirSync(TEMPLATES_DIR);
  } catch {
    return [];
  }
  return files
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** Files a template names (its base, customer books, pipelines), relative to it, from its text. */
function namedFiles(text: string): string[] {
  return [...text.matchAll(/^\s*(?:extends|customersFile|file):\s*["']?([^\s"'#]+)/gm)].map((m) => normalize(m[1]!));
}

/** The title of the JSON Schema arrcast writes (json-schema.ts), by which an existing schema file is known as arrcast's. */
const SCHEMA_TITLE = 'arrcast scenario';

/** Largest arrcast.schema.json read to check whether it is arrcast's (this version's is about 135 kB): a larger one is not. */
const SCHEMA_MAX_BYTES = 16 * 1024 * 1024;

/** What to do when the schema's place holds something that is not arrcast's schema. */
const SCHEMA_ADVICE = `init writes the scenario's JSON Schema there and replaces only arrcast's own, --force or not; move it away or write the scenario in another folder`;

/**
 * Whether `text` is a JSON Schema arrcast wrote (`arrcast init` or `arrcast schema > FILE`, of any
 * version): a JSON object titled `arrcast scenario` whose `$schema` is a json-schema.org draft.
 *
 * @example isArrcastSchema('{"$schema":"https://json-schema.org/draft/2020-12/schema","title":"arrcast scenario"}') // => true
 */
export function isArrcastSchema(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { title, $schema } = value as Record<string, unknown>;
  return title === SCHEMA_TITLE && typeof $schema === 'string' && $schema.startsWith('https://json-schema.org/');
}

/** One file init writes: `shown` as the user named it, `path` resolved and checked (resolveOutFile), `existed` when it was checked. */
interface Target {
  readonly shown: string;
  readonly path: string;
  readonly text: string;
  readonly existed: boolean;
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Where the schema goes (`shown`, beside the scenario), checked: by resolveOutFile's rules (no
 * dangling symlink, directory, FIFO, device or socket, and a folder that can be written), and, when
 * a file is there, it must be arrcast's schema (isArrcastSchema; through a symlink, the file it
 * points at), read without blocking (readFileBytes). Anything else exits 2.
 */
async function checkSchemaFile(file: string, shown: string, text: string): Promise<Target> {
  const path = await resolveOutFile(file, { force: true, inputs: [], label: '', directoryAdvice: () => SCHEMA_ADVICE, shown });
  if (!(await exists(path))) return { shown, path, text, existed: false };
  let existing: string;
  try {
    existing = (await readFileBytes(path, shown, { maxBytes: SCHEMA_MAX_BYTES, noun: 'a JSON Schema', tooLarge: (size, more) => `is ${more}${size} bytes` })).toString('utf8');
  } catch (err) {
    if (err instanceof ScenarioError) throw new UsageError(`${shown} exists and cannot be checked to be arrcast's JSON Schema (${err.issues[0]?.message ?? 'unreadable'}); ${SCHEMA_ADVICE}`);
    throw err;
  }
  if (!isArrcastSchema(existing)) throw new UsageError(`${shown} exists and is not arrcast's JSON Schema; ${SCHEMA_ADVICE}`);
  return { shown, path, text, existed: true };
}

/** What to do when a file the template names is there with other content than the template's. */
const FOREIGN_ADVICE = "init replaces a file the template names only when it holds the template's own content, --force or not (--force replaces the scenario you name); move it away or write the scenario in another folder";

/**
 * Whether the file at `path` holds exactly `text` (what init writes there), read without blocking
 * and no further than that text's length (readFileBytes): a file that cannot be read is not.
 */
async function holdsText(path: string, shown: string, text: string): Promise<boolean> {
  const expected = Buffer.from(text, 'utf8');
  try {
    const bytes = await readFileBytes(path, shown, { maxBytes: expected.length, noun: 'a file', tooLarge: () => 'is larger' });
    return bytes.equals(expected);
  } catch (err) {
    if (err instanceof ScenarioError) return false;
    throw err;
  }
}

/**
 * Refuse (exit 2) a file the template names (`shown`: a customer book, a pipeline, a base) whose
 * place resolves, links followed, outside the scenario `file`'s folder tree: `data/` a link to
 * another folder, or `data/x.csv` a link to a file elsewhere. init wrote (with --force, replaced)
 * the file there, out of the folder the user named, and the scenario it wrote was then refused by
 * `validate` and `run` under the path policy (path-policy.ts), the very next command init printed.
 */
async function refuseNamedFileOutside(file: string, path: string, shown: string): Promise<void> {
  const folder = (await scenarioPathPolicy(file)).roots[0]!;
  const real = await realPath(resolve(path));
  if (!isInside(folder, real))
    throw new UsageError(
      `${terminalCell(shown)} is a file the template names, and it resolves to ${terminalCell(real)}, outside the scenario's folder ${terminalCell(folder)} (a link leads out of it), where run and validate would refuse to read it; init wrote none of its files: remove the link, or write the scenario in another folder`,
    );
}

/**
 * `arrcast init FILE [--template NAME] [--force]`: write the commented starter (or an example
 * company with the files it names: its base and data files, at the same paths relative to FILE),
 * and the JSON Schema beside it, so the `$schema` line resolves.
 *
 * Every file is resolved and checked before any is written (resolveOutFile: no dangling symlink,
 * directory, FIFO, device, unwritable or impossible path; bad input exits 2), so a refusal writes
 * nothing; then all are written, or none as far as a signal can tell (writeFilesAtomically). An existing scenario
 * file is replaced only with --force; the schema only when it is arrcast's own (checkSchemaFile),
 * --force or not. Nothing is opened that could block (a FIFO is refused by its kind before, and
 * the existing schema is read non-blocking), so signals stop it at once. When a write fails or a
 * signal comes, no file is created or replaced, and no folder is left.
 */
export function registerInitCommand(program: Command, io: Io, signal?: AbortSignal): void {
  program
    .command('init')
    .description(
      `Write a commented starter scenario to edit (a lead-driven tier and a rep-driven tier with hiring and ramp, opening books, P10/P50/P90 inputs), and ${SCHEMA_FILE} beside it for editors.`,
    )
    .argument('<file>', 'where to write it, e.g. my-plan.yaml')
    .option('-t, --template <name>', `start from an example company instead: ${templateNames().join(', ')}`)
    .option('-f, --force', "overwrite the scenario file if it exists (a file the template names only when it holds the template's content)")
    .action(async (given: string, opts: { force?: boolean; template?: string }) => {
      if (given.trim() === '') throw new UsageError('the file to write is empty: name the scenario file, e.g. arrcast init my-plan.yaml');
      // Its folder as the system finds it (a `..` after a link), where run will read the files it names:
      // the schema and a template's files went beside `lnk/..` taken as text, not beside the scenario.
      // Written, a `..` after a folder that does not exist is taken as text, as --out takes it (resolveOutPath).
      const file = await systemPath(given, { throughMissing: true });
      // Each file is named as the user named the scenario, `lnk/../plan.yaml`, when the system opens that
      // name where init writes; else by the path the system finds (shown-beside.ts).
      const show = (path: string) => shownBeside(given, file, path);
      const writes: Array<{ from: string; path: string; text: string }> = [];
      if (opts.template === undefined) writes.push({ from: '', path: file, text: STARTER_SCENARIO });
      else {
        const names = templateNames();
        if (!names.includes(opts.template)) {
          const near = closest(opts.template, names);
          throw new UsageError(`unknown template "${opts.template}"${near ? ` (did you mean ${near}?)` : ''}; use one of: ${names.join(', ')}`);
        }
        const pending: Array<{ from: string; to: string }> = [{ from: `${opts.template}.yaml`, to: file }];
        while (pending.length > 0) {
          const { from, to } = pending.shift()!;
          if (writes.some((w) => w.path === to && w.from === from)) continue;
          let text = readFileSync(join(TEMPLATES_DIR, from), 'utf8');
          if (from.endsWith('.yaml')) {
            // The schema is written beside the scenario, not in a schema/ folder.
            text = text.replace(/\$schema=\.\/schema\/arrcast\.schema\.json/, `$schema=./${SCHEMA_FILE}`);
            for (const named of namedFiles(text)) pending.push({ from: join(dirname(from), named), to: join(dirname(to), named) });
          }
          writes.push({ from, path: to, text });
        }
      }
      // Everything is checked before anything is written: a refusal writes nothing.
      const targets: Target[] = [];
      for (const w of writes) {
        const named = await show(w.path);
        const path = await resolveOutFile(w.path, {
          force: true,
          inputs: [],
          label: '',
          directoryAdvice: (folder) => `name the scenario file to write, e.g. ${folder === '' ? '' : `${folder}/`}my-plan.yaml`,
          shown: named,
        });
        // Named so when that name opens what is written: `nothere/../plan.yaml` (no folder nothere) is
        // written as an output's path is (resolveOutPath, ./plan.yaml), but the system opens no file by
        // it, and the printed "next: arrcast validate nothere/../plan.yaml" said it did not exist.
        const shown = await shownIfOpens(named, path);
        const same = targets.find((t) => t.path === path);
        if (same !== undefined)
          throw new UsageError(
            same === targets[0]
              ? `${same.shown}${same.shown === shown ? ' is' : ` and ${shown} are`} both the scenario and a file the template names (${w.from}); name the scenario another way`
              : `${same.shown} and ${shown} are the same file; name the scenario another way`,
          );
        if (targets.length > 0) await refuseNamedFileOutside(file, w.path, shown);
        targets.push({ shown, path, text: w.text, existed: await exists(path) });
      }
      // A file the template names is replaced only when it holds what init writes there (an earlier
      // init's): --force replaced a user's data/enterprise-customers.csv or example.yaml that only
      // shared the name. Only the scenario itself, which the user named, is theirs to replace.
      const foreignFiles = async () => {
        const found: string[] = [];
        for (const t of targets.slice(1)) if (t.existed && !(await holdsText(t.path, t.shown, t.text))) found.push(t.shown);
        return found;
      };
      const foreign = await foreignFiles();
      if (foreign.length > 0)
        throw new UsageError(
          `${foreign.map(terminalCell).join(', ')} ${foreign.length === 1 ? 'exists and is not the file' : 'exist and are not the files'} the template writes there (the content differs); ${FOREIGN_ADVICE}`,
        );
      const existing = targets.filter((t) => t.existed).map((t) => t.shown);
      if (existing.length > 0 && !opts.force) throw new UsageError(`${existing.join(', ')} ${existing.length === 1 ? 'exists; use --force to overwrite it' : 'exist; use --force to overwrite them'}`);
      const schemaFile = join(dirname(file), SCHEMA_FILE);
      const schema = await checkSchemaFile(schemaFile, await show(schemaFile), `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
      const clash = targets.find((t) => t.path === schema.path);
      if (clash !== undefined) throw new UsageError(`${clash.shown} is where init writes the JSON Schema (${SCHEMA_FILE}); name the scenario another way`);
      // The starter and the templates are commented YAML.
      refuseJsonName(await show(file), given);
      // Then all are written, or none (as far as a signal can tell): a signal, a failed write or a file
      // created meanwhile leaves every file as it was, and no folder made for them.
      const all = [...targets, schema];
      try {
        // A file that was not there when checked is written only if it still is not (no force).
        await writeFilesAtomically(
          all.map((t) => ({ path: t.path, text: t.text, force: t.existed })),
          {
            signal,
            parents: true,
            recheck: async () => {
              for (const t of all) await recheckOutFile(t.path, t.shown);
              // And the content, as the places: a file the template names that a user wrote over
              // while init ran is kept (a window of the moves themselves, microseconds, is left).
              const changed = await foreignFiles();
              if (changed.length > 0)
                throw new UsageError(
                  `${changed.map(terminalCell).join(', ')} ${changed.length === 1 ? 'was' : 'were'} changed while init ran and ${changed.length === 1 ? 'is not the file' : 'are not the files'} the template writes there; init stopped and wrote none of its files`,
                );
            },
          },
        );
      } catch (err) {
        if (err instanceof FileExistsError || err instanceof NotAFileError) {
          const shown = all.find((t) => t.path === err.path)?.shown ?? err.path;
          throw new UsageError(`${shown} was ${err instanceof FileExistsError ? 'created' : 'replaced by something other than a regular file'} while init ran; init stopped and wrote none of its files`);
        }
        throw err;
      }
      const arrcast = arrcastCommand();
      // One word of a command the user can paste: a name with a space or a leading '-' was two words, or an option.
      const next = pathWord(targets[0]!.shown);
      io.out(`wrote ${targets.map((t) => terminalCell(t.shown)).join(', ')} and ${terminalCell(schema.shown)}; next: ${arrcast} validate ${next} && ${arrcast} run ${next}\n`);
    });
}
