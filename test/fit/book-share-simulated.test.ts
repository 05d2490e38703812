import { describe, expect, it } from 'vitest';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { fitHistory } from '../../src/fit/fit-history.js';
import { fittedScenarioText } from '../../src/fit/scenario-text.js';
import { column, meanAndSe, run } from '../helpers/fixtures.js';

/**
 * The fitted contraction and expansion shares, run: the scenario fit writes books, per trial,
 * contraction / renewed ARR and expansion / renewed ARR whose means are the shares fitted from the
 * history (within 4 standard errors computed from the trials), whatever the split into probability
 * and size the text chose. Checked by simulating the written text, not by redoing its arithmetic.
 */
const TRIALS = 4_000;

describe('a fitted scenario books the contraction and expansion shares it was fitted to', () => {
  it('contraction and expansion per ARR renewed, over 4,000 trials of the written scenario', async () => {
    const head = 'month,tier,leads,deals,new_arr,churned_arr,contraction_arr,expansion_arr,renewed_arr,due_arr,ending_arr';
    const rows = Array.from({ length: 12 }, (_, i) => `${i + 1},Core,0,0,0,${10_000 + 1_000 * (i % 4)},${1_500 + 200 * (i % 3)},${4_000 + 900 * (i % 4)},${90_000 - 1_000 * (i % 4)},100000,5000000`);
    const fit = fitHistory({ history: parseMonthlyFile(`${head}\n${rows.join('\n')}\n`, 'h.csv', { kind: 'history' }) });
    // Σ contraction / Σ renewed and Σ expansion / Σ renewed by hand: renewed 90,000 − 1,000 (k mod 4) = 1,062,000 over the year.
    const contraction = (12 * 1_500 + 4 * 200 * 3) / 1_062_000;
    const expansion = (12 * 4_000 + 3 * 900 * 6) / 1_062_000;
    const sim = await run(fittedScenarioText(fit), TRIALS, 7);
    // Bookings count the renewed ARR as retained, after contraction: the ARR renewed is that plus what contracted.
    const lost = column(sim, 'component.endingArr.contraction');
    const renewed = column(sim, 'component.bookings.renewal').map((x, i) => x - lost[i]!);
    const added = column(sim, 'component.endingArr.existingExpansion');
    const lostShare = meanAndSe(lost.map((x, i) => -x / renewed[i]!));
    const addedShare = meanAndSe(added.map((x, i) => x / renewed[i]!));
    expect(Math.abs(lostShare.mean - contraction), `contraction ${lostShare.mean} vs ${contraction} (SE ${lostShare.se})`).toBeLessThanOrEqual(4 * lostShare.se);
    expect(Math.abs(addedShare.mean - expansion), `expansion ${addedShare.mean} vs ${expansion} (SE ${addedShare.se})`).toBeLessThanOrEqual(4 * addedShare.se);
  }, 30_000);
});
