import { createHash } from 'node:crypto';
import type { ScenarioPlan } from '../model/scenario-plan.js';
import { TierOutcome } from '../model/tier-outcome.js';
import type { TierRows } from '../model/tier-rows.js';
import { GENERATOR_ID } from '../random/source.js';
import { canonicalJson, type LoadedScenario } from '../scenario/parse.js';
import { loadedFilesDigest } from '../scenario/files-digest.js';
import type { ChunkSpec } from './chunks.js';
import { RunOptionError } from './errors.js';

/** What a chunk was lent: its TierRows, and the keys of the rows it fills (undefined where it reads rows back), by tier part. */
export interface TierRowClaim {
  readonly tierRows: TierRows;
  readonly fresh: ReadonlyArray<string | undefined>;
}

/**
 * The tier parts' outcomes of recent chunks, by what determines them, so that a warm engine's next
 * run reads back the parts that did not change instead of simulating them (model/tier-rows.ts): the
 * what-if studio's slider on one driver re-simulates that driver's tier part only (the tier's new
 * business, or its opening book), and the numbers are those of a full run, bit for bit.
 *
 * A tier part's outcomes in a chunk depend on the tier's spec but for the other part's fields (its
 * name, its own part and its stress), on the market loadings and stress that planTier reads, on the
 * data of its files, on the market factor's draws (seed, chunk and a fixed factor: `scenario.market`),
 * on the tier's row layout (its drivers and extras, which both parts index) and on the generator; the
 * key holds all of them. Rows live in SharedArrayBuffers: workers write and read them without a copy.
 * The least recently used are dropped beyond `maxBytes`.
 */
export class TierRowCache {
  private readonly rows = new Map<string, Float64Array>();
  private bytes = 0;

  constructor(readonly maxBytes: number) {
    if (!(Number.isSafeInteger(maxBytes) && maxBytes >= 0))
      throw new RunOptionError('tierCacheBytes', `must be a whole number of bytes >= 0 (got ${String(maxBytes)})`);
  }

  /** Bytes held now (an array shared by both parts of a tier counts twice). */
  get size(): number {
    return this.bytes;
  }

  /**
   * The key of each tier part of a run, without the chunk (entry t * 2 + p, as TierRows): a digest
   * of what determines it (see the class comment).
   * Complexity: O(size of the scenario) per run.
   */
  static partKeys(loaded: LoadedScenario, plan: ScenarioPlan, seed: string): string[] {
    const { market, stress } = loaded.scenario;
    const files = loadedFilesDigest(loaded.files);
    return loaded.scenario.tiers.flatMap((tier, t) => {
      const layout = { drivers: plan.tiers[t]!.plannedDrivers.map((d) => d.key), extras: plan.tiers[t]!.extras.map((x) => x.key) };
      const { existing, newBusiness, newCustomerExpansion, ...rest } = tier;
      const digest = (part: string, own: object) =>
        createHash('sha256').update(canonicalJson({ generator: GENERATOR_ID, seed, files, market, stress, layout, part, tier: { ...rest, ...own } })).digest('hex');
      return [digest('newBusiness', { newBusiness, newCustomerExpansion }), digest('book', { existing })];
    });
  }

  /**
   * Rows for one chunk: a tier part kept from an earlier run is read back; the others are simulated
   * into fresh shared rows (one array for both parts of a tier when both are fresh), kept by `keep`
   * once the chunk is in.
   */
  claim(plan: ScenarioPlan, keys: readonly string[], spec: ChunkSpec): TierRowClaim {
    const replay = new Uint8Array(2 * plan.tiers.length);
    const fresh: Array<string | undefined> = [];
    const rows: Array<Float64Array | undefined> = [];
    plan.tiers.forEach((tier, t) => {
      let shared: Float64Array | undefined;
      const has = [tier.newBusiness !== undefined || tier.newCustomerExpansion !== undefined, tier.existing !== undefined];
      for (let p = 0; p < 2; p++) {
        if (!has[p]) {
          // A part the tier lacks writes nothing: nothing to keep or read back.
          fresh.push(undefined);
          rows.push(undefined);
          continue;
        }
        const key = `${keys[2 * t + p]!}|${spec.index}|${spec.trials}`;
        const kept = this.rows.get(key);
        if (kept) {
          // Most recently used last.
          this.rows.delete(key);
          this.rows.set(key, kept);
          replay[2 * t + p] = 1;
          fresh.push(undefined);
          rows.push(kept);
        } else {
          shared ??= new Float64Array(new SharedArrayBuffer(spec.trials * TierOutcome.rowWidth(tier) * 8));
          fresh.push(key);
          rows.push(shared);
        }
      }
    });
    return { tierRows: { rows, replay }, fresh };
  }

  /** Keep the rows a chunk filled (call once its results are accepted), dropping the least recently used beyond maxBytes. */
  keep(claim: TierRowClaim): void {
    claim.fresh.forEach((key, i) => {
      if (key === undefined) return;
      const rows = claim.tierRows.rows[i]!;
      const before = this.rows.get(key);
      if (before) this.bytes -= before.byteLength;
      this.rows.delete(key);
      this.rows.set(key, rows);
      this.bytes += rows.byteLength;
    });
    for (const [key, rows] of this.rows) {
      if (this.bytes <= this.maxBytes) break;
      this.rows.delete(key);
      this.bytes -= rows.byteLength;
    }
  }
}
