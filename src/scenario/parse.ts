import { createHash } from 'node:crypto';
import { LineCounter, parseDocument } from 'yaml';
import { ScenarioError, type ScenarioIssue } from './scenario-error.js';
import { scenarioSchema, type Scenario } from './scenario-schema.js';
import { locate } from './locate.js';
import { flattenIssues } from './zod-issues.js';

/** A validated scenario with where it came from and a hash of its content. */
export interface LoadedScenario {
  readonly scenario: Scenario;
  /** The file name (or label) it was read from, for messages. */
  readonly source: string;
  /** sha256 of the validated scenario (defaults filled in), hex: two files that mean the same hash the same. */
  readonly hash: string;
}

/** Aliases expanded at most this many times: a YAML "billion laughs" is refused, not expanded. */
const MAX_ALIAS_COUNT = 1000;

/**
 * Parse and validate scenario text (YAML, or JSON, which is YAML too). Every problem is reported at
 * once with its path and its line and column; throws ScenarioError.
 *
 * @example parseScenario(readFileSync('plan.yaml', 'utf8'), 'plan.yaml').scenario.tiers.length
 */
export function parseScenario(text: string, source = '<input>'): LoadedScenario {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      source,
      doc.errors.map((e): ScenarioIssue => {
        const pos = lines.linePos(e.pos[0]);
        return { path: [], message: `not valid YAML: ${firstLine(e.message)}`, line: pos.line, column: pos.col };
      }),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    throw new ScenarioError(source, [{ path: [], message: `cannot be read: ${firstLine((err as Error).message)}` }]);
  }
  if (data === null || data === undefined) throw new ScenarioError(source, [{ path: [], message: 'is empty' }]);
  if (typeof data !== 'object' || Array.isArray(data))
    throw new ScenarioError(source, [{ path: [], message: 'must be a mapping of keys (name, tiers, ...), not a list or a single value', line: 1, column: 1 }]);

  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    const issues = flattenIssues(parsed.error.issues, data).map((raw): ScenarioIssue => {
      const pos = locate(doc, lines, raw.path, raw.key);
      return { path: raw.path, message: raw.message, line: pos?.line, column: pos?.column };
    });
    throw new ScenarioError(source, sortByPosition(issues));
  }
  return { scenario: parsed.data, source, hash: hashScenario(parsed.data) };
}

/** sha256 of a scenario's canonical JSON (keys sorted), hex. */
export function hashScenario(scenario: Scenario): string {
  return createHash('sha256').update(canonicalJson(scenario)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const firstLine = (s: string) => s.split('\n')[0] ?? s;

function sortByPosition(issues: ScenarioIssue[]): ScenarioIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => (a.issue.line ?? Infinity) - (b.issue.line ?? Infinity) || (a.issue.column ?? 0) - (b.issue.column ?? 0) || a.i - b.i)
    .map(({ issue }) => issue);
}
