import { randomBytes } from 'node:crypto';
import { constants, lstatSync, rmSync } from 'node:fs';
import { cleanedUpOnExit, outputPlaced } from './exit-cleanup.js';
import { link, lstat, open, rename, rm, stat } from 'node:fs/promises';
import { removeEmptyDirs, removeEmptyDirsSync, withDirectory, type Created } from './fresh-dir.js';
import { takeAccessOf } from './same-access.js';
import { openFailure } from '../scenario/read-file.js';
import { isSystemErrorCode } from '../scenario/system-error-words.js';
import { basename, dirname, join } from 'node:path';
import type { ShardSpec } from './chunks.js';
import { decodePart, decodePartHeader, decodePreamble, DamagedPartError, encodePart, PART_EXTENSION, PART_MAGIC, PartFileError, PREAMBLE_BYTES, type DecodedPart, type PartHeader } from './part-format.js';
import type { SimulationPart } from './simulate.js';
import type { z } from 'zod';
import { checkOptions, type AgreesWithSchema } from './options-schema.js';
import { partWriteOptionsSchema } from './part-write-options.js';
import { RunAbortedError, RunOptionError, throwIfAborted } from './errors.js';
import { hostTag, removeStaleTemps, STALE_TEMP_MS } from './stale-temps.js';
import { flushHandle } from './sync-tree.js';
import { checkUnchangedSinceLoaded } from './unchanged-since-loaded.js';
import { partRunDifferences, partRunFieldsDiffering, type PartRunFields } from './part-run.js';
import { ARRCAST_VERSION } from '../version.js';
import { GENERATOR_ID } from '../random/source.js';
import { CHUNK_SIZE } from '../model/simulate-chunk.js';

/** The file name of a shard's part in a directory: shard-K-of-N.arrcast-part, K 1-based. */
export const partFileName = (shard: ShardSpec) => `shard-${shard.index + 1}-of-${shard.count}${PART_EXTENSION}`;

/** A part file's header, read without its body. */
export interface PartInfo {
  readonly file: string;
  readonly header: PartHeader;
}

/**
 * Parts are opened as scenario and data files are (scenario/read-file.ts): non-blocking and without
 * becoming a controlling terminal, so a FIFO or a device given as a part is refused ("is not a
 * file", from fstat) instead of waiting forever.
 */
const READ_WITHOUT_BLOCKING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * File-system errors as part file problems, in the words every input file gets (read-file.ts): a
 * missing file, a directory, a loop of links, a file where a folder goes, a name too long. Only
 * ENOENT and EISDIR were: the rest ended as 'cannot write PART: ... (ELOOP)', exit 1.
 */
function partFileProblem(err: unknown, file: string): unknown {
  return isSystemErrorCode((err as NodeJS.ErrnoException)?.code) ? new PartFileError(file, openFailure(err, { noun: 'an arrcast part file' }, file)) : err;
}

/** Prefix of a part's temporary file; its name goes on with the part's name, this machine, the pid and a random token. */
const PART_TEMP_PREFIX = '.arrcast-tmp-';
const PART_TEMP = /^\.arrcast-tmp-.*-h([0-9a-f]{8})-([0-9]+)-[0-9a-f]{8}$/;
/** A temporary part file whose owner is alive is left this long; then it is stale whatever its owner. */
export const STALE_PART_TEMP_MS = STALE_TEMP_MS;

/** A fresh temporary name for `file`: .arrcast-tmp-NAME-hHOST-PID-HEX, NAME its first 40 characters. */
export const partTempName = (file: string) =>
  `${PART_TEMP_PREFIX}${[...basename(file)].slice(0, 40).join('')}-h${hostTag()}-${process.pid}-${randomBytes(4).toString('hex')}`;

/**
 * Remove the temporary part files that killed shard runs (SIGKILL, power loss) left in `dir`, and
 * only those provably arrcast's and stale: a regular file named as partTempName names them,
 * holding the part magic at its start (or nothing yet), whose owner ran on this machine and is
 * gone, or that nothing has written to for STALE_PART_TEMP_MS (an owner on another machine
 * sharing the directory cannot be asked). Returns what it removed.
 */
