import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe as group, expect, it } from 'vitest';
import { carryExportDocs, exportedDoc, opener, wrappedExports } from '../../scripts/carry-export-docs.mjs';
import { ROOT } from '../helpers/fixtures.js';

/**
 * Every function the library exports through api/checked-exports.ts is declared in the built .d.ts
 * with the doc comment written beside the function it wraps and that function's exact type
 * (`typeof namespace.function`): an editor hovering `simulate`, or completing it, showed nothing.
 * The declarations are made here as tsc makes them for that file (transpileDeclaration: each export's
 * type is written in the source) and documented as `npm run build` documents dist's
 * (scripts/carry-export-docs.mjs), reading the source files in place of dist's .d.ts: no program
 * is built, so the test costs a parse of the files.
 */
const SOURCE = join(ROOT, 'src/api/checked-exports.ts');
const declared = ts.transpileDeclaration(readFileSync(SOURCE, 'utf8'), {
  fileName: SOURCE,
  reportDiagnostics: true,
  compilerOptions: { module: ts.ModuleKind.NodeNext, target: ts.ScriptTarget.ES2022 },
});
const open = opener('.ts');
const carried = carryExportDocs(SOURCE.replace(/\.ts$/, '.d.ts'), declared.outputText, open);
const sf = ts.createSourceFile('checked-exports.d.ts', carried.text, ts.ScriptTarget.Latest, true);
const exports = wrappedExports(sf);

/** The names src/index.ts exports from api/checked-exports.js, read from its text. */
function indexExports(): string[] {
  const index = ts.createSourceFile('index.ts', readFileSync(join(ROOT, 'src/index.ts'), 'utf8'), ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  for (const s of index.statements)
    if (ts.isExportDeclaration(s) && s.moduleSpecifier && (s.moduleSpecifier as ts.StringLiteral).text === './api/checked-exports.js' && s.exportClause && ts.isNamedExports(s.exportClause))
      names.push(...s.exportClause.elements.map((e) => e.name.text));
  return names.sort();
}

/** The parameters of the function `fn` a source module exports (a function declaration or a const arrow/function). */
function parametersOf(module: string, fn: string): readonly ts.ParameterDeclaration[] {
  const { file, text } = open(module, SOURCE);
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  for (const s of source.statements) {
    if (ts.isFunctionDeclaration(s) && s.name?.text === fn) return s.parameters;
    if (ts.isVariableStatement(s))
      for (const d of s.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.name.text === fn && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) return d.initializer.parameters;
  }
  throw new Error(`${module} has no function ${fn}`);
}

/**
 * A parameter with a type: written (not `any`), or its default's (the compiler, strict, infers it from
 * the default and refuses an implicit any: the declaration then states the inferred type).
 */
const typed = (p: ts.ParameterDeclaration): boolean => (p.type !== undefined ? p.type.kind !== ts.SyntaxKind.AnyKeyword : p.initializer !== undefined);

group('the library\'s declarations carry each function\'s documentation and type', () => {
  it('each checked export is declared as the exact type of the function it wraps, and src/index.ts exports every one', () => {
    expect(declared.diagnostics ?? []).toEqual([]);
    expect(exports.map((e) => e.name).sort()).toEqual(indexExports());
    expect(exports.length).toBeGreaterThanOrEqual(88);
    const untyped: string[] = [];
    for (const e of exports) {
      expect(e.module, e.name).toMatch(/^\.\.\/\w+(\/[\w-]+)+\.js$/);
      expect(e.fn, e.name).toBe(e.name);
      for (const p of parametersOf(e.module!, e.fn!)) if (!typed(p)) untyped.push(`${e.name}(${p.name.getText()})`);
    }
    expect(untyped).toEqual([]);
  });

  it('each declaration has the doc comment of its function, as written beside it', () => {
    expect(carried.problems).toEqual([]);
    for (const e of exports) {
      const docs = ts.getJSDocCommentsAndTags(e.statement).filter((d) => d.kind === ts.SyntaxKind.JSDoc);
      expect(docs, e.name).toHaveLength(1);
      const doc = carried.text.slice(docs[0]!.getStart(sf), docs[0]!.end);
      const written = exportedDoc(open(e.module!, SOURCE).file, open(e.module!, SOURCE).text, e.fn!, open);
      expect(doc, e.name).toBe(written);
      // A sentence, not an empty comment.
      expect(doc.replace(/[/*\s]/g, '').length, e.name).toBeGreaterThan(20);
    }
    // Carrying again changes nothing (npm run build over a built dist).
    expect(carryExportDocs('x.d.ts', carried.text, (s) => open(s, SOURCE)).text).toBe(carried.text);
  });

  it('an export not declared as typeof namespace.function, or wrapping an undocumented function, is named', () => {
    const dts = "import * as m from '../engine/simulate.js';\nexport declare const a: (x: number) => number;\nexport declare const simulate: typeof m.notThere;\n";
    expect(carryExportDocs(SOURCE, dts, open).problems).toEqual([
      'a is not declared as `typeof namespace.function` of an imported module',
      "simulate: ../engine/simulate.js's notThere has no doc comment",
    ]);
  });
});
