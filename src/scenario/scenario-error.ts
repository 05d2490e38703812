import { displayText, quoteText } from './display-text.js';
import { MAX_ISSUES_PER_NAMED_FILE } from './limits.js';

/** One problem found in a scenario: where it is (dot path and, for files, line and column) and what is wrong. */
export interface ScenarioIssue {
  /** Path to the offending value, e.g. ['tiers', 1, 'newBusiness', 'conversion']. */
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
  /** 1-based line and column in the file, when the problem could be located. */
  readonly line?: number;
  readonly column?: number;
  /**
   * The file the line and column refer to, when it is not the file the error is about: a base
   * scenario reached through `extends` (see `extends.ts`).
   */
  readonly source?: string;
  /**
   * The real path of the file the line refers to (`source`, or the error's own file), when its name
   * as written reaches it only through a link followed by `..` (withRealPath, shown-beside.ts):
   * shown after the place, as whole-file messages show it.
   */
  readonly realSource?: string;
}

/** `tiers[1].newBusiness.conversion` for ['tiers', 1, 'newBusiness', 'conversion']. */
export function formatPath(path: ReadonlyArray<string | number | symbol>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else {
      const key = String(part);
      out += /^[A-Za-z_$][\w$]*$/.test(key) ? (out ? `.${key}` : key) : `[${quoteText(key)}]`;
    }
  }
  return out;
}

/**
 * One line per issue: `scenarios/x.yaml:14:9 tiers[1].newBusiness.conversion: beta needs alpha > 0`.
 * The whole line goes through `displayText`, so no control character, line separator or bidi
 * override in a file name, key or quoted value reaches a terminal raw, whichever message quoted it.
 */
export function formatIssue(source: string, issue: ScenarioIssue): string {
  const where = filePlace(issue.source ?? source, issue.line, issue.column, issue.realSource);
  const path = formatPath(issue.path);
  return displayText(`${where} ${path ? `${path}: ` : ''}${issue.message}`);
}

/**
 * `file:line:column` (or `file` when the line is unknown), followed by ` (realFile)` when given: a
 * file named as written (`lnk/../data/book.csv`) whose real path differs says which file it is, in
 * every message naming a place in it as in those naming the whole file. The place is kept first, so
 * an editor or terminal still opens `file:line:column`.
 *
 * @example filePlace('lnk/../base.yaml', 3, 5, '/home/me/real/base.yaml') // => 'lnk/../base.yaml:3:5 (/home/me/real/base.yaml)'
 */
export function filePlace(file: string, line?: number, column?: number, realFile?: string): string {
  const place = line !== undefined ? `${file}:${line}:${column ?? 1}` : file;
  return realFile === undefined || realFile === file ? place : `${place} (${realFile})`;
}

/** Problems a ScenarioError's message lists; `issues` keeps them all (a list of 100,000 bad values is one mistake). */
export const MAX_ISSUES_SHOWN = 100;

/**
 * A scenario that cannot be used, with every problem found (not just the first). The CLI prints
 * `message` and exits with code 2.
 *
 * `message` lists at most MAX_ISSUES_SHOWN problems, and at most MAX_ISSUES_PER_NAMED_FILE from any
 * file that a scenario names rather than the user (an issue's `source`, such as an `extends` base;
 * or the error's own file when `named` says it is one): each problem may quote an excerpt of its
 * file, so a file pointed at by mistake or on purpose shows only a few short lines.
 */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(
    /** The file (or a label such as '<input>') the scenario came from. */
    readonly source: string,
    readonly issues: readonly ScenarioIssue[],
    options: { readonly named?: boolean } = {},
  ) {
    const shown: string[] = [];
    const fromFile = new Map<string | undefined, number>();
    const hiddenInFile = new Map<string, number>();
    let hidden = 0;
    for (const issue of issues) {
      const named = issue.source !== undefined || options.named === true;
      const n = (fromFile.get(issue.source) ?? 0) + 1;
      fromFile.set(issue.source, n);
      const file = issue.source ?? source;
      if (named && n > MAX_ISSUES_PER_NAMED_FILE) hiddenInFile.set(file, (hiddenInFile.get(file) ?? 0) + 1);
      else if (shown.length >= MAX_ISSUES_SHOWN) hidden++;
      else shown.push(formatIssue(source, issue));
    }
    for (const [file, n] of hiddenInFile)
      shown.push(`${displayText(file)}: and ${n.toLocaleString('en-US')} more problems in this file (the first ${MAX_ISSUES_PER_NAMED_FILE} are shown)`);
    if (hidden > 0) shown.push(`${displayText(source)}: and ${hidden.toLocaleString('en-US')} more problems (the first ${MAX_ISSUES_SHOWN} are shown)`);
    super(shown.join('\n'));
  }
}
