import { createStream, streamSeed, type Stream } from '../random/source.js';
import { CustomerBookSimulator } from './customer-book-simulator.js';
import { AggregateBookSimulator, BookRateDrawer, type BookRates } from './existing-book-simulator.js';
import { NewBusinessSimulator } from './new-business-simulator.js';
import type { TierOutcome } from './tier-outcome.js';
import type { TierPlan } from './tier-plan.js';
import { namePart } from '../random/name-part.js';
import type { LevelSource } from './given-levels.js';

export { TierOutcome } from './tier-outcome.js';

/**
 * Simulates one tier's fiscal year, trial after trial, from streams of its own. Each driver has
 * its own stream, seeded from (scenario seed, chunk, tier name, driver), the names encoded by
 * namePart so no two streams share a seed, so changing one driver's
 * parameters leaves every other driver's draws as they were (common random numbers).
 */
export class TierSimulator {
  private readonly newBusiness: NewBusinessSimulator | undefined;
  private readonly rates: BookRateDrawer | undefined;
  private readonly book: AggregateBookSimulator | CustomerBookSimulator | undefined;
  private readonly drawn: BookRates = { renewal: 0, uplift: 0, contraction: 0, expansion: 0, expansionScale: 1 };
  /** Every stream this simulator's parts drew on, by driver: what `rekey` keys again. */
  private readonly streams: Array<{ readonly driver: string; readonly stream: Stream }> = [];

  /** `live`: which parts (TIER_PARTS order) this simulator runs; a part read back instead needs no streams. */
  constructor(
    private readonly plan: TierPlan,
    seedPrefix: string,
    levels?: LevelSource,
    live: readonly [boolean, boolean] = [true, true],
  ) {
    const stream = (driver: string): Stream => {
      const made = createStream(streamSeed(seedPrefix, namePart(plan.name), driver));
      this.streams.push({ driver, stream: made });
      return made;
    };
    this.newBusiness = plan.newBusiness && live[0] ? new NewBusinessSimulator(plan, stream, levels) : undefined;
    if (plan.existing && live[1]) {
      this.rates = new BookRateDrawer(plan, stream, levels);
      this.book = plan.existing.book ? new CustomerBookSimulator(plan, stream) : new AggregateBookSimulator(plan, stream);
    }
  }

  /**
   * Key every stream again from `seedPrefix` (another chunk's): from here on this simulator draws what
   * one made with that prefix would. Its parts keep nothing from one trial to the next but scratch they
   * overwrite and constants of their parameters (test/model/rekeyed-simulator.test.ts checks chunk after
   * chunk against fresh simulators, bit for bit).
   */
  rekey(seedPrefix: string): void {
    const tier = namePart(this.plan.name);
    for (const { driver, stream } of this.streams) stream.rekey(streamSeed(seedPrefix, tier, driver));
  }

  /** Simulate one fiscal year (in a re-forecast, the months after the closed ones) of this tier given the trial's market factor z; writes `out`. */
  run(z: number, out: TierOutcome): void {
    out.reset(this.plan.start);
    this.runNewBusiness(z, out);
    this.runBook(z, out);
  }

  /** The new-business part of a trial (after `out.reset`): writes only its own fields of the outcome. */
  runNewBusiness(z: number, out: TierOutcome): void {
    this.newBusiness?.run(z, out);
  }

  /** The opening book's part of a trial (after `out.reset`): writes only its own fields of the outcome. */
  runBook(z: number, out: TierOutcome): void {
    if (this.book) {
      this.rates!.draw(z, out, this.drawn);
      this.book.run(this.drawn, out);
    }
  }
}
