import { summarize } from '../analysis/summarize.js';
import { runHashOf } from '../engine/run-hash.js';
import { simulationWarnings } from '../analysis/plausibility.js';
import type { Engine } from '../engine/engine.js';
import { resolveOptions, type Simulation } from '../engine/simulate.js';
import type { z } from 'zod';
import { checkOptions, type AgreesWithSchema } from '../engine/options-schema.js';
import { sessionOptionsSchema } from './session-options.js';
import { RunOptionError } from '../engine/errors.js';
import type { LoadedScenario } from '../scenario/parse.js';
import { reportPage } from '../report/write-report.js';
import { answerOf, type Answer } from './answer.js';
import { isCancellation, untilAborted } from './cancellation.js';
import { remember } from './remember.js';
import { SharedRun } from './shared-run.js';
import type { StudioScenario } from './studio-scenario.js';
import type { StudioState } from './state.js';
import { trialsKey } from './trials-key.js';

/** Trials of the first, quick answer: the first chunks of the full run's own streams. */
export const FIRST_PASS_TRIALS = 2_000;

export type Pass = 'first' | 'full';

// The schema is the source of truth for the keys (session-options.ts): the interface must name the same.
void (true satisfies AgreesWithSchema<SessionOptions, z.infer<typeof sessionOptionsSchema>>);

export interface SessionOptions {
  /** Trials of the full answer; default the scenario's `trials`. */
  readonly trials?: number;
  /** Default the scenario's `seed`. */
  readonly seed?: number | string;
  /** Confidence of the budget the page starts with; default 0.8. */
  readonly confidence?: number;
}

/** First passes kept for the full run to resume from (a Simulation each), most recent last. */
const FIRSTS_KEPT = 6;
/** Full runs kept, most recent last (14 to 21 MB each at 10,000 trials): a new target or confidence at the state shown reads its trials back. */
const FULLS_KEPT = 1;
/** Answers kept (about 30 kB each): moving back to a state seen before answers at once. */
const ANSWERS_KEPT = 200;
/** Runs of the file as written kept: its two counts, on the data as read at the start and as edited since. */
const PLANS_KEPT = 4;

/**
 * What the studio's server asks of the library: answers for page states, at two trial counts, on a
 * warm engine. A first pass runs the first FIRST_PASS_TRIALS trials; the full pass resumes from it
 * (a run's first N trials are the trials of a run of N: engine/chunks.ts), so the full answer is
 * `arrcast run --trials N --seed S` of the saved state, exactly. The file as written is simulated
 * at both counts once, for "against the plan".
 */
export class StudioSession {
  readonly fullTrials: number;
  readonly firstTrials: number;
  readonly seed: string;
  readonly confidence: number;
  /** First passes, by trialsKey (a state's targets do not change its trials). */
  private readonly firsts = new Map<string, Simulation>();
  private readonly fulls = new Map<string, Simulation>();
  /** Runs still going, by trials and trialsKey: whoever asks for the same trials meanwhile waits for them (SharedRun). */
  private readonly runs = new Map<string, SharedRun<Simulation>>();
  private readonly answers = new Map<string, Answer>();
  /** Answers still being made, by the key of `answers`: a second asker of one (a save while the page's answer runs) waits for it. */
  private readonly answering = new Map<string, Promise<Answer>>();
  /** Runs of the file as written, by trials and trialsKey (its data files as read for a state). */
  private readonly plans = new Map<string, Promise<Simulation>>();

  constructor(
    readonly scenario: StudioScenario,
    private readonly engine: Engine,
    options: SessionOptions = {},
  ) {
    // Checked as a run checks them (RunOptionError, by name), before anything is served: a studio
    // started with --seed '' (or one of 201 characters) served a page whose every answer was refused.
    checkOptions('StudioSession', sessionOptionsSchema, options);
    const run = resolveOptions(scenario.loaded, { ...(options.trials !== undefined ? { trials: options.trials } : {}), ...(options.seed !== undefined ? { seed: options.seed } : {}) });
    this.fullTrials = run.trials;
    this.firstTrials = Math.min(FIRST_PASS_TRIALS, this.fullTrials);
    this.seed = run.seed;
    // The confidence the page starts at, checked as a run's (decide: a share, 0 and 1 not included):
    // 1.5 or NaN started a studio whose every answer was refused (400), the page sending it back.
    this.confidence = options.confidence ?? 0.8;
  }

