import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe as group, expect, it } from 'vitest';

/**
 * Every function the library exports through api/checked-exports.ts is declared in the built .d.ts
 * with its exact type (`typeof namespace.function`) and the doc comment written beside the function
 * it wraps: `npm run build` copies the doc onto the declaration (scripts/carry-export-docs.mjs), so an
 * editor hovering `simulate`, or completing it, shows it. Checked from the text of the build script
 * and of the source files (no TypeScript loaded, no build: the check costs reading some files).
 */
// Not test/helpers/fixtures.js: it loads the scenario parser, which this text check has no use for.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(file, 'utf8');
const SOURCE = join(ROOT, 'src/api/checked-exports.ts');
const source = read(SOURCE);
/** namespace -> module file, from `import * as ns from '../x/y.js'`. */
const namespaces = new Map([...source.matchAll(/^import \* as (\w+) from '(\.\.\/[\w/-]+)\.js';$/gm)].map((m) => [m[1]!, join(dirname(SOURCE), `${m[2]}.ts`)]));
/** Each `export const NAME: typeof ns.fn = checked('NAME', ns.fn, ...)` (form null for an export written otherwise). */
const exportLines = [...source.matchAll(/^export const (\w+)(.*)$/gm)];
const wrapped = exportLines.map((m) => ({ name: m[1]!, form: /^: typeof (\w+)\.(\w+) = checked\('(\w+)', (?:(\w+)\.(\w+),|function (\w+)\()/.exec(m[2]!) }));

/** The doc comment just above the exported function or const `name` of `file`, following `export { name } from` once. */
function docOf(file: string, name: string): string | undefined {
  const text = read(file);
  const own = new RegExp(String.raw`(/\*\*(?:(?!\*/)[\s\S])*\*/)\s*export (?:async )?(?:function\*? |const )${name}\b`).exec(text);
  if (own) return own[1];
  const reexport = new RegExp(String.raw`export \{[^}]*\b${name}\b[^}]*\} from '(\.[\w/.-]+)\.js'`).exec(text);
  return reexport ? docOf(join(dirname(file), `${reexport[1]}.ts`), name) : undefined;
}

group("the library's declarations carry each function's documentation and type", () => {
  it('npm run build runs carry-export-docs.mjs on the declarations tsc wrote, which it reads from dist', () => {
    const build = JSON.parse(read(join(ROOT, 'package.json'))).scripts.build as string;
    const steps = build.split('&&').map((s) => s.trim());
    const tsc = steps.findIndex((s) => s.startsWith('tsc -p tsconfig.build.json'));
    const carry = steps.indexOf('node scripts/carry-export-docs.mjs');
    expect(tsc).toBeGreaterThanOrEqual(0);
    expect(carry).toBeGreaterThan(tsc);
    expect(read(join(ROOT, 'scripts/carry-export-docs.mjs'))).toContain("'../dist/api/checked-exports.d.ts'");
  });

  it('each checked export is declared as the exact type of the function it wraps, documented beside it, and src/index.ts exports every one', () => {
    expect(wrapped.length).toBeGreaterThanOrEqual(88);
    const undocumented: string[] = [];
    for (const { name, form } of wrapped) {
      expect(form, `${name} is not written \`typeof namespace.${name}\` = checked('${name}', namespace.${name}, ...)`).not.toBeNull();
      // The function itself (ns.fn), or one of that name written in place (createEngine's, which takes the engine's defaults).
      const [, ns, fn, label, ns2, fn2, inPlace] = form!;
      expect([fn, label, inPlace === undefined ? ns2 : ns, fn2 ?? inPlace], name).toEqual([name, name, ns, name]);
      expect(namespaces.has(ns!), `${name}: ${ns} is not a module imported as a namespace`).toBe(true);
      const doc = docOf(namespaces.get(ns!)!, fn!);
      // A sentence, not an empty comment.
      if (!doc || doc.replace(/[/*\s]/g, '').length <= 20) undocumented.push(`${name} (${namespaces.get(ns!)})`);
    }
    expect(undocumented).toEqual([]);
    const index = /export \{([^}]*)\} from '\.\/api\/checked-exports\.js';/.exec(read(join(ROOT, 'src/index.ts')));
    expect(index).not.toBeNull();
    const exported = index![1]!.split(',').map((s) => s.trim()).filter(Boolean).sort();
    expect(exported).toEqual(wrapped.map((w) => w.name).sort());
  });
});
