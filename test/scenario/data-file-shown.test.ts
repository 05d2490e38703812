import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { ROOT } from '../helpers/fixtures.js';
import { refuseInputsInsideOutput } from '../../src/report/inputs-inside-output.js';
import { OutputDirError } from '../../src/report/output-dir.js';
import { dataFiles } from '../../src/scenario/scenario-input-files.js';

/**
 * A data file is named in messages as the user named the scenario: `validate lnk/../plan.yaml` (lnk
 * a link to sub/deeper, so the scenario is sub/plan.yaml) said `/abs/sub/data/book.csv:2:21 ...`,
 * a path the user never typed, where `lnk/../data/book.csv:2:21` opens the same file.
 */
describe('a data file of a scenario named through lnk/.. is shown as named', () => {
  const top = mkdtempSync(join(tmpdir(), 'arrcast-data-shown-'));
  mkdirSync(join(top, 'sub/deeper'), { recursive: true });
  mkdirSync(join(top, 'sub/data'));
  symlinkSync('sub/deeper', join(top, 'lnk'));
  copyFileSync(join(ROOT, 'scenarios/hybrid-company.yaml'), join(top, 'sub/plan.yaml'));
  copyFileSync(join(ROOT, 'scenarios/data/hybrid-pipeline.csv'), join(top, 'sub/data/hybrid-pipeline.csv'));
  const book = readFileSync(join(ROOT, 'scenarios/data/hybrid-customers.csv'), 'utf8');
  const given = `${top}/lnk/../plan.yaml`;
  const problems = async () => {
    const err = await loadScenario(given).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScenarioError);
    return (err as ScenarioError).message;
  };

  it("a row's problem names the book from the scenario's folder as typed", async () => {
    const [header, first, ...rest] = book.split('\n');
    const cells = first!.split(',');
    const arr = header!.split(',').indexOf('arr');
    cells[arr] = 'abc';
    writeFileSync(join(top, 'sub/data/hybrid-customers.csv'), [header, cells.join(','), ...rest].join('\n'));
    const message = await problems();
    // As written at the line, and the file the system opened in parentheses, as a whole-file message has it.
    expect(message).toMatch(/^\S+:2:\d+ \(\S+\) arr: /);
    expect(message).toContain(`${top}/lnk/../data/hybrid-customers.csv:2:`);
    expect(message).toContain(` (${top}/sub/data/hybrid-customers.csv) arr: `);
  });

  it('a book that cannot be read is named so too', async () => {
    writeFileSync(join(top, 'sub/data/hybrid-customers.csv'), book);
    const pipeline = join(top, 'sub/data/hybrid-pipeline.csv');
    const kept = readFileSync(pipeline);
    rmSync(pipeline);
    try {
      const message = await problems();
      // As written, and the file the system opened in parentheses (it differs: lnk/.. is sub/).
      expect(message).toContain(`the pipeline file ${top}/lnk/../data/hybrid-pipeline.csv (${top}/sub/data/hybrid-pipeline.csv): does not exist`);
    } finally {
      writeFileSync(pipeline, kept);
    }
  });

  it('an output that would replace a data file names the file as typed (the check still compares where it is)', async () => {
    writeFileSync(join(top, 'sub/data/hybrid-customers.csv'), book);
    const loaded = await loadScenario(given);
    const err = await refuseInputsInsideOutput(join(top, 'sub/data'), `${top}/lnk/../data`, dataFiles(loaded)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutputDirError);
    expect((err as Error).message).toContain(`would replace the customer book ${top}/lnk/../data/hybrid-customers.csv, an input`);
    expect((err as Error).message).not.toContain(`${top}/sub/data/hybrid-customers.csv`);
  });
});
