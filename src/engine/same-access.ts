import { chmodSync, chownSync, statSync } from 'node:fs';

/**
 * Give `fresh`, a temporary file or directory about to replace `existing` by a rename, the group and
 * permission bits of `existing`, when it exists: a replaced output keeps who may read it. A rename
 * puts a new inode in place, made with the process's umask, so a report directory the user had made
 * private (`chmod 700`, or an empty one made with `mkdir -m 700`) came back world-readable after
 * every run, and a `fit --force` over a 0600 scenario wrote a 0644 one. A directory always keeps its
 * owner's read, write and search bits. The group goes first (a
 * change of group may clear the set-group-ID bit), then the mode. Best effort: a group this user is
 * not in, or a file system without permissions, leaves `fresh` as made.
 *
 * @example takeAccessOf('/home/me/reports/fy27', '/home/me/reports/.arrcast-tmp-fy27-new-123-ab12cd34')
 */
export function takeAccessOf(existing: string, fresh: string): void {
  let info;
  try {
    info = statSync(existing);
  } catch {
    return;
  }
  try {
    chownSync(fresh, -1, info.gid);
  } catch {
    // Not a group of this user's: left as made.
  }
  try {
    // Read, write and execute bits, and for a directory the set-group-ID and sticky bits; a directory
    // keeps its owner's rwx, which the next run needs to claim and remove it when it replaces it in
    // turn (a report made read-only, 0555, would otherwise leave a hidden copy beside it every run).
    chmodSync(fresh, info.isDirectory() ? (info.mode & 0o3777) | 0o700 : info.mode & 0o777);
  } catch {
    // No permissions here (a FAT volume): left as made.
  }
}
