#!/usr/bin/env node
// After tsc (npm run build): each function the library exports through src/api/checked-exports.ts is
// declared there as `export declare const simulate: typeof simulateFns.simulate;`, which keeps the
// wrapped function's exact parameters and return type but not its doc comment: an editor showed
// nothing on hovering `simulate` away from a call, nor in completion. This copies each wrapped
// function's doc comment, as written once beside the function, onto its declaration in
// dist/api/checked-exports.d.ts (src/index.ts re-exports it, and a re-export carries the doc).
// Fails when an export is not declared `typeof namespace.function` or its function has no doc.
// test/api/declaration-docs.test.ts checks, from text, that the build runs this and that every wrapped function has a doc.
import ts from 'typescript';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The doc comment (`/** ... *\/`) nearest above a node, or undefined. */
function docComment(node, sourceFile) {
  const docs = ts.getJSDocCommentsAndTags(node).filter((d) => d.kind === ts.SyntaxKind.JSDoc);
  const doc = docs.at(-1);
  return doc && sourceFile.text.slice(doc.getStart(sourceFile), doc.end);
}

/**
 * The doc comment of the top-level function or const `name` that `file` (a .ts or .d.ts text) exports,
 * following `export { name } from` re-exports through `open(specifier, fromFile)`; undefined when none.
 */
export function exportedDoc(file, text, name, open) {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  for (const statement of sf.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) return docComment(statement, sf);
    if (ts.isVariableStatement(statement)) {
      const declaration = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === name);
      if (declaration) return docComment(declaration, sf);
    }
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      const element = statement.exportClause.elements.find((e) => e.name.text === name);
      if (element) {
        const target = open(statement.moduleSpecifier.text, file);
        return exportedDoc(target.file, target.text, (element.propertyName ?? element.name).text, open);
      }
    }
  }
  return undefined;
}

/** The function each `export declare const NAME: typeof ns.fn` of a declaration file wraps: { name, module, fn, statement }. */
export function wrappedExports(sf) {
  const namespaces = new Map();
  for (const s of sf.statements)
    if (ts.isImportDeclaration(s) && s.importClause?.namedBindings && ts.isNamespaceImport(s.importClause.namedBindings))
      namespaces.set(s.importClause.namedBindings.name.text, s.moduleSpecifier.text);
  const out = [];
  for (const statement of sf.statements) {
    if (!ts.isVariableStatement(statement) || !statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const d of statement.declarationList.declarations) {
      const type = d.type;
      const query = type && ts.isTypeQueryNode(type) && ts.isQualifiedName(type.exprName) && ts.isIdentifier(type.exprName.left) ? type.exprName : undefined;
      out.push({
        name: d.name.getText(sf),
        module: query ? namespaces.get(query.left.text) : undefined,
        fn: query?.right.text,
        statement,
      });
    }
  }
  return out;
}

/**
 * `dts` (a declaration file's text, `file` its name) with each wrapped export's doc comment in place
 * of any it had, and the exports it could not document (`problems`, each a sentence).
 * `open(specifier, fromFile)` gives the { file, text } a module specifier names.
 */
export function carryExportDocs(file, dts, open) {
  const sf = ts.createSourceFile(file, dts, ts.ScriptTarget.Latest, true);
  const problems = [];
  const edits = [];
  for (const { name, module, fn, statement } of wrappedExports(sf)) {
    if (!module) {
      problems.push(`${name} is not declared as \`typeof namespace.function\` of an imported module`);
      continue;
    }
    const target = open(module, file);
    const doc = exportedDoc(target.file, target.text, fn, open);
    if (!doc) {
      problems.push(`${name}: ${module}'s ${fn} has no doc comment`);
      continue;
    }
    const own = ts.getJSDocCommentsAndTags(statement).filter((d) => d.kind === ts.SyntaxKind.JSDoc);
    const from = own.length > 0 ? own[0].getStart(sf) : statement.getStart(sf);
    edits.push({ from, to: statement.getStart(sf), text: `${doc}\n` });
  }
  let text = dts;
  for (const e of edits.sort((a, b) => b.from - a.from)) text = text.slice(0, e.from) + e.text + text.slice(e.to);
  return { text, problems };
}

/** Resolve a relative specifier ('../engine/simulate.js') beside `fromFile` to the file with `extension` (.d.ts, .ts). */
export const opener = (extension) => (specifier, fromFile) => {
  const file = join(dirname(fromFile), specifier.replace(/\.js$/, extension));
  return { file, text: readFileSync(file, 'utf8') };
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = fileURLToPath(new URL('../dist/api/checked-exports.d.ts', import.meta.url));
  const { text, problems } = carryExportDocs(file, readFileSync(file, 'utf8'), opener('.d.ts'));
  if (problems.length > 0) {
    console.error(`carry-export-docs: ${problems.join('; ')}`);
    process.exit(1);
  }
  writeFileSync(file, text);
}
