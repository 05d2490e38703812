import { createHash } from 'node:crypto';
import type { ScenarioPlan } from '../model/scenario-plan.js';
import { TierOutcome } from '../model/tier-outcome.js';
import type { TierRows } from '../model/tier-rows.js';
import { GENERATOR_ID } from '../random/source.js';
import { canonicalJson, type LoadedScenario } from '../scenario/parse.js';
import type { ChunkSpec } from './chunks.js';
import { RunOptionError } from './errors.js';

/** Identity numbers of the file data (customer books, pipelines) runs were given: the same object, the same data. */
const filesIds = new WeakMap<object, number>();
let nextFilesId = 1;
const filesId = (files: object | undefined): number => {
  if (!files) return 0;
  let id = filesIds.get(files);
  if (id === undefined) filesIds.set(files, (id = nextFilesId++));
  return id;
};

/** What a chunk was lent: its TierRows, and the keys of the rows it fills (undefined where it reads rows back). */
export interface TierRowClaim {
  readonly tierRows: TierRows;
  readonly fresh: ReadonlyArray<string | undefined>;
}

/**
 * The tiers' outcomes of recent chunks, by what determines them, so that a warm engine's next run
 * reads back the tiers that did not change instead of simulating them (model/tier-rows.ts): the
 * what-if studio's slider on one tier re-simulates that tier only, and the numbers are those of a
 * full run, bit for bit.
 *
 * A tier's outcomes in a chunk depend on its own plan (its spec, the market loadings and stress
 * that planTier reads, and the data of its files), on the market factor's draws (seed, chunk and
 * a fixed factor: `scenario.market`) and on the generator; the key holds all of them. Rows live in
 * SharedArrayBuffers: workers write and read them without a copy. The least recently used are
 * dropped beyond `maxBytes`.
 */
export class TierRowCache {
  private readonly rows = new Map<string, Float64Array>();
  private bytes = 0;

  constructor(readonly maxBytes: number) {
    if (!(Number.isSafeInteger(maxBytes) && maxBytes >= 0))
      throw new RunOptionError('tierCacheBytes', `must be a whole number of bytes >= 0 (got ${String(maxBytes)})`);
  }

  /** Bytes held now. */
  get size(): number {
    return this.bytes;
  }

  /**
   * The key of each tier of a run (without the chunk): a digest of its spec, the scenario's market
   * and stress, its files' identity, the generator and the seed.
   * Complexity: O(size of the scenario) per run.
   */
  static tierKeys(loaded: LoadedScenario, seed: string): string[] {
    const { market, stress } = loaded.scenario;
    const files = filesId(loaded.files);
    return loaded.scenario.tiers.map((tier) =>
      createHash('sha256').update(canonicalJson({ generator: GENERATOR_ID, seed, files, market, stress, tier })).digest('hex'),
    );
  }

  /**
   * Rows for one chunk: a tier kept from an earlier run is read back; the others are simulated into
   * fresh shared rows, kept by `keep` once the chunk is in.
   */
  claim(plan: ScenarioPlan, keys: readonly string[], spec: ChunkSpec): TierRowClaim {
    const replay = new Uint8Array(plan.tiers.length);
    const fresh: Array<string | undefined> = [];
    const rows = plan.tiers.map((tier, t) => {
      const key = `${keys[t]!}|${spec.index}|${spec.trials}`;
      const kept = this.rows.get(key);
      if (kept) {
        // Most recently used last.
        this.rows.delete(key);
        this.rows.set(key, kept);
        replay[t] = 1;
        fresh.push(undefined);
        return kept;
      }
      fresh.push(key);
      return new Float64Array(new SharedArrayBuffer(spec.trials * TierOutcome.rowWidth(tier) * 8));
    });
    return { tierRows: { rows, replay }, fresh };
  }

  /** Keep the rows a chunk filled (call once its results are accepted), dropping the least recently used beyond maxBytes. */
  keep(claim: TierRowClaim): void {
    claim.fresh.forEach((key, t) => {
      if (key === undefined) return;
      const rows = claim.tierRows.rows[t]!;
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
