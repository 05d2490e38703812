import { describe, expect, it } from 'vitest';
import { parseOutcomes, type ScoredReport } from '../../src/scoring/outcomes-file.js';

/**
 * An outcomes row's tier cell finds a tier by how its name reads (nameKey: case, fullwidth letters,
 * invisible characters, NFD); its `total` and its metric are read the same way, not by their
 * lower case alone (`ＴＯＴＡＬ` was "no tier" and `ｒｅｖｅｎｕｅ` "must be revenue, ...").
 */
const reports: ScoredReport[] = [{ dir: 'r', tiers: ['SMB', 'Caf\u00e9'], fiscalYearStartMonth: 1, fiscalYear: 2027 }];
const read = (tier: string, metric: string) => parseOutcomes(`tier,metric,value\n"${tier}","${metric}",5\n`, 'o.csv', reports).map((o) => [o.tier, o.metric]);

describe('parseOutcomes reads total and the metric as it reads a tier', () => {
  it.each([
    ['total in fullwidth letters', '\uff34\uff2f\uff34\uff21\uff2c'],
    ['total with a zero-width space', 'total\u200b'],
    ['Total with a soft hyphen', 'To\u00adtal'],
  ])('%s is the company', (_, cell) => {
    expect(read(cell, 'revenue')).toEqual([[undefined, 'revenue']]);
  });

  it.each([
    ['revenue in fullwidth letters', '\uff52\uff45\uff56\uff45\uff4e\uff55\uff45', 'revenue'],
    ['ending ARR with a zero-width joiner', 'ending_arr\u200d', 'endingArr'],
    ['bookings with a no-break space after it', 'Bookings\u00a0', 'bookings'],
  ])('%s is that metric', (_, cell, metric) => {
    expect(read('smb', cell)).toEqual([['SMB', metric]]);
  });

  it('a tier in NFD is still found, and a word that is neither is still refused', () => {
    expect(read('Cafe\u0301', 'revenue')).toEqual([['Caf\u00e9', 'revenue']]);
    expect(() => read('totals', 'revenue')).toThrow('no tier "totals"');
    expect(() => read('total', 'revenues')).toThrow('must be revenue, bookings or ending_arr');
  });
});
