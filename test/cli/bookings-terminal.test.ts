import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { arrcastInProcess } from '../helpers/cli.js';

/**
 * A finance reader's first run (the README's, on the example company or the starter) printed
 * Bookings and Ending ARR with the same figure in every column and no word why: many teams count
 * new ACV only as bookings, so it read like a bug. report.html and report.xlsx said why and showed
 * the new ARR line; the terminal tables of `run` and `compare` did not.
 */
const example = join(ROOT, 'scenarios/example.yaml');
const downside = join(ROOT, 'scenarios/downside.yaml');
const tmp = () => mkdtempSync(join(tmpdir(), 'arrcast-bookings-'));

/** The line of `text` whose first cell is `label`, split into its cells. */
function cells(text: string, label: string, from = 0): string[] {
  const line = text.split('\n').slice(from).find((l) => l.trimStart().startsWith(`${label}  `));
  expect(line, label).toBeDefined();
  return line!.trim().slice(label.length).trim().split(/\s{2,}/);
}

describe('bookings beside ending ARR in the terminal', () => {
  it('run: the headline says why bookings can match ending ARR and shows the new ARR line', async () => {
    const r = await arrcastInProcess(['run', example, '--trials', '1000', '--workers', '0', '--out', join(tmp(), 'out')]);
    expect(r.code).toBe(0);
    // The case that misleads: every customer of the example's books renews within the year, so the two match.
    expect(cells(r.stdout, 'Bookings')).toEqual(cells(r.stdout, 'Ending ARR'));
    const lines = r.stdout.split('\n');
    const endingRow = lines.findIndex((l) => l.startsWith('Ending ARR  '));
    // Wrapped at 100 columns, as the paragraph above the tables.
    // The new ARR line's columns are its own percentiles: the note says they are no part of the
    // bookings figure above them (the row read 'of which new ARR', as if each were).
    expect(lines.slice(endingRow + 1, endingRow + 4).join(' ')).toMatch(
      /^Bookings count every contract signed in the year, renewals included, so they can match ending ARR; new ARR signed is new customers' contracts alone .*each column its own percentile, not a part of the bookings figure above it\.$/,
    );
    // The new ARR line is bookings' new business, as the bookings-by-component table prints it.
    const bookingsTable = lines.findIndex((l) => l.startsWith('Bookings (USD)'));
    expect(cells(r.stdout, 'New ARR signed')).toEqual(cells(r.stdout, 'New business', bookingsTable));
    expect(lines.some((l) => /of which/.test(l))).toBe(false);
    // The headline table keeps its width without the line (74 columns here with report.html's three significant digits, 82 with one decimal a unit; its label made it 98).
    const head = lines.findIndex((l) => l.trimStart().startsWith('mean  '));
    expect(lines.slice(head, endingRow + 1).map((l) => l.length)).toEqual(Array(endingRow + 1 - head).fill(74));
  }, 120_000);

  it('compare: the bookings table is followed by the same reason', async () => {
    const r = await arrcastInProcess(['compare', example, downside, '--trials', '1000', '--workers', '0']);
    expect(r.code).toBe(0);
    expect(cells(r.stdout, 'A', r.stdout.split('\n').findIndex((l) => l.startsWith('Bookings (USD)')))).toEqual(
      cells(r.stdout, 'A', r.stdout.split('\n').findIndex((l) => l.startsWith('Ending ARR (USD)'))),
    );
    expect(r.stdout).toMatch(/\n {2}Enterprise: B - A[^\n]*\nBookings count every contract signed in the year, renewals included, so they can match ending ARR\.\n\nEnding ARR \(USD\)/);
  }, 120_000);
});
