import { displayText } from '../scenario/display-text.js';

/**
 * `text` as one word of a shell command on one line: as it is when only letters, digits and
 * `_ . - / :`; else in single quotes (a `'` inside written `'\''`); and when it holds a character
 * that cannot be shown on a line (a line break, a control or bidi character: displayText), as
 * `$'...'` with each such character's UTF-8 bytes written `\ooo` (octal, always three digits, so
 * no digit after it is read into it). A seed or --allow-path folder with a line break was written
 * in single quotes, and the header's comment line showed the break as `\u{a}`: the command it
 * printed named another folder, which run refused. `$'...'` is read by bash, zsh, ksh and the
 * POSIX.1-2024 shell.
 *
 * @example shellWord('what if.yaml') // => "'what if.yaml'"
 * @example shellWord('a\nb') // => "$'a\\012b'"
 */
export function shellWord(text: string): string {
  if (/^[\w./:-]+$/.test(text)) return text;
  const shown = (ch: string) => displayText(ch) === ch;
  if ([...text].every(shown)) return `'${text.replaceAll("'", "'\\''")}'`;
  let word = "$'";
  for (const ch of text) {
    if (ch === "'" || ch === '\\') word += `\\${ch}`;
    else if (shown(ch)) word += ch;
    else for (const byte of Buffer.from(ch, 'utf8')) word += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${word}'`;
}

/**
 * A file's path as one word of a printed command that names it as an argument (init's and fit's
 * "next: arrcast validate FILE"): shellWord's, and `./` before a relative path starting with `-`,
 * which the command would read as an option. `next: arrcast validate plan v2.yaml` named two
 * files, and `arrcast validate -x.yaml` an unknown option.
 *
 * @example pathWord('plan v2.yaml') // => "'plan v2.yaml'"
 * @example pathWord('-x.yaml') // => './-x.yaml'
 */
export const pathWord = (path: string): string => shellWord(path.startsWith('-') ? `./${path}` : path);
