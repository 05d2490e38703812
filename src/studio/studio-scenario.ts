import { realPath, systemPath } from '../scenario/system-path.js';
import { basename, dirname, join, resolve } from 'node:path';
import { BaseDocuments } from '../scenario/base-documents.js';
import { BaseChains } from '../scenario/base-chains.js';
import { loadWithExtends, MAX_EXTENDS_DEPTH } from '../scenario/extends.js';
import { attachFiles } from '../scenario/load-files.js';
import { loadedFilesDigest } from '../scenario/files-digest.js';
import { ParsedDataFiles } from '../scenario/parsed-data-files.js';
import type { LoadedScenario } from '../scenario/parse.js';
import { readScenarioText } from '../scenario/read-text.js';
import { ScenarioError, type ScenarioIssue } from '../scenario/scenario-error.js';
import { scenarioPathPolicy, type PathPolicy } from '../scenario/path-policy.js';
import { MAX_FILE_TARGETS, type MetricTarget } from '../scenario/targets-schema.js';
import { distinctTargets } from '../scenario/target-labels.js';
import { RunOptionError } from '../engine/errors.js';
import { studioControls, type Controls } from './controls.js';
import { overlayText, stateOverlay } from './overlay.js';
import { remember } from './remember.js';
import { deepFreeze } from './deep-freeze.js';
import type { StudioState } from './state.js';

/** A state made into a scenario: the overlay, its text as a file extending the original, and the merged scenario. */
export interface StateScenario {
  readonly overlay: Record<string, unknown>;
  readonly text: string;
  readonly loaded: LoadedScenario;
}

/** The scenario a studio was started on, and how a page state becomes a scenario. */
export interface StudioScenario {
  /** The scenario file as given, its folder and its file name (what an overlay `extends`). */
  readonly file: string;
  readonly dir: string;
  readonly base: string;
  /**
   * The folders the user allowed besides the scenario's own tree (--allow-path, allowedRoots), as
   * real paths: a saved what-if's command needs them too, or `run` refuses the data files they hold.
   */
  readonly allowedRoots: readonly string[];
  /** The file as written. */
  readonly loaded: LoadedScenario;
  readonly controls: Controls;
  /**
   * The scenario of a state: its overlay, as a file in the original's folder that extends it by
   * name, merged and validated exactly as `arrcast run` reads a saved overlay (extends.ts, then the
   * data files). Throws StateError for a control the page does not have, ScenarioError (its issues
   * at paths of the overlay) for values the schema refuses.
   */
  scenarioOf(state: StudioState): Promise<StateScenario>;
  /**
   * A state's scenario and the file as written, with the data files as they are now, each file read
   * once for both: "against the plan" compares them on the same data (the plan read once, at the
   * start, was compared with states on an edited book; read apart, an edit between two reads mixed them).
   */
  scenarioAndPlanOf(state: StudioState): Promise<{ readonly state: StateScenario; readonly plan: LoadedScenario }>;
  /**
   * Whether the file or a base, as `run` would read them now from disk, is no longer what the studio
   * read at its start (and holds in memory): a what-if saved now would extend the edited file. A file
   * that can no longer be read counts; a comment added, not. Data files are read for every state, so
   * an edit of one is not a change here (see dataEdited).
   */
  chainChangedSinceStart(): Promise<boolean>;
  /** Whether `loaded`'s data files (as read for a state) hold other data than at the studio's start. */
  dataEdited(loaded: LoadedScenario): boolean;
}

/**
 * Merged scenarios of states kept, most recent last: about 150 kB each (the scenario, and where each
 * of its values was written, for messages), so 16 are about 2.5 MB. A move back further than that
 * compiles its state again (a few ms); its answer is still kept (session.ts).
 */
const MERGED_KEPT = 16;

/**
 * Open a scenario for the studio. The file and its bases are read once, now: the studio works on
 * them as they were when it started (an edit on disk needs a restart), and a state's overlay is read
 * from memory under a name in the scenario's folder that is never written.
 */