export async function removeStalePartTemps(dir: string, now = Date.now()): Promise<string[]> {
  return removeStaleTemps(
    dir,
    (name) => {
      const m = PART_TEMP.exec(name);
      return m ? { host: m[1], pid: Number(m[2]) } : undefined;
    },
    async (path, size) => size === 0 || startsWithPartMagic(path).catch(() => false),
    now,
  );
}

/**
 * Whether `path` is a regular file starting with the part magic (PART_MAGIC): its first bytes only.
 * Opened without blocking and confirmed a regular file by fstat on the open handle, so a FIFO or a
 * device put in its place after the caller's lstat is answered false at once instead of waiting
 * forever for a writer. A file that cannot be opened or read throws (the caller decides).
 *
 * @example await startsWithPartMagic('parts/renamed.yaml') // => true (a part under another name)
 */
export async function startsWithPartMagic(path: string): Promise<boolean> {
  const handle = await open(path, READ_WITHOUT_BLOCKING);
  try {
    if (!(await handle.stat()).isFile()) return false;
    const start = new Uint8Array(PART_MAGIC.length);
    const { bytesRead } = await handle.read(start, 0, start.byteLength, 0);
    return bytesRead === start.byteLength && new TextDecoder('latin1').decode(start) === PART_MAGIC;
  } finally {
    await handle.close();
  }
}

/** What writePartFile is given besides the part. */
export interface PartWriteOptions {
  /** Stops the write between pieces and before the move (RunAbortedError). */
  readonly signal?: AbortSignal;
  /**
   * Called just before the part is moved into place, to check `file` again by rules this layer
   * does not know (the CLI: that it is still not inside an arrcast output); it throws to refuse,
   * and the temporary file goes.
   */
  readonly recheck?: () => Promise<void>;
}

// The schema (part-write-options.ts) and the interface agree: keys and types (checked by the compiler).
void (true satisfies AgreesWithSchema<PartWriteOptions, z.infer<typeof partWriteOptionsSchema>>);

/**
 * Write a shard's part to `file`, whole or not at all: into a temporary file beside it, flushed to
 * disk, then moved into place. A previous file is replaced only by a complete part, and only if it
 * is still one checkPartOutput allows when the part is moved in: an arrcast part, and not another
 * shard's part of the same run (OtherShardPartError: it is kept; a part of another run, a stale
 * output, is replaced, as is the same shard's). The move is a hard link, which never replaces
 * anything, and what is at `file` then is checked before it is replaced, so a file a user put
 * there during the run is left as it is (PartFileError: exit 2). Where hard links cannot be made
 * (EPERM, ENOTSUP, EXDEV) the name is claimed first with an empty file made only if nothing is
 * there (O_EXCL), which the rename then replaces, so two shards moving in side by side do not both
 * take an empty place; the claim goes again if the move fails or the process is forced to exit.
 * `options.signal` stops the write between pieces and before the move (RunAbortedError), and the
 * temporary file goes; `options.recheck` runs just before the move. A system error (a full disk)
 * names `file`, not the temporary file, even when the system gives no path (a write). Stale
 * temporary files of killed shard runs there go first (removeStalePartTemps). The directory and
 * its parents are made when missing, again if a shard running beside this one removed them
 * (withDirectory), and go again when empty if the write fails.
 */
export async function writePartFile(file: string, part: SimulationPart, options: PartWriteOptions = {}): Promise<void> {
  checkOptions('writePartFile', partWriteOptionsSchema, options, true);
  const check = () => {
    throwIfAborted(options.signal);
  };
  check();
  await removeStalePartTemps(dirname(file));
  const temp = join(dirname(file), partTempName(file));
  const created: Created = {};
  const claim: Claim = {};
  try {
    await cleanedUpOnExit(
      () => {
        rmSync(temp, { force: true });
        releaseClaimSync(file, claim);
        if (created.top !== undefined) removeEmptyDirsSync(dirname(file), created.top);
      },
      () => writeTemp(temp, file, part, { check, recheck: options.recheck, created, claim }),
    );
  } catch (err) {
    if (created.top !== undefined) await removeEmptyDirs(dirname(file), created.top);
    throw err;
  }
}

