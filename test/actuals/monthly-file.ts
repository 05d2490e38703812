import type { MonthlyFile, MonthlyMeasure, MonthlyRow } from '../../src/actuals/monthly-record.js';
import { parseMonthlyFile, type MonthlyFileOptions } from '../../src/actuals/read-monthly-file.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';

/** What parseMonthlyFile refuses in `text` (as a.csv), one "line:column path: message" each; throws if it accepts it. */
export function monthlyFileProblems(text: string, options: MonthlyFileOptions): string[] {
  try {
    parseMonthlyFile(text, 'a.csv', options);
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    return err.issues.map((i) => `${i.line ?? '-'}:${i.column ?? '-'} ${i.path.join('.')}: ${i.message}`);
  }
  throw new Error('the file was accepted');
}

/** A MonthlyFile from rows written as objects, one list per tier (month m at index m - 1). */
export function monthlyFile(byTier: Record<string, ReadonlyArray<Partial<Record<MonthlyMeasure, number>>>>, path = 'actuals.csv'): MonthlyFile {
  const measures = new Set<MonthlyMeasure>();
  const map = new Map<string, MonthlyRow[]>();
  let line = 2;
  let months = 0;
  for (const [tier, rows] of Object.entries(byTier)) {
    map.set(tier, rows.map((values, i) => {
      for (const k of Object.keys(values)) measures.add(k as MonthlyMeasure);
      return { month: i + 1, label: String(i + 1), tier, line: line++, values };
    }));
    months = rows.length;
  }
  return { path, measures: [...measures], tiers: Object.keys(byTier), months, byTier: map };
}
