import { quoteText } from '../scenario/display-text.js';
import { toFixedDecimal } from '../math/decimal-round.js';
import type { Command } from 'commander';
import { readMonthlyFile } from '../actuals/read-monthly-file.js';
import { fitHistory } from '../fit/fit-history.js';
import type { ExistingFit } from '../fit/existing-book.js';
import { historyCalendar } from '../fit/history-calendar.js';
import { readDeals } from '../fit/read-deals.js';
import { readRenewalOutcomes } from '../fit/read-renewal-outcomes.js';
import { fittedScenarioText } from '../fit/scenario-text.js';
import { parseScenario } from '../scenario/parse.js';
import { FileExistsError, NotAFileError, writeFileAtomically } from '../report/atomic-file.js';
import { recheckOutFile, resolveOutFile } from '../report/resolve-out-file.js';
import { shownIfOpens } from '../scenario/shown-beside.js';
import { UsageError } from './exit-codes.js';
import { refuseJsonName } from './yaml-file-name.js';
import { throwIfAborted } from '../engine/errors.js';
import type { Io } from './io.js';
import { arrcastCommand } from './invocation.js';
import { terminalCell } from '../report/terminal-text.js';
import { formatShare } from '../report/money.js';
import { pathWord } from '../report/shell-word.js';

/**
 * `arrcast fit HISTORY.csv [--deals DEALS.csv] [--customers OUTCOMES.csv] --out SCENARIO.yaml [--force]`:
 * fit the drivers of every tier of a monthly history (12 to 36 months) and write them as a
 * commented scenario (src/fit/). The scenario is parsed again before it is written, so a file that
 * `arrcast validate` would refuse is never written. Bad input exits 2 with file:line:column; the
 * output appears whole or not at all and an existing file is kept unless --force.
 */
export function registerFitCommand(program: Command, io: Io, signal?: AbortSignal): void {
  program
    .command('fit')
    .description(
      'Fit a scenario from monthly history (12 to 36 months per tier): lead volume (level, seasonality from 24 months, negative binomial when over-dispersed), beta-binomial conversion, lognormal ACV, dollar renewal, each with a year-level layer for drift between years, and a comment with n, the estimate and its 95% interval.',
    )
    .argument('<history>', 'monthly history CSV: month (1..N or YYYY-MM), tier, leads, deals, new_arr, ending_arr, due_arr, renewed_arr, ...')
    .requiredOption('-o, --out <file>', 'required: the scenario YAML to write (refused if it exists, unless --force)')
    .option('--deals <file>', 'deals CSV (close_month, tier, amount): fits the ACV lognormal to each deal')
    .option('--customers <file>', 'renewal outcomes CSV (id, tier, arr, renewed): fits the renewal rate to customers due')
    .option('-f, --force', 'replace the output file if it exists')
    .action(async (file: string, opts: { out: string; deals?: string; customers?: string; force?: boolean }) => {
      // Resolved and checked once, before any input is read; written there and nowhere else.
      const inputs = [file, ...(opts.deals !== undefined ? [opts.deals] : []), ...(opts.customers !== undefined ? [opts.customers] : [])];
      refuseJsonName(opts.out, `--out ${opts.out}`);
      const outPath = await resolveOutFile(opts.out, { force: opts.force, inputs });
      const history = await readMonthlyFile(file, file, { kind: 'history' });
      const calendar = historyCalendar(history);
      const deals = opts.deals !== undefined ? await readDeals(opts.deals, history.tiers, history.months, calendar) : undefined;
      const outcomes = opts.customers !== undefined ? await readRenewalOutcomes(opts.customers, history.tiers) : undefined;
      const fit = fitHistory({
        history,
        ...(deals ? { deals, dealsFile: opts.deals } : {}),
        ...(outcomes ? { outcomes, outcomesFile: opts.customers } : {}),
      });
      throwIfAborted(signal);
      const text = fittedScenarioText(fit);
      // What is written must be a valid scenario: a failure here is arrcast's bug, not the input's.
      try {
        parseScenario(text, opts.out);
      } catch (err) {
        throw new Error(`the fitted scenario does not validate (a bug in arrcast fit): ${err instanceof Error ? err.message : String(err)}`);
      }
      try {
        await writeFileAtomically(outPath, text, { force: opts.force, signal, parents: true, recheck: () => recheckOutFile(outPath, `--out ${opts.out}`) });
      } catch (err) {
        if (err instanceof FileExistsError) throw new UsageError(`--out ${opts.out} exists; use --force to replace it`);
        if (err instanceof NotAFileError) throw new UsageError(`--out ${opts.out} is not a regular file; arrcast replaces only regular files`);
        throw err;
      }
      for (const t of fit.tiers)
        io.out(
          `${terminalCell(t.name)}: ${[t.newBusiness ? `leads ${grouped(Math.round(t.newBusiness.leads.level.value))}/month (${t.newBusiness.leads.k ? 'negative binomial' : 'Poisson'}), conversion ${toFixedDecimal(t.newBusiness.conversion.rate.value * 100, 2)}%, ACV median ${grouped(Math.round(t.newBusiness.acv.median.value))}` : '', t.existing ? `opening ARR ${grouped(t.existing.openingArr)}, dollar renewal ${formatShare(t.existing.renewal.rate.value)}${t.existing.renewalFrom === 'pooled' ? " (the other tiers')" : ''}${t.existing.yearEquivalent?.renewal ? ` a renewal, ${formatShare(t.existing.yearEquivalent.renewal.mean)} a year` : ''}` : ''].filter(Boolean).join(', ')}\n`,
        );
      for (const w of fit.warnings ?? []) io.err(`arrcast: warning: ${terminalCell(w)}\n`);
      // A rate the history could not give, written from other tiers': said where it is seen, not in the file alone.
      for (const t of fit.tiers)
        if (t.existing?.renewalFrom === 'pooled')
          io.err(
            `arrcast: warning: tier ${quoteText(t.name)} has ARR live but none due or renewed in its last 12 months: its dollar renewal is not in the history, so the other tiers' pooled rate ${pooledRate(t.existing)}${pooledShares(t.existing)}; state its own in ${opts.out} when you know it\n`,
          );
      // As given when it opens what was written (`up/../x/../fitted.yaml` with no folder x does not).
      const shown = await shownIfOpens(opts.out, outPath);
      // The command as one the user can paste: a name with a space or a leading '-' was two words, or an option.
      io.err(`wrote ${terminalCell(shown)} (${fit.months} months of ${fit.tiers.length} tier${fit.tiers.length === 1 ? '' : 's'}); next: ${arrcastCommand()} validate ${pathWord(shown)}\n`);
    });
}