export async function openStudioScenario(given: string, options: { readonly targets?: readonly MetricTarget[]; readonly allowedRoots?: readonly string[] } = {}): Promise<StudioScenario> {
  // Read, and named in messages, as given (as `run` reads it: the system takes a `..` after a link up
  // from where the link points); its folder as the system finds it, where each what-if's overlay is
  // read and states are saved. Messages named `lnk/../plan.yaml` by its absolute path.
  const file = given;
  const dir = dirname(resolve(await systemPath(given)));
  const base = basename(file);
  const policy: PathPolicy = await scenarioPathPolicy(file, options.allowedRoots);
  const texts = new Map<string, string>();
  const cachedRead = async (f: string, check?: (opened: string) => Promise<string | undefined>) => {
    // The file the system opens: as text (resolve), `lnk/../plan.yaml` and ./plan.yaml were one key,
    // and a base ./plan.yaml was given the text of lnk/../plan.yaml, the file extending it.
    const key = await realPath(resolve(await systemPath(f)));
    const known = texts.get(key);
    if (known !== undefined) return known;
    const text = await readScenarioText(f, check);
    texts.set(key, text);
    return text;
  };
  const virtual = join(dir, '.arrcast-studio-state.yaml');
  // Every state's overlay extends the same bases, held as text above: each is read into a document once.
  const documents = new BaseDocuments();
  // And each overlay's bases (the file given and its own) are found once, not a realpath after another
  // for every state: they are the ones read at the start, in this folder, under this policy (base-chains.ts).
  const chains = new BaseChains(policy);
  // A state's merged and validated scenario, by its overlay's text, which decides it on bases held in
  // memory: the page asks for a state's two passes at once, and a move back asks for it again. The
  // data files are still read for every state, as attachFiles reads them.
  const merged = new Map<string, Promise<LoadedScenario>>();
  const mergedOf = (text: string): Promise<LoadedScenario> => {
    const known = merged.get(text);
    // Kept as the most recent again: a state come back to often (the untouched one) stays kept.
    if (known) return remember(merged, text, known, MERGED_KEPT);
    const read = (f: string, check?: (opened: string) => Promise<string | undefined>) => (resolve(f) === virtual ? Promise.resolve(text) : cachedRead(f, check));
    // Frozen: every pass and move back to this state reads the one scenario (a change to it would be theirs too).
    const made = loadWithExtends(virtual, read, policy, { documents, chains }).then((l) => (deepFreeze(l.scenario), l));
    // A refused state is not kept: its error is made again when it is asked for again.
    made.catch(() => merged.get(text) === made && merged.delete(text));
    return remember(merged, text, made, MERGED_KEPT);
  };
  // The data files' bytes are read for every state; their content is parsed once.
  const parsed = new ParsedDataFiles();
  const load = async (text: string, reads?: Map<string, Promise<Buffer>>): Promise<LoadedScenario> =>
    attachFiles(await mergedOf(text), virtual, policy, { parsed, ...(reads ? { reads } : {}) });
  // The original, read as a run reads it (its own name in messages), then as an empty overlay.
  const original = await loadWithExtends(file, cachedRead, policy);
  const startedData = loadedFilesDigest((await attachFiles(original, file, policy, { parsed })).files);
  // Each what-if extends the file, one file more: a chain already at the most a chain may have is
  // refused here, saying why (its own message blamed a base that `run` reads without a word). Any
  // other refusal of the empty overlay (a file that is a link out of its folder) keeps its message.
  const files = 1 + (original.bases?.length ?? 0);
  if (files >= MAX_EXTENDS_DEPTH)
    throw new ScenarioError(file, [
      { path: ['extends'], message: `${base} and its bases are a chain of ${files} files, the most a chain may have, and each what-if of the studio extends ${base}: merge two of them to open it in the studio` },
    ]);
  const loaded = await load(overlayText(base, {})).catch((err: unknown) => {
    // The overlay's own issues are put at the file given: the overlay's name is of a file no one sees.
    if (!(err instanceof ScenarioError) || err.source !== virtual) throw err;
    const issues = err.issues.map((i): ScenarioIssue => (i.source !== undefined ? i : { path: [], message: `each what-if of the studio extends ${base}, which is refused: ${i.message}` }));
    throw new ScenarioError(file, issues);
  });
  const controls = studioControls(loaded, options.targets ?? []);
  // Every target the page shows goes into each state's overlay (and a saved what-if's `targets:`),
  // which a scenario file holds at most MAX_FILE_TARGETS of: with more (a file's 50 and a --target),
  // every state was refused ("targets.metrics: may hold at most 50 items, got 51").
  if (controls.targets.length > MAX_FILE_TARGETS) {
    const own = distinctTargets(loaded.scenario.targets?.metrics ?? []).length;
    throw new RunOptionError(
      'target',
      `the scenario's ${own} targets and those given make ${controls.targets.length}; the studio writes its targets into each what-if, a scenario file, which holds at most ${MAX_FILE_TARGETS}: give fewer`,
      undefined,
      // Named --target (the CLI's flag); the option the caller wrote is openStudioScenario's `targets`.
      { path: ['targets'] },
    );
  }
  const scenarioOf = async (state: StudioState, reads?: Map<string, Promise<Buffer>>): Promise<StateScenario> => {
    const overlay = stateOverlay(loaded, controls, state);
    const text = overlayText(base, overlay);
    try {
      return { overlay, text, loaded: await load(text, reads) };
    } catch (err) {
      throw err instanceof ScenarioError ? atScenarioTiers(err, overlay, loaded) : err;
    }
  };
  return {
    file,
    dir,
    base,
    allowedRoots: policy.roots.slice(1),
    loaded,
    controls,
    chainChangedSinceStart: async () => {
      try {
        return (await loadWithExtends(file, readScenarioText, policy)).hash !== original.hash;
      } catch {
        return true;
      }
    },
    dataEdited: (l) => loadedFilesDigest(l.files) !== startedData,
    scenarioAndPlanOf: async (state) => {
      const reads = new Map<string, Promise<Buffer>>();
      const [ofState, plan] = await Promise.all([scenarioOf(state, reads), load(overlayText(base, {}), reads)]);
      return { state: ofState, plan };
    },
    scenarioOf: (state) => scenarioOf(state),
  };
}

/**
 * A state's refusal with its paths in the scenario, not in the overlay: the overlay lists only the
 * tiers a state moves, so its tiers[0] is whichever tier moved first (the Enterprise tier's
 * conversion was refused as "tiers[0].newBusiness.conversion.mean"). An issue of the overlay (no
 * `source` of its own: the error is the overlay's) at tiers[i] is put at its tier's index in the
 * scenario, found by the name the overlay gives it; its line and column, in a file no one sees, go.
 */
function atScenarioTiers(err: ScenarioError, overlay: Record<string, unknown>, loaded: LoadedScenario): ScenarioError {
  const moved = Array.isArray(overlay.tiers) ? (overlay.tiers as Array<{ name?: unknown }>) : [];
  const issues = err.issues.map((issue): ScenarioIssue => {
    if (issue.source !== undefined) return issue;
    const [head, at, ...rest] = issue.path;
    const name = head === 'tiers' && typeof at === 'number' ? moved[at]?.name : undefined;
    const index = loaded.scenario.tiers.findIndex((t) => t.name === name);
    const path = index >= 0 ? ['tiers', index, ...rest] : issue.path;
    return { path, message: issue.message };
  });
  return new ScenarioError(err.source, issues);
}
