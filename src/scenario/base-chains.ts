import { resolve } from 'node:path';
import type { PathPolicy } from './path-policy.js';
import type { ScenarioDocument } from './parse.js';

/** A file's bases, as extends.ts reads them: each base's document and its real path when its shown name is not where it is. */
export interface BaseChain {
  readonly documents: readonly ScenarioDocument[];
  readonly reals: readonly (string | undefined)[];
}

/**
 * The bases of files that extend the same base, found once: for a caller that loads many files
 * differing only in what they write over one chain of bases, read under one path policy, whose bases'
 * texts it holds (the studio: one overlay per page state, each `extends:` the scenario it was started
 * on, which it reads once, at its start: studio-scenario.ts). Finding the chain (each base's path as the
 * system opens it, its real path against cycles and the policy, its data paths rebased) was a
 * realpath call after another for every state: 14% of a state's compile (bench/RESULTS.md,
 * twenty-eighth session).
 *
 * A chain is a function of the extending file's path (resolved) and its `extends` value (the key), the policy,
 * the bases' texts and the folders and links on the way; the caller holds the last two still for its
 * session, as it holds the texts: a link retargeted since is not followed (as a base edited since is
 * not reread). A chain that fails is not kept: each file asking for it is refused by its own reading,
 * at its own line.
 *
 * Complexity: O(1) per look-up; holds one chain per distinct key asked for.
 */
export class BaseChains {
  private readonly byKey = new Map<string, Promise<BaseChain>>();

  /** `policy`: the one the chains are read under; loadWithExtends does not use this cache under another (extends.ts). */
  constructor(readonly policy: PathPolicy) {}

  /** The bases of `file` extending `value`, found by `find` the first time (and again after a failure). */
  get(file: string, value: string, find: () => Promise<BaseChain>): Promise<BaseChain> {
    // The path resolved now: a relative `file` names another file after a change of folder.
    const key = `${resolve(file)}\0${value}`;
    const known = this.byKey.get(key);
    // A fill that failed was another file's: this one is read by itself, its refusal its own.
    if (known) return known.catch(find);
    const made = find();
    this.byKey.set(key, made);
    made.catch(() => this.byKey.get(key) === made && this.byKey.delete(key));
    return made;
  }
}