  /**
   * The answer for a state at a pass; `signal` cancels it (RunAbortedError) and stops its chunks. An
   * answer being made for another asker is waited for, not made twice; if that asker cancels it, this
   * one (still waiting) makes its own.
   */
  async answer(state: StudioState, pass: Pass, signal?: AbortSignal): Promise<Answer> {
    return (await this.answerOnData(state, pass, signal)).answer;
  }

  /** `answer()`, and whether its data files hold other data than at the studio's start (the page says so). */
  async answerOnData(state: StudioState, pass: Pass, signal?: AbortSignal): Promise<{ answer: Answer; dataEdited: boolean }> {
    const { loaded, plan } = await this.withPlan(state);
    return { answer: await this.answerOf(loaded, plan, state, pass, signal), dataEdited: this.scenario.dataEdited(loaded) };
  }

  /** Whether `answer`, of `state`, is what the files on disk give now: its data files unchanged since (one that cannot be read counts as changed). */
  async stillOnDisk(state: StudioState, answer: Answer): Promise<boolean> {
    try {
      return (await this.scenario.scenarioOf(state)).loaded.hash === answer.hash;
    } catch {
      return false;
    }
  }

  private async answerOf(loaded: LoadedScenario, plan: LoadedScenario, state: StudioState, pass: Pass, signal: AbortSignal | undefined): Promise<Answer> {
    const trials = pass === 'first' ? this.firstTrials : this.fullTrials;
    const key = `${loaded.hash} ${trials} ${state.confidence}`;
    const known = this.answers.get(key);
    if (known) return known;
    const running = this.answering.get(key);
    if (running) {
      try {
        return await untilAborted(running, signal);
      } catch (err) {
        if (signal?.aborted || !isCancellation(err)) throw err;
      }
    }
    const made = this.make(loaded, plan, state, trials, key, signal);
    this.answering.set(key, made);
    try {
      return await made;
    } finally {
      if (this.answering.get(key) === made) this.answering.delete(key);
    }
  }

  /** A state's scenario and the file as written, on the data files as they are now, each read once for both. */
  private async withPlan(state: StudioState): Promise<{ loaded: LoadedScenario; plan: LoadedScenario }> {
    const { state: ofState, plan } = await this.scenario.scenarioAndPlanOf(state);
    return { loaded: ofState.loaded, plan };
  }

  private async make(loaded: LoadedScenario, planLoaded: LoadedScenario, state: StudioState, trials: number, key: string, signal: AbortSignal | undefined): Promise<Answer> {
    const started = performance.now();
    const [sim, plan] = await Promise.all([this.simulate(loaded, trials, signal, planLoaded), this.plan(planLoaded, trials)]);
    signal?.throwIfAborted();
    const simulated = performance.now();
    const answer = answerOf(sim, state.confidence, plan);
    const timing = { simulateMs: Math.round(simulated - started), summarizeMs: Math.round(performance.now() - simulated) };
    return remember(this.answers, key, { ...answer, timing }, ANSWERS_KEPT);
  }

  /** report.html of a state at the full count: the report `arrcast run --confidence C` writes of the saved state. */
  async reportHtml(state: StudioState, signal?: AbortSignal): Promise<Buffer> {
    const { loaded, plan } = await this.withPlan(state);
    const run = await this.simulate(loaded, this.fullTrials, signal, plan);
    // The report names its file: this state has none until it is saved.
    const sim: Simulation = { ...run, loaded: { ...run.loaded, source: `${this.scenario.base} with the studio's changes` } };
    const summarized = summarize(sim, { confidence: state.confidence });
    const summary = { ...summarized, warnings: simulationWarnings(sim, summarized, undefined) };
    // Made in memory, as writeReport would write it: a temporary folder for it was left in the
    // system's temporary directory by a second Ctrl-C (or a kill) while the page was drawn.
    return Buffer.from(await reportPage(sim, summary, signal ? { signal } : {}), 'utf8');
  }