/** The empty file claiming a part's name where hard links cannot be made (its inode), while it is this write's. */
interface Claim {
  ino?: number;
}

/** Remove `file` if it is still this write's claim: the same empty file (a part moved over it is not). */
function releaseClaimSync(file: string, claim: Claim): void {
  if (claim.ino === undefined) return;
  const info = lstatSync(file, { throwIfNoEntry: false });
  if (info !== undefined && info.ino === claim.ino && info.size === 0) rmSync(file, { force: true });
  claim.ino = undefined;
}

/** writePartFile's part: the temporary file written, flushed and moved to `file`; removed on failure. */
async function writeTemp(
  temp: string,
  file: string,
  part: SimulationPart,
  steps: { readonly check: () => void; readonly recheck?: () => Promise<void>; readonly created: Created; readonly claim: Claim },
): Promise<void> {
  try {
    const handle = await withDirectory(dirname(file), () => open(temp, 'wx'), steps.created);
    try {
      for (const piece of encodePart(part)) {
        steps.check();
        await handle.write(piece);
      }
      await flushHandle(handle);
    } finally {
      await handle.close();
    }
    steps.check();
    await steps.recheck?.();
    // A signal that came during the caller's recheck stops the move (as atomic-file.ts's writes do).
    steps.check();
    await moveIntoPlace(temp, file, partRunOf(part), steps.claim);
  } catch (err) {
    await rm(temp, { force: true });
    releaseClaimSync(file, steps.claim);
    const e = err as NodeJS.ErrnoException;
    if (e instanceof Error && isSystemErrorCode(e.code) && (e.path === undefined || e.path === temp)) e.path = file;
    throw err;
  }
}

/**
 * Move finished temporary part `temp` to `file`: a hard link when nothing is there (it fails rather
 * than replace a file made meanwhile), else, when checkPartOutput allows what is there (it throws
 * PartFileError otherwise: another shard's part of the same run written there meanwhile is kept), a
 * rename over it. Where hard links cannot be made, the name is claimed first (an empty file made
 * with O_EXCL, recorded in `claim`) when nothing is there, and the rename replaces the claim; a
 * name taken meanwhile gets the check, as above.
 */
async function moveIntoPlace(temp: string, file: string, run: PartRun, claim: Claim): Promise<void> {
  let linked = true;
  try {
    await link(temp, file);
    outputPlaced(file);
    await rm(temp, { force: true });
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw err;
    linked = code === 'EEXIST';
  }
  if (!linked) {
    const handle = await open(file, 'wx').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'EEXIST') return undefined;
      throw err;
    });
    if (handle !== undefined) {
      claim.ino = (await handle.stat().finally(() => handle.close())).ino;
      await rename(temp, file);
      claim.ino = undefined;
      outputPlaced(file);
      return;
    }
  }
  // An empty file is never replaced here: where hard links cannot be made it is how a shard beside
  // this one claims the name, for the moment between its claim and its rename, and Linux says EEXIST
  // before EPERM for a name taken, so `linked` cannot tell such a file system apart. (A claim a killed
  // shard left is refused before the run too, checkPartOutput, for the user to remove.)
  const there = await lstat(file).catch(() => undefined);
  if (there?.isFile() && there.size === 0) throw new PartFileError(file, `was put there while the shard ran and ${EMPTY_PART_NAME}; it is left as it is and the part was not written`);
  try {
    await checkPartOutput(file, file, run);
  } catch (err) {
    if (err instanceof NotAPartError)
      throw new PartFileError(
        file,
        'was put there while the shard ran and is not an arrcast part; it is left as it is and the part was not written (pick a new file, or move it away and run the shard again)',
      );
    throw err;
  }
  // The part replaced keeps its group and permissions.
  takeAccessOf(file, temp);
  await rename(temp, file);
  outputPlaced(file);
}

