import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { chmod, lstat, readdir, rm, rmdir, unlink } from 'node:fs/promises';
import { readSmallJson, SMALL_JSON_BYTES } from './small-json-file.js';
import { basename, dirname, join } from 'node:path';
import { hostTag, processAlive, writerDone } from '../engine/stale-temps.js';
import { leftBehind } from '../engine/left-behind.js';
import { errnoWords, isErrno } from './write-error.js';
import { TEMP_PREFIX } from './temp-prefix.js';

export { TEMP_PREFIX };

/**
 * The file in each of arrcast's temporary directories that names its owner: the proof that the
 * directory is arrcast's, and what tells whether the run that made it is gone.
 */
export const OWNER_FILE = '.arrcast-temp-owner';

/** The owner file's magic. */
export const OWNER_MAGIC = 'arrcast temporary directory; removed by the next arrcast run writing beside it once its owner is gone';

/** A temporary directory whose owner is alive is still left alone after this long; then it is stale whatever its owner. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/** What the owner file holds. */
export interface TempOwner {
  readonly magic: typeof OWNER_MAGIC;
  readonly pid: number;
  readonly host: string;
  /** When the directory was made, ms since the epoch. */
  readonly started: number;
  /**
   * For a previous output moved aside to be replaced: the name (in the same folder) of the output it
   * was. A stale one whose output is missing (its run was killed between moving it aside and putting
   * the new one in place) is put back there, never removed: it is the user's only copy.
   */
  readonly replaces?: string;
}

/**
 * A fresh temporary path beside `target`, unique to this process: .arrcast-tmp-NAME-LABEL-hHOST-PID-HEX
 * with NAME the first 40 characters of the target's name (a target name near the system's limit
 * must still leave room for the temporary name), HOST this machine's tag (hostTag) and HEX 8 random
 * hex digits. The name alone says whose it is: a process killed between making such a directory
 * and claiming it (or removing it, for a probe) leaves it empty, without an owner file, and the
 * sweep (removeStaleTemps) removes it by its name (UNCLAIMED_NAME).
 */
