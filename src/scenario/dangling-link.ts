import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import { sep } from 'node:path';

/**
 * For a path that does not open (ENOENT): why, when a symbolic link on it points nowhere. `ls`
 * lists the link, so "dang.yaml does not exist" (or, before, through `dang/..`, "a cycle") left the
 * user nothing to go on: the link is there, its target is not. The path itself a dangling link:
 * `is a symbolic link to T, which does not exist`; a folder on the way one: `does not exist (the
 * folder F on the way is a symbolic link to T, which does not exist)`. Undefined when no link on
 * the path dangles (a plain missing file). T is the link's target as written in the link.
 *
 * @example danglingLinkWords('dang.yaml') // => 'is a symbolic link to nothere.yaml, which does not exist' (dang.yaml -> nothere.yaml)
 * Complexity: one exists check a part until the first missing one, one lstat and readlink; only on a failed open.
 */
export function danglingLinkWords(path: string): string | undefined {
  const parts = path.split(sep);
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join(sep);
    if (parts[i - 1] === '' || parts[i - 1] === '.' || parts[i - 1] === '..' || existsSync(prefix)) continue;
    let target: string;
    try {
      if (!lstatSync(prefix).isSymbolicLink()) return undefined;
      target = readlinkSync(prefix);
    } catch {
      return undefined;
    }
    const link = danglingLinkPhrase(target);
    return i === parts.length ? `is ${link}` : `does not exist (the folder ${prefix} on the way is ${link})`;
  }
  return undefined;
}

/**
 * What a symbolic link to a missing `target` is, in the words every message uses of one, an input
 * read (danglingLinkWords) as an output refused (resolve-out.ts DanglingLinkError).
 *
 * @example danglingLinkPhrase('nowhere') // => 'a symbolic link to nowhere, which does not exist'
 */
export function danglingLinkPhrase(target: string): string {
  return `a symbolic link to ${target}, which does not exist`;
}
