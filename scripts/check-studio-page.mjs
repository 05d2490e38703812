#!/usr/bin/env node
// Type-checks the studio's page (src/studio/page/*.ts) under its own options (the DOM's types,
// bundler resolution: src/studio/page/tsconfig.json), as `tsc -p src/studio/page/tsconfig.json`
// does, but reports only the page's own files: the options' and global problems, and each page
// file's syntax and types (every type it takes from src included, since checking a file resolves
// what it uses). What it leaves out is the bodies of the ~200 src files the page imports, which
// `tsc -p tsconfig.json` (src, test and bench, strict) checks already beside it in
// `npm run build-and-typecheck`: checking them a second time cost about 4 s of CPU of every
// `npm test` (bench/RESULTS.md, thirteenth session). `npm run typecheck` still runs tsc on the page's
// whole program. Exit 2 with tsc's messages when a problem is found.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const configPath = fileURLToPath(new URL('../src/studio/page/tsconfig.json', import.meta.url));
const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (d) => {
    throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  },
});
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, projectReferences: config.projectReferences });
const pageFiles = config.fileNames.map((f) => program.getSourceFile(f)).filter((sf) => sf !== undefined);
if (pageFiles.length === 0) {
  process.stderr.write(`${configPath}: no page files to check\n`);
  process.exit(2);
}
const problems = [
  ...config.errors,
  ...program.getOptionsDiagnostics(),
  ...program.getGlobalDiagnostics(),
  ...pageFiles.flatMap((sf) => [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]),
];
if (problems.length > 0) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: ts.sys.getCurrentDirectory, getNewLine: () => '\n' };
  process.stderr.write(ts.formatDiagnosticsWithColorAndContext(problems, host));
  process.exit(2);
}
