import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { readPartHeader } from '../../src/engine/part-file.js';

/**
 * A file named in one Unicode form where the folder holds it in the other (Café.csv: é as one
 * character, NFC, or as e + U+0301, NFD) prints the same in the message and in a listing, but Linux
 * opens only the bytes written: "does not exist" alone left the user nothing to go on.
 */
let dir: string;
const NFC = 'Caf\u00e9';
const NFD = 'Cafe\u0301';
const book = 'id,tier,arr,next_renewal,term_months\nc1,SMB,12000,3,12\n';
const plan = (customersFile: string) => `name: P\ntiers:\n  - name: SMB\n    existing: { customersFile: "${customersFile}", renewalRate: 0.9 }\n`;
const messageOf = async (file: string) => {
  try {
    await loadScenario(join(dir, file));
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioError);
    return (err as ScenarioError).message;
  }
  return 'loaded';
};

beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'arrcast-unicode-form-')));
  writeFileSync(join(dir, `${NFD}.csv`), book);
  writeFileSync(join(dir, 'nfc-book.yaml'), plan(`${NFC}.csv`));
  writeFileSync(join(dir, 'nfd-book.yaml'), plan(`${NFD}.csv`));
  writeFileSync(join(dir, 'missing-book.yaml'), plan('Cafe.csv'));
  writeFileSync(join(dir, `${NFC}.yaml`), plan(`${NFD}.csv`));
  writeFileSync(join(dir, `${NFD}.arrcast-part`), 'not read');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a file named in another Unicode form than the folder holds', () => {
  const note = 'does not exist; its folder holds this name in another Unicode form (NFD: accents as separate characters), which prints the same';
  it("a customer book's name says so", async () => {
    expect(await messageOf('nfc-book.yaml')).toContain(`the customer book ${join(dir, NFC)}.csv: ${note}`);
    expect(await messageOf('nfd-book.yaml')).toBe('loaded');
  });

  it('the scenario file itself says so', async () => {
    expect(await messageOf(`${NFD}.yaml`)).toBe(`${join(dir, `${NFD}.yaml`)} does not exist; its folder holds this name in another Unicode form (NFC: accented letters as one character), which prints the same: rename that one, or write the name as it is written there`);
  });

  it("merge's part file says so (read-file.ts's openFailure, which every reader's missing file goes through)", async () => {
    await expect(readPartHeader(join(dir, `${NFC}.arrcast-part`))).rejects.toThrow(`${join(dir, NFC)}.arrcast-part ${note}`);
  });

  it('a name no file has in any form gets no note of another form: only the near name its folder holds (near-file-name.ts)', async () => {
    // "Cafe" is an edit from the "Café" the folder holds (in one form or the other): named as the folder lists it, not as the same text in another form.
    expect(await messageOf('missing-book.yaml')).toMatch(new RegExp(`the customer book \\S*Cafe\\.csv: does not exist; did you mean (${NFC}|${NFD})\\.csv, in the same folder\\?$`));
  });
});
