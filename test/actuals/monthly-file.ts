import type { MonthlyFile, MonthlyMeasure, MonthlyRow } from '../../src/actuals/monthly-record.js';

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