/**
 * "90.0% is written (wider: sd 13.6%)": the pooled rate as the file writes it, on terms shorter than
 * a year the year's (ExistingFit.yearEquivalent, the figures the file's comment gives).
 */
function pooledRate(e: ExistingFit): string {
  const y = e.yearEquivalent?.renewal;
  if (y) return `${formatShare(e.renewal.rate.value)} a renewal is written as the year's ${formatShare(y.mean)} (wider: sd ${formatShare(y.sd)})`;
  return `${formatShare(e.renewal.rate.value)} is written (wider: sd ${formatShare(e.renewal.year.sd)})`;
}

/** ", and so are its contraction (2.10% of ARR renewed) and expansion (...)": the shares pooled with the rate, when the history has them (a year's, as written). */
function pooledShares(e: ExistingFit): string {
  const parts = (['contraction', 'expansion'] as const).filter((k) => e[k] !== undefined).map((k) => `${k} (${formatShare(e.yearEquivalent?.[k]?.share ?? e[k]!.share.value)} of ARR renewed${e.yearEquivalent?.[k] ? ' in a year' : ''})`);
  return parts.length === 0 ? '' : `, and so ${parts.length === 1 ? 'is' : 'are'} its ${parts.join(' and ')}`;
}

/**
 * A number as the fitted file writes it, its whole part in groups of three: 33734260 -> '33,734,260'
 * (the terminal line printed 'opening ARR 33734260', hard to read at a glance), 20000000.57 ->
 * '20,000,000.57' (the same digits as the file, which the scenario format reads back).
 */
function grouped(value: number): string {
  const [whole, fraction] = String(value).split('.');
  return /^-?\d+$/.test(whole ?? '') ? `${BigInt(whole!).toLocaleString('en-US')}${fraction !== undefined ? `.${fraction}` : ''}` : String(value);
}
