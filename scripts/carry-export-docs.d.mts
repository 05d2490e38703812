// Types of carry-export-docs.mjs, for test/api/declaration-docs.test.ts.
import type ts from 'typescript';

export interface OpenedModule {
  readonly file: string;
  readonly text: string;
}
export type Open = (specifier: string, fromFile: string) => OpenedModule;
export interface WrappedExport {
  readonly name: string;
  readonly module: string | undefined;
  readonly fn: string | undefined;
  readonly statement: ts.VariableStatement;
}
export function exportedDoc(file: string, text: string, name: string, open: Open): string | undefined;
export function wrappedExports(sf: ts.SourceFile): WrappedExport[];
export function carryExportDocs(file: string, dts: string, open: Open): { text: string; problems: string[] };
export function opener(extension: string): Open;