/**
 * What an empty file at a part's name is taken for, and what to do: arrcast never replaces one
 * (see moveIntoPlace), before the run or at the move.
 */
const EMPTY_PART_NAME =
  'is an empty file: the claim of a shard of this run moving its part in where hard links cannot be made, or one left by a shard killed there (or a user’s); remove it if no shard of this run is running, and run this shard again';

/**
 * Read and check a part's header without its body: the file must be a part of a format this
 * arrcast reads, as long as its header says, with a header that adds up. Throws PartFileError.
 */
export async function readPartHeader(file: string): Promise<PartInfo> {
  let handle;
  try {
    handle = await open(file, READ_WITHOUT_BLOCKING);
  } catch (err) {
    throw partFileProblem(err, file);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new PartFileError(file, 'is not a file');
    const size = info.size;
    const start = new Uint8Array(Math.min(size, PREAMBLE_BYTES));
    await handle.read(start, 0, start.byteLength, 0);
    const preamble = decodePreamble(start, file);
    if (size < preamble.totalLength) throw new DamagedPartError(file, `is truncated: ${size} bytes, expected ${preamble.totalLength}`);
    if (size > preamble.totalLength) throw new DamagedPartError(file, `is corrupt: ${size - preamble.totalLength} bytes after the end of the part (${preamble.totalLength} bytes)`);
    const head = new Uint8Array(PREAMBLE_BYTES + preamble.headerLength);
    await handle.read(head, 0, head.byteLength, 0);
    return { file, header: decodePartHeader(head, file) };
  } catch (err) {
    throw partFileProblem(err, file);
  } finally {
    await handle.close();
  }
}