export function tempPathBeside(target: string, label: string): string {
  const token = `h${hostTag()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  return join(dirname(target), `${TEMP_PREFIX}${[...basename(target)].slice(0, 40).join('')}-${label}-${token}`);
}

/**
 * The temporary directories made empty and claimed (makeTempDir: 'new', 'trials') or made and
 * removed at once (the output probe: 'probe'), by the end of their names: LABEL-hHOST-PID-HEX.
 */
const UNCLAIMED_NAME = /-(?:new|trials|probe)-h([0-9a-f]{8})-([1-9][0-9]{0,9})-[0-9a-f]{8}$/;

/**
 * Whether `dir` (named `name`, a directory) is what a process killed outright (SIGKILL, power loss)
 * between making one of arrcast's temporary directories and claiming or removing it left: named as
 * tempPathBeside names a 'new', 'trials' or 'probe' directory, by a process on this machine that is
 * gone (or, from any machine, untouched for STALE_TEMP_MS), and empty or holding only an empty
 * owner file (killed inside the claim's write). Anything holding more is not provably arrcast's.
 */
async function isUnclaimedLeftover(dir: string, name: string, mtimeMs: number, now: number): Promise<boolean> {
  const m = UNCLAIMED_NAME.exec(name);
  if (m === null) return false;
  if (!writerDone({ host: m[1], pid: Number(m[2]) }, mtimeMs, now)) return false;
  const names = await readdir(dir).catch(() => undefined);
  if (names === undefined || names.length > 1) return false;
  if (names.length === 0) return true;
  const owner = names[0] === OWNER_FILE ? await lstat(join(dir, OWNER_FILE)).catch(() => undefined) : undefined;
  return owner !== undefined && owner.isFile() && owner.size === 0;
}

/** Remove an unclaimed leftover (isUnclaimedLeftover): its empty owner file, then the directory, only if still empty (rmdir). */
async function removeUnclaimed(dir: string): Promise<boolean> {
  await rm(join(dir, OWNER_FILE), { force: true }).catch(() => undefined);
  return rmdir(dir).then(
    () => true,
    () => false,
  );
}

/**
 * Mark `dir` as this process's temporary directory. Synchronous, like makeTempDir: a forced exit
 * cannot come between making a directory and claiming it.
 */
export function claimTempDir(dir: string, now = Date.now(), replaces?: string): void {
  const owner: TempOwner = { magic: OWNER_MAGIC, pid: process.pid, host: hostname(), started: now, ...(replaces === undefined ? {} : { replaces }) };
  writeFileSync(join(dir, OWNER_FILE), `${JSON.stringify(owner)}\n`);
}

/** Make temporary directory `dir` and claim it, in one synchronous step. */
export function makeTempDir(dir: string): void {
  mkdirSync(dir);
  try {
    claimTempDir(dir);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** The owner of temporary directory `dir`, or undefined when it has no valid owner file (then it is not provably arrcast's). */
export async function readTempOwner(dir: string): Promise<TempOwner | undefined> {
  const file = join(dir, OWNER_FILE);
  try {
    const info = await lstat(file);
    if (!info.isFile() || info.size > SMALL_JSON_BYTES) return undefined;
    const value = (await readSmallJson(file)) as Record<string, unknown>;
    const { magic, pid, host, started, replaces } = value ?? {};
    if (magic !== OWNER_MAGIC || !Number.isSafeInteger(pid) || (pid as number) <= 0 || typeof host !== 'string' || typeof started !== 'number') return undefined;
    // A name in the same folder only: no separator, not '.' or '..'.
    const named = typeof replaces === 'string' && replaces !== '' && replaces !== '.' && replaces !== '..' && !/[/\\]/.test(replaces);
    return { magic, pid: pid as number, host, started, ...(named ? { replaces } : {}) };
  } catch {
    return undefined;
  }
}

export { processAlive };

/**
 * Whether a temporary directory with this owner is stale: its owner process on this machine is
 * gone, or it is older than STALE_AFTER_MS (an owner on another machine sharing the directory
 * cannot be asked, and a pid may have been reused).
 */
export function isStale(owner: TempOwner, now = Date.now(), alive: (pid: number) => boolean = processAlive): boolean {
  if (now - owner.started > STALE_AFTER_MS) return true;
  return owner.host === hostname() && owner.pid !== process.pid && !alive(owner.pid);
}

/** Whether a file of owner `uid` is this process's user's to remove (root: every one; no uids, as on Windows: yes). */
export function ownedByThisUser(uid: number): boolean {
  const me = process.getuid?.();
  return me === undefined || me === 0 || me === uid;
}

/**
 * Remove the temporary directories that killed runs (SIGKILL, power loss) left in `parent`, and
 * only those: a directory whose name starts with TEMP_PREFIX, holding a valid owner file, whose
 * owner is stale; or one killed before it was claimed, empty and named as its owner's
 * (isUnclaimedLeftover); of this process's user (ownedByThisUser). Anything else, even with the
 * prefix, is left as it is. Returns what it removed.
 */
export async function removeStaleTemps(parent: string, now = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const dir = join(parent, name);
    const info = await lstat(dir).catch(() => undefined);
    if (!info?.isDirectory()) continue;
    // Another user's (in a shared sticky folder such as /tmp): not ours to remove, nor to name; its
    // owner's next run writing there sweeps it.
    if (!ownedByThisUser(info.uid)) continue;
    const owner = await readTempOwner(dir);
    if (owner === undefined) {
      if ((await isUnclaimedLeftover(dir, name, info.mtimeMs, now)) && (await removeUnclaimed(dir))) removed.push(dir);
      continue;
    }
    if (!isStale(owner, now)) continue;
    if (owner.replaces !== undefined && (await putBack(dir, join(parent, owner.replaces)))) continue;
    if (await removeOwnTemp(dir, 'a temporary folder an earlier arrcast run left')) removed.push(dir);
  }
  return removed;
}

/**
 * Put a previous output moved aside (`dir`) back at `target` when nothing is there: its run was
 * killed between moving it aside and putting the new output in place, so it is the only copy.
 * True when it was put back (its owner file removed, it is an output again) or when `target` is
 * missing but it could not be (then it is left as it is, not removed); false when `target` exists
 * (the new output is in place: `dir` is a stale copy to remove).
 */
async function putBack(dir: string, target: string): Promise<boolean> {
  try {
    await lstat(target);
    return false;
  } catch {
    // Nothing at target: put it back.
  }
  try {
    renameSync(dir, target);
    rmSync(join(target, OWNER_FILE), { force: true });
  } catch {
    // Left where it is, claimed: the next run tries again.
  }
  return true;
}

/**
 * The mode `mode` with its owner's read, write and search bits added, or undefined when it has
 * them: what arrcast gives a directory of its own before it claims or empties it.
 */
export function withOwnerRwx(mode: number): number | undefined {
  return (mode & 0o700) === 0o700 ? undefined : (mode & 0o7777) | 0o700;
}

/**
 * Give arrcast's own temporary directory `dir`, and every directory below it, its owner's read,
 * write and search bits, so that it can be removed: a previous report the user had made read-only
 * (`chmod -R a-w`), moved aside to be removed, could not be emptied, and stayed beside --out for
 * good. Symlinks are not followed, nor another device entered (`dev`: the device of the folder it
 * starts from, when given). Best effort: what cannot be changed is left as it is.
 * Complexity: O(entries below dir).
 */
export async function makeRemovable(dir: string, dev?: number): Promise<void> {
  let info;
  try {
    info = await lstat(dir);
    if (!info.isDirectory() || (dev !== undefined && info.dev !== dev)) return;
    const mode = withOwnerRwx(info.mode);
    if (mode !== undefined) await chmod(dir, mode);
  } catch {
    return;
  }
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) await makeRemovable(join(dir, name), info.dev);
}

/**
 * Remove arrcast's own temporary directory `dir` (claimed: its owner file in it) whole, the owner
 * file last, so that what the file system keeps (a file made immutable, a folder of another user's,
 * a file held busy on a network share) stays provably arrcast's for the next run writing beside it
 * to try again. Never throws: what could not be removed is recorded (engine/left-behind.ts), named
 * as `what`, for the CLI to name at its end. True when `dir` is gone.
 * Never follows a symlink (one put in the folder's place is unlinked, nothing below it touched) and
 * never enters a mount (removeTree): what it removes is what arrcast wrote.
 * Complexity: O(entries below dir).
 */
export async function removeOwnTemp(dir: string, what: string): Promise<boolean> {
  let top;
  try {
    top = await lstat(dir);
  } catch (err) {
    if (isErrno(err) && err.code === 'ENOENT') return true;
    return leftBehindFor(dir, what, err);
  }
  // Something else in its place (a link to a user's folder): that name goes, nothing it points at.
  if (!top.isDirectory()) return unlink(dir).then(() => true, (err: unknown) => (isErrno(err) && err.code === 'ENOENT' ? true : leftBehindFor(dir, what, err)));
  const parentDev = (await lstat(dirname(dir)).catch(() => undefined))?.dev;
  if (parentDev !== undefined && parentDev !== top.dev) return leftBehindFor(dir, what, notEntered(dir));
  // rmdir first, as below: a mount on the folder itself (a bind mount keeps the device) answers EBUSY.
  const first = await rmdir(dir).then(() => undefined, (err: unknown) => err);
  if (first === undefined || (isErrno(first) && first.code === 'ENOENT')) return true;
  if (isErrno(first) && first.code === 'EBUSY') return leftBehindFor(dir, what, first);
  await makeRemovable(dir, top.dev);
  const failure = await removeTree(dir, top, OWNER_FILE);
  if (failure === undefined) return true;
  return leftBehindFor(dir, what, failure);
}

/** Record `dir` as left behind for `failure`; false. */
function leftBehindFor(dir: string, what: string, failure: unknown): false {
  const at = isErrno(failure) && typeof failure.path === 'string' && failure.path !== dir ? ` at ${failure.path}` : '';
  leftBehind(dir, what, `${isErrno(failure) ? errnoWords(failure) : String(failure)}${at}`);
  return false;
}

/**
 * The error for a folder arrcast will not enter: another file system mounted on it, or another
 * folder put in its place meanwhile (rmdir's EBUSY, the system's word for a mount point).
 */
function notEntered(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`EBUSY: resource busy or locked, rmdir '${path}'`), { code: 'EBUSY', errno: -16, syscall: 'rmdir', path });
}

/** Whether `a` and `b` are the same file (device and inode). */
const sameFile = (a: { dev: number; ino: number }, b: { dev: number; ino: number }) => a.dev === b.dev && a.ino === b.ino;

/**
 * Remove directory `dir` (`info`: its lstat) and all below it, going on past what cannot be removed;
 * returns the first error (undefined when all is gone). `keep` (the owner file), when given, is
 * removed last, and only when all else went. By hand rather than rm's `recursive`: that answers a
 * file it may not unlink (EPERM) by trying rmdir on it, and reports "not a directory (ENOTDIR)".
 * Safe against what a user or another process puts in the tree: a symlink is unlinked, never
 * followed; a directory is first tried with rmdir, whose EBUSY marks a mount point (even a bind
 * mount of the same device, which st_dev cannot tell), and one on another device is never entered;
 * the directory is lstat-ed again after its listing, and left when it is no longer the same one
 * (swapped for a link meanwhile). The race left (a swap between that check and an unlink below)
 * is the one node's own rm has.
 * Complexity: O(entries below dir).
 */
async function removeTree(dir: string, info: { dev: number; ino: number }, keep?: string): Promise<unknown> {
  const gone = (err: unknown) => (isErrno(err) && err.code === 'ENOENT' ? undefined : err);
  let failure: unknown;
  try {
    const names = await readdir(dir);
    const again = await lstat(dir);
    if (!again.isDirectory() || !sameFile(again, info)) return notEntered(dir);
    for (const name of names) {
      if (name === keep) continue;
      const err = await removeEntry(join(dir, name), info.dev);
      failure ??= err;
    }
  } catch (err) {
    failure ??= gone(err);
  }
  if (failure !== undefined) return failure;
  if (keep !== undefined) {
    const err = await unlink(join(dir, keep)).then(() => undefined, gone);
    if (err !== undefined) return err;
  }
  return rmdir(dir).then(() => undefined, gone);
}

/** Remove `path` (a file, link or directory on device `dev`), as removeTree; returns the first error. */
async function removeEntry(path: string, dev: number): Promise<unknown> {
  const gone = (err: unknown) => (isErrno(err) && err.code === 'ENOENT' ? undefined : err);
  let info;
  try {
    info = await lstat(path);
  } catch (err) {
    return gone(err);
  }
  if (!info.isDirectory()) return unlink(path).then(() => undefined, gone);
  if (info.dev !== dev) return notEntered(path);
  // rmdir first: an empty folder goes; a mount point answers EBUSY whatever it holds, and is not entered.
  const first = await rmdir(path).then(() => undefined, gone);
  if (first === undefined) return undefined;
  if (isErrno(first) && first.code === 'EBUSY') return first;
  return removeTree(path, info);
}