  /**
   * The file as written (`planLoaded`: with its data as read now) at `trials`, run once and kept
   * (never cancelled: every state compares with it). Its full count resumes from its first, as a
   * state's does: it ran its first FIRST_PASS_TRIALS trials twice.
   */
  private plan(planLoaded: LoadedScenario, trials: number): Promise<Simulation> {
    const key = `${trials} ${trialsKey(planLoaded)}`;
    const known = this.plans.get(key);
    if (known) return remember(this.plans, key, known, PLANS_KEPT);
    const p =
      trials > this.firstTrials
        ? this.plan(planLoaded, this.firstTrials).then((first) => this.engine.simulate(first.loaded, { trials, seed: this.seed, resumeFrom: first }))
        : this.engine.simulate(planLoaded, { trials, seed: this.seed });
    p.catch(() => this.plans.get(key) === p && this.plans.delete(key));
    return remember(this.plans, key, p, PLANS_KEPT);
  }

  /**
   * The trials of `loaded` at `trials`, as a Simulation of `loaded` itself: a run of a scenario that
   * differs only in its targets (trialsKey) is read back, not simulated again; only `loaded` differs.
   */
  private async simulate(loaded: LoadedScenario, trials: number, signal: AbortSignal | undefined, plan: LoadedScenario): Promise<Simulation> {
    const sim = await this.trialsOf(loaded, trials, signal, plan);
    // Named as a run of `loaded` would be (its targets are in its hash): its outputs check the two agree.
    return sim.loaded === loaded ? sim : { ...sim, loaded, runHash: runHashOf(loaded) };
  }

  private async trialsOf(loaded: LoadedScenario, trials: number, signal: AbortSignal | undefined, plan?: LoadedScenario): Promise<Simulation> {
    const key = trialsKey(loaded);
    // A state with the plan's drivers, market and data simulates as the plan.
    if (plan && key === trialsKey(plan)) return this.plan(plan, trials);
    const done = (trials === this.firstTrials ? this.firsts : this.fulls).get(key);
    if (done) return done;
    // An asker already gone starts nothing: a run no one waits for would go on until another state's.
    signal?.throwIfAborted();
    const runKey = `${trials} ${key}`;
    // Runs no one waits for any more, of other trials, are cancelled now (a slider dragged across
    // states leaves one behind each move); a run of these trials goes on for whoever asks next.
    this.cancelOrphansBut(key);
    let run = this.runs.get(runKey);
    if (!run || run.cancelled) {
      const made = new SharedRun((own) => this.run(loaded, key, trials, own));
      this.runs.set(runKey, made);
      made.result.catch(() => undefined).finally(() => this.runs.get(runKey) === made && this.runs.delete(runKey));
      run = made;
    }
    return run.join(signal);
  }

  /** Cancel every run no one waits for: the server closes. */
  cancelOrphans(): void {
    this.cancelOrphansBut(undefined);
  }

  /** Cancel each run that no one waits for, unless it is of the trials `key`. */
  private cancelOrphansBut(key: string | undefined): void {
    // A full pass cancelled leaves its first pass without an asker: look again until none is left.
    for (let again = true; again; ) {
      again = false;
      for (const [runKey, run] of this.runs)
        if (run.orphaned && (key === undefined || !runKey.endsWith(` ${key}`))) {
          run.cancel();
          again = true;
        }
    }
  }

  /**
   * The trials of `key` at `trials`, simulated once (SharedRun) whoever asks meanwhile: a full pass
   * resumes from the state's first pass, asking for it first when it is not in (a full pass asked
   * before its first ran all its trials from the start, and the first pass then ran its own again).
   */
  private async run(loaded: LoadedScenario, key: string, trials: number, signal: AbortSignal): Promise<Simulation> {
    if (trials === this.firstTrials) {
      const sim = await this.engine.simulate(loaded, { trials, seed: this.seed, signal });
      return remember(this.firsts, key, sim, FIRSTS_KEPT);
    }
    const first = trials > this.firstTrials ? await this.trialsOf(loaded, this.firstTrials, signal) : undefined;
    // A resume continues the run of the scenario it resumes (the same trials: only targets may differ).
    const sim = await this.engine.simulate(first?.loaded ?? loaded, { trials, seed: this.seed, signal, ...(first ? { resumeFrom: first } : {}) });
    return remember(this.fulls, key, sim, FULLS_KEPT);
  }
}

