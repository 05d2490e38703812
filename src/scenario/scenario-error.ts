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
}

/** `tiers[1].newBusiness.conversion` for ['tiers', 1, 'newBusiness', 'conversion']. */
export function formatPath(path: ReadonlyArray<string | number | symbol>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else {
      const key = String(part);
      out += /^[A-Za-z_$][\w$]*$/.test(key) ? (out ? `.${key}` : key) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** One line per issue: `scenarios/x.yaml:14:9 tiers[1].newBusiness.conversion: beta needs alpha > 0`. */
export function formatIssue(source: string, issue: ScenarioIssue): string {
  const file = issue.source ?? source;
  const where = issue.line !== undefined ? `${file}:${issue.line}:${issue.column ?? 1}` : file;
  const path = formatPath(issue.path);
  return `${where} ${path ? `${path}: ` : ''}${issue.message}`;
}

/** Problems a ScenarioError's message lists; `issues` keeps them all (a list of 100,000 bad values is one mistake). */
export const MAX_ISSUES_SHOWN = 100;

/**
 * A scenario that cannot be used, with every problem found (not just the first). The CLI prints
 * `message` and exits with code 2.
 */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(
    /** The file (or a label such as '<input>') the scenario came from. */
    readonly source: string,
    readonly issues: readonly ScenarioIssue[],
  ) {
    const shown = issues.slice(0, MAX_ISSUES_SHOWN).map((i) => formatIssue(source, i));
    if (issues.length > MAX_ISSUES_SHOWN)
      shown.push(`${source}: and ${(issues.length - MAX_ISSUES_SHOWN).toLocaleString('en-US')} more problems (the first ${MAX_ISSUES_SHOWN} are shown)`);
    super(shown.join('\n'));
  }
}