/** Read a whole part file and check it (length, checksum, header). Throws PartFileError. */
export async function readPartFile(file: string): Promise<DecodedPart> {
  let bytes: Buffer;
  try {
    const handle = await open(file, READ_WITHOUT_BLOCKING);
    try {
      if (!(await handle.stat()).isFile()) throw new PartFileError(file, 'is not a file');
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw partFileProblem(err, file);
  }
  return decodePart(bytes, file);
}

/** What is at a part's --out is not an arrcast part (or not a file): never replaced. */
class NotAPartError extends PartFileError {}

/** The part at an --out is another shard's of the same run: replacing it would lose that shard's trials. */
export class OtherShardPartError extends PartFileError {
  override readonly name = 'OtherShardPartError';
}

/** The part at an --out is of another run (another scenario, seed, trials, N, generator or version): it is not this shard's to replace. */
export class OtherRunPartError extends PartFileError {
  override readonly name = 'OtherRunPartError';
}

/**
 * What names the run a part belongs to, as a shard about to be written knows it: the scenario (by
 * hash), the seed and trials of the whole run, and the shard K/N; the random generator (GENERATOR_ID
 * when not given) and this arrcast's version and chunk size. Parts of one run agree on all but K
 * (merge's checkParts, PART_RUN_FIELDS). `scenarioName` and `scenarioSource` (the scenario file) are for messages only.
 */
export interface PartRun {
  readonly scenarioHash: string;
  readonly scenarioName?: string;
  readonly scenarioSource?: string;
  readonly seed: string;
  readonly trials: number;
  readonly shard: ShardSpec;
  readonly generator?: string;
}

/** The run `part` is of (see PartRun). */
export function partRunOf(part: SimulationPart): PartRun {
  // Named by the hash its run was made under (runHash), as its part file would be: refused, as encodePart refuses it, once edited in place.
  checkUnchangedSinceLoaded(part.loaded, 'its part file', part.runHash);
  return {
    scenarioHash: part.runHash,
    scenarioName: part.loaded.scenario.name,
    scenarioSource: part.loaded.source,
    seed: part.seed,
    trials: part.trials,
    shard: part.shard,
    generator: part.generator,
  };
}

/** The header fields naming `run`, as the part written for it will hold them. */
const fieldsOf = (run: PartRun): PartRunFields => ({
  arrcastVersion: ARRCAST_VERSION,
  generator: run.generator ?? GENERATOR_ID,
  scenario: { name: run.scenarioName, source: run.scenarioSource, hash: run.scenarioHash },
  seed: run.seed,
  trials: run.trials,
  chunkSize: CHUNK_SIZE,
  shard: run.shard,
});

/**
 * Check, before a shard runs, that `file` may receive its part: it does not exist, or it is an
 * arrcast part (a previous run's, replaced whole: it starts with the part magic). Anything else is
 * refused (PartFileError), so a mistyped --out replaces nothing of value; an empty file too, with
 * its own message: it may be a running shard's claim of the name (EMPTY_PART_NAME). `shown` names the file in the message (as --out was typed).
 *
 * With `run`, a part there is replaced only by the same shard of the same run (a re-run: the same
 * scenario, seed, trials, chunk size and shard K/N, PART_RUN_FIELDS). The same shard of a run that
 * differs only in arrcast version or random generator is a re-run after an upgrade: replaced, and
 * the note returned says what is replaced (the CLI prints it). Another
 * shard K of the same run is refused (OtherShardPartError), so shards given one --out file (`--out
 * parts` with no folder there and no trailing /, run one after another or side by side) do not
 * replace one another's parts, each saying it wrote its own. A part of another run (another
 * scenario, seed, trials, N, generator or version) is refused too (OtherRunPartError, naming both
 * runs): the same shard K/N of two scenarios written to one folder replaced each other without a
 * word. A part cut short or damaged (DamagedPartError) holds no trials and is replaced; any other
 * failure to read its header (a part of a newer format, a read error) is thrown. Returns the note
 * of a part replaced after an upgrade, else undefined.
 */
export async function checkPartOutput(file: string, shown = file, run?: PartRun): Promise<string | undefined> {
  let info;
  try {
    info = await stat(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const refuse = (what: string) =>
    new NotAPartError(shown, `${what}, and a shard run replaces its --out file whole; pick a new file (or a directory to write ${partFileName({ index: 0, count: 4 })} and the like into)`);
  if (!info.isFile()) throw refuse('is not a file');
  if (info.size === 0) throw new NotAPartError(shown, EMPTY_PART_NAME);
  if (!(await startsWithPartMagic(file))) throw refuse('exists and is not an arrcast part');
  if (run === undefined) return undefined;
  let there: PartHeader;
  try {
    there = (await readPartHeader(file)).header;
  } catch (err) {
    if (err instanceof DamagedPartError) return undefined;
    throw err;
  }
  const { shard } = run;
  const here = fieldsOf(run);
  const differing = partRunFieldsDiffering(there, here);
  const differences = partRunDifferences(differing, there, here);
  const sameShard = there.shard.index === shard.index;
  // The same shard of the same run drawn again after an upgrade (only the arrcast version or the
  // generator differ): a re-run, replaced, and said (merge refuses to mix versions on its own).
  if (differing.length > 0 && sameShard && differing.every((f) => f.upgrade))
    return `replacing ${shown}: shard ${shard.index + 1}/${shard.count}'s part of the same run written by another arrcast (${differences.join('; ')})`;
  if (differing.length > 0)
    throw new OtherRunPartError(
      shown,
      `holds shard ${there.shard.index + 1}/${there.shard.count}'s part of another run (${differences.join('; ')}), and this is shard ${shard.index + 1}/${shard.count} of this run: arrcast does not replace another run's part; remove it or move it away if it is no longer needed, or give this shard another --out`,
    );
  if (!sameShard)
    throw new OtherShardPartError(
      shown,
      `holds shard ${there.shard.index + 1}/${there.shard.count}'s part of the same run (scenario, seed and trials), and this is shard ${shard.index + 1}/${shard.count}: writing it there would replace that shard's trials; give each shard its own --out file, or a directory to write ${partFileName(shard)} and the others into (an existing one, or a new one written with a trailing /)`,
    );
  return undefined;
}
