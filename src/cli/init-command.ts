import type { Command } from 'commander';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchema } from '../scenario/json-schema.js';
import { STARTER_SCENARIO } from '../scenario/starter.js';
import { UsageError } from './exit-codes.js';
import type { Io } from './io.js';

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

/**
 * `arrcast init FILE [--template NAME] [--force]`: write the commented starter (or an example
 * company with the files it names: its base and data files, at the same paths relative to FILE),
 * and the JSON Schema beside it, so the `$schema` line resolves. Nothing is overwritten without
 * --force, except the schema, which is this version's.
 */
export function registerInitCommand(program: Command, io: Io): void {
  program
    .command('init')
    .description(
      `Write a commented starter scenario to edit (a lead-driven tier and a rep-driven tier with hiring and ramp, opening books, P10/P50/P90 inputs), and ${SCHEMA_FILE} beside it for editors.`,
    )
    .argument('<file>', 'where to write it, e.g. my-plan.yaml')
    .option('-t, --template <name>', `start from an example company instead: ${templateNames().join(', ')}`)
    .option('-f, --force', 'overwrite the files if they exist')
    .action(async (file: string, opts: { force?: boolean; template?: string }) => {
      const writes: Array<{ path: string; text: string }> = [];
      if (opts.template === undefined) writes.push({ path: file, text: STARTER_SCENARIO });
      else {
        const names = templateNames();
        if (!names.includes(opts.template)) throw new UsageError(`unknown template "${opts.template}"; use one of: ${names.join(', ')}`);
        const pending: Array<{ from: string; to: string }> = [{ from: `${opts.template}.yaml`, to: file }];
        while (pending.length > 0) {
          const { from, to } = pending.shift()!;
          if (writes.some((w) => w.path === to)) continue;
          let text = readFileSync(join(TEMPLATES_DIR, from), 'utf8');
          if (from.endsWith('.yaml')) {
            // The schema is written beside the scenario, not in a schema/ folder.
            text = text.replace(/\$schema=\.\/schema\/arrcast\.schema\.json/, `$schema=./${SCHEMA_FILE}`);
            for (const named of namedFiles(text)) pending.push({ from: join(dirname(from), named), to: join(dirname(to), named) });
          }
          writes.push({ path: to, text });
        }
      }
      const existing = writes.filter((w) => existsSync(w.path)).map((w) => w.path);
      if (existing.length > 0 && !opts.force) throw new UsageError(`${existing.join(', ')} ${existing.length === 1 ? 'exists; use --force to overwrite it' : 'exist; use --force to overwrite them'}`);
      for (const w of writes) {
        await mkdir(dirname(w.path), { recursive: true });
        await writeFile(w.path, w.text);
      }
      const schema = join(dirname(file), SCHEMA_FILE);
      await writeFile(schema, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
      io.out(`wrote ${writes.map((w) => w.path).join(', ')} and ${schema}; next: arrcast validate ${file} && arrcast run ${file}\n`);
    });
}
