import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWithExtends } from '../../src/scenario/extends.js';
import { digestFiles } from '../../src/scenario/files-digest.js';
import { attachFiles } from '../../src/scenario/load-files.js';
import { ParsedDataFiles } from '../../src/scenario/parsed-data-files.js';
import { scenarioPathPolicy } from '../../src/scenario/path-policy.js';
import { readScenarioText } from '../../src/scenario/read-text.js';
import { ROOT } from '../helpers/fixtures.js';

/** A scenario and its data files, as a run loads them; through `parsed` when given (as the studio does). */
async function load(file: string, parsed?: ParsedDataFiles) {
  const policy = await scenarioPathPolicy(file);
  return attachFiles(await loadWithExtends(file, readScenarioText, policy), file, policy, parsed ? { parsed } : {});
}

describe('the key a data file is kept under (load-files.ts: everything its parse reads besides its bytes)', () => {
  it('the same customer book under another fiscal calendar is parsed afresh, as a load without the cache parses it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-parsed-key-'));
    cpSync(join(ROOT, 'scenarios'), dir, { recursive: true });
    // Rows renewing in 2027-02 fall outside a year starting in March 2026: dropped, so both calendars read the book.
    const csv = join(dir, 'data/hybrid-customers.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').split('\n').filter((line) => !line.includes(',2027-02,')).join('\n'));
    const later = join(dir, 'later.yaml');
    writeFileSync(later, 'extends: hybrid-company.yaml\nfiscalYearStartMonth: 3\n');
    const parsed = new ParsedDataFiles();
    const first = await load(join(dir, 'hybrid-company.yaml'), parsed);
    const kept = await load(later, parsed);
    const fresh = await load(later);
    expect(digestFiles(fresh.files!)).not.toBe(digestFiles(first.files!));
    expect(digestFiles(kept.files!)).toBe(digestFiles(fresh.files!));
  });
});
