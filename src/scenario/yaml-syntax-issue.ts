import { Lexer, type YAMLError } from 'yaml';
import type { ScenarioIssue } from './scenario-error.js';
import { excerpt } from './display-text.js';
import { YAML_LEXER_MARKERS } from './yaml-lexer-markers.js';

/**
 * The one problem to show for a file the YAML reader cannot read, in a planner's words.
 *
 * A YAML syntax error throws the reader off for the lines after it: one key indented a space off
 * gave seven errors, a tab twelve, most of them on lines that are right. So only the first error
 * (by position) is shown, with what most likely caused it and how to fix it, and a count of the
 * others, which often disappear once it is fixed. (Problems in the values, found after the file
 * is read, are still all reported at once.)
 *
 * Complexity: O(number of errors) plus O(length of the text) for the hints that look at it.
 */
export function yamlSyntaxIssue(
  text: string,
  errors: readonly YAMLError[],
  at: (offset: number) => { line: number; column: number },
): ScenarioIssue {
  let first = errors[0]!;
  for (const e of errors) if (e.pos[0] < first.pos[0]) first = e;
  const message = firstLine(first.message);
  const unclosed = /^Missing closing (["'])quote/.exec(message);
  const opening = unclosed ? unclosedQuoteAt(text, unclosed[1]!) : undefined;
  // A list item moved out of its list, or a key of an item indented short of the item's first key, is
  // reported where the node before it ends: at the start of its line, or on a blank line or a comment
  // above it. The problem is the item's "- " or the key: shown at it, the column the hint names.
  const atContent = first.code === 'BLOCK_AS_IMPLICIT_KEY' || message.startsWith('Sequence item without - indicator');
  const offset = opening ?? (atContent ? contentFrom(text, first.pos[0]) : first.pos[0]);
  let where = at(offset);
  const hint = opening === undefined ? hintFor(first, message, text, where) : { text: '' };
  // The reader stops at the first key out of line with the block's first; when that first key is the one off, it is shown.
  if (hint.outOfStep !== undefined) where = at(keyOffset(text, hint.outOfStep));
  const said =
    opening !== undefined
      ? `this ${unclosed![1]} is never closed: end the value with ${unclosed![1]} on this line`
      : `${excerpt(message, 120)}${hint.text}`;
  const others = errors.length - 1;
  const more =
    others === 0
      ? ''
      : `; ${others} more YAML ${others === 1 ? 'error' : 'errors'}, likely caused by this one: fix it first`;
  return { path: [], message: `not valid YAML: ${said}${more}`, ...where };
}

/**
 * What a planner most likely did, for the YAML reader's errors that do not say it, and the line
 * (1-based) to show the error at when it is not the one the reader stopped at.
 */
function hintFor(error: YAMLError, message: string, text: string, where: { line: number; column: number }): { text: string; outOfStep?: number } {
  const outOfStep = error.code === 'BAD_INDENT' && message.startsWith('All mapping items must start at the same column') ? mappingKeyHint(text.split(/\r\n|\r|\n/), where.line) : undefined;
  return outOfStep ?? { text: otherHint(error, message, text, where) };
}

function otherHint(error: YAMLError, message: string, text: string, { line, column }: { line: number; column: number }): string {
  const lines = text.split(/\r\n|\r|\n/);
  // `openingArr 5M` (no colon), or a key indented one space off, runs into the next line's key.
  if (error.code === 'MULTILINE_IMPLICIT_KEY')
    return " (is a ':' missing after a key, here or on the line above, or a line indented differently from the keys beside it? write key: value)";
  if (error.code === 'TAB_AS_INDENT') return ' (YAML indents with spaces only: replace the tab with spaces)';
  if (message.startsWith('Nested mappings are not allowed in compact mappings')) {
    // `name: Plan: FY27` reads as a key `Plan` inside the value.
    if (/:(\s|$)/.test((lines[line - 1] ?? '').slice(column - 1))) return ' (a value holding ": " must be quoted, as in name: "Plan: FY27")';
    // `openingArr: 5M` followed by a key indented further reads as a key inside 5M.
    const own = indentOf(lines[line - 1] ?? '');
    const below = lineBelow(lines, line);
    const deep = below === undefined ? undefined : indentOf(lines[below - 1]!);
    // The key moved left of the keys either side of it (`customers:` two spaces short between
    // `openingArr:` and `renewalCalendar:`) is the one out of step, not the line below it.
    const before = contentLineAbove(lines, line);
    const section = before === undefined ? undefined : sectionAbove(lines, before);
    // The line above nested in a section in this line's column (`size:` under `expansion:`, then
    // `customers:`): this line is in step with that section, and the line below may be the one too
    // deep (d42d0ae's reading); both are said.
    if (deep !== undefined && deep > own && before !== undefined && !isListItem(lines[line - 1]!) && keyColumn(lines[before - 1]!) === deep && section !== undefined && keyColumn(lines[section - 1]!) === own)
      return ` (line ${below} is indented ${spaces(deep)}, more than line ${line} above it (${own}); or line ${line}, in the column of the section on line ${section} above it, belongs with lines ${before} and ${below} either side of it (${deep}): start it in column ${deep + 1}; the keys of one mapping start in the same column)`;
    if (deep !== undefined && deep > own && before !== undefined && !isListItem(lines[line - 1]!) && keyColumn(lines[before - 1]!) === deep)
      return ` (line ${line} is indented ${spaces(own)}, less than lines ${before} and ${below} either side of it (${deep}): line ${line} is likely the one out of step, start it in column ${deep + 1}; the keys of one mapping start in the same column)`;
    if (deep !== undefined && deep > own && before !== undefined && !isListItem(lines[line - 1]!) && OPENS_SECTION.test(lines[before - 1]!) && keyColumn(lines[before - 1]!) === own)
      return ` (line ${line} is indented ${spaces(own)}, as the section on line ${before} above it, which holds nothing on its line, and the keys after it, from line ${below}, ${spaces(deep)}: line ${line} is likely the one out of step, start it in column ${deep + 1}; the keys of one mapping start in the same column)`;
    if (below !== undefined && deep! > own)
      return ` (line ${below} is indented ${spaces(deep!)}, more than line ${line} above it (${own}): the keys of one mapping start in the same column)`;
  }
  // A list item `- name: Enterprise` indented off the items before it: the items are its siblings, not
  // the keys around it (the hint named the keys on either side, `newCustomerExpansion:` and `tiers:`,
  // and the planner moved the "- " to neither).
  if (error.code === 'BAD_INDENT' && message.startsWith('All sequence items must start at the same column') && isListItem(lines[line - 1] ?? ''))
    return listItemHint(lines, line);
  if (error.code === 'BAD_INDENT' && /^All sequence items must start at the same column/.test(message)) {
    const own = indentOf(lines[line - 1] ?? '');
    // The key may belong with the keys of either block it sits between (a key of `existing` one space
    // short, or a key beside `existing` one space deep): both are named, the nearer line first.
    const around = blocksAround(lines, line, keyColumn, () => true);
    const at = (l: number) => `column ${keyColumn(lines[l - 1]!) + 1}`;
    if (around.length === 2)
      return ` (the key on line ${line} starts in column ${own + 1}, between the keys on line ${around[0]} above it (${at(around[0])}) and on line ${around[1]} (${at(around[1])}): the keys of one mapping start in the same column)`;
    if (around.length === 1)
      return ` (the key on line ${line} starts in column ${own + 1}, and the key on line ${around[0]} above it in ${at(around[0])}: the keys of one mapping start in the same column)`;
  }
  // A list item `- name: Enterprise` moved left of the items before it reads as a key.
  if (message.startsWith('A block sequence may not be used as an implicit map key')) return listItemHint(lines, line);
  // A key of a list item (a tier's `existing:`) indented less than the item's first key, but more
  // than its "- ": the reader wants another item there.
  if (message.startsWith('Sequence item without - indicator')) {
    const own = indentOf(lines[line - 1] ?? '');
    const item = itemAbove(lines, line, own);
    if (item !== undefined)
      return ` (the key on line ${line} starts in column ${own + 1}, and the keys of the list item on line ${item.line} in column ${item.keys + 1}: the keys of one mapping start in the same column, and a new list item starts with "- ")`;
  }
  return '';
}

/**
 * For a key the reader found out of column with the first key of its mapping (`line`, 1-based):
 * which of the two is out of step. The reader stops at the second key, but the first may be the
 * one off (`openingArr` a space too deep above `customers` and `renewalRate`): the keys in the
 * column of each are counted, in the lines of the block they sit in, and the one with fewer keys
 * beside it is named (and, when it is the block's first key, shown); both when they tie.
 * Undefined when the key does not sit between two blocks' keys (the reader's words then suffice,
 * or another hint applies).
 */
function mappingKeyHint(lines: readonly string[], line: number): { text: string; outOfStep?: number } | undefined {
  const own = indentOf(lines[line - 1] ?? '');
  const around = blocksAround(lines, line, keyColumn, () => true);
  const at = (l: number) => `column ${keyColumn(lines[l - 1]!) + 1}`;
  const rule = 'the keys of one mapping start in the same column';
  if (around.length === 1) {
    // A key moved left of the keys on the lines either side of it (`conversion:` two spaces short
    // between `leadsPerMonth:` and `salesCycleMonths:`): the reader stops at the line after it, but
    // that one is in step with the line before the key.
    const above = around[0];
    const before = contentLineAbove(lines, above);
    const section = before === undefined ? undefined : sectionAbove(lines, before);
    // The line before nested in a section in the key's own column (`size:` under `expansion:`, the
    // key `customers:` after them): the key is in step with that section, and the line after it may
    // be the one too deep; both are said.
    if (before !== undefined && keyColumn(lines[before - 1]!) === own && keyColumn(lines[above - 1]!) < own && section !== undefined && keyColumn(lines[section - 1]!) === keyColumn(lines[above - 1]!))
      return {
        text: ` (the key on line ${line} starts in column ${own + 1}, and the key on line ${above} above it in ${at(above)}; or line ${above}, in the column of the section on line ${section} above it, belongs with lines ${before} and ${line} either side of it: start it in column ${own + 1}; ${rule})`,
      };
    if (before !== undefined && keyColumn(lines[before - 1]!) === own && keyColumn(lines[above - 1]!) < own)
      return {
        text: ` (the key on line ${above} starts in ${at(above)}, left of the keys on lines ${before} and ${line} either side of it (column ${own + 1}): line ${above} is likely the one out of step, start it in column ${own + 1}; ${rule})`,
        outOfStep: above,
      };
    // The first key of a section moved left under its section's name (`leadsPerMonth:` in the column
    // of `newBusiness:` above it, which holds nothing on its line): it belongs with the keys after it.
    if (before !== undefined && OPENS_SECTION.test(lines[before - 1]!) && keyColumn(lines[before - 1]!) === keyColumn(lines[above - 1]!) && keyColumn(lines[above - 1]!) < own)
      return {
        text: ` (the key on line ${above} starts in ${at(above)}, under the section on line ${before}, which holds nothing on its line, and the keys after it, from line ${line}, in column ${own + 1}: line ${above} is likely the one out of step, start it in column ${own + 1}; ${rule})`,
        outOfStep: above,
      };
    return { text: ` (the key on line ${line} starts in column ${own + 1}, and the key on line ${above} above it in ${at(above)}: ${rule})` };
  }
  if (around.length !== 2) return undefined;
  const [deeper, outer] = around;
  const deep = keyColumn(lines[deeper - 1]!);
  // The keys in each column, from the line below the outer key to the end of the block (a line left of both).
  const inColumn = (column: number) => {
    let n = 0;
    for (let l = outer + 1; l <= lines.length; l++) {
      const t = lines[l - 1]!;
      if (!holdsContent(t)) continue;
      if (indentOf(t) < Math.min(own, deep)) break;
      if (keyColumn(t) === column) n++;
    }
    return n;
  };
  const withOwn = inColumn(own);
  const withDeeper = inColumn(deep);
  if (withOwn > withDeeper)
    return {
      text: ` (the key on line ${deeper} starts in column ${deep + 1}, but the keys after it, from line ${line}, start in column ${own + 1}, under the key on line ${outer} (${at(outer)}): line ${deeper} is likely the one out of step, start it in column ${own + 1}; ${rule})`,
      outOfStep: deeper,
    };
  if (withOwn === withDeeper)
    return {
      text: ` (the key on line ${line} starts in column ${own + 1} and the key on line ${deeper} above it in column ${deep + 1}, under the key on line ${outer} (${at(outer)}): one of lines ${deeper} and ${line} is out of step; ${rule})`,
    };
  return {
    text: ` (the key on line ${line} starts in column ${own + 1}, between the keys on line ${deeper} above it (${at(deeper)}) and on line ${outer} (${at(outer)}): line ${line} is likely the one out of step; ${rule})`,
  };
}

/** The offset of the key on `line` (1-based): after its indentation and any "- ". */
function keyOffset(text: string, line: number): number {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = text.slice(start).search(/\r\n|\r|\n/);
    if (next === -1) break;
    start += next + (text.startsWith('\r\n', start + next) ? 2 : 1);
  }
  return start + keyColumn(text.slice(start, start + 1000));
}

/** Where a list item (`- `) on `line` (1-based) should start: the column of the items of the list it sits in or beside. */
function listItemHint(lines: readonly string[], line: number): string {
  const own = indentOf(lines[line - 1] ?? '');
  // The items of the lists this one sits in or beside, not a deeper list's (a tier's list of values
  // at column 7 above a tier's "- name:" at column 2): the nearest in column, or both around it.
  const around = blocksAround(lines, line, indentOf, isListItem);
  const at = (l: number) => `column ${indentOf(lines[l - 1]!) + 1}`;
  if (around.length === 2)
    return ` (the "- " on line ${line} is in column ${own + 1}, between the list items on line ${around[0]} (${at(around[0])}) and on line ${around[1]} (${at(around[1])}): the items of one list start in the same column)`;
  if (around.length === 1)
    return ` (the "- " on line ${line} is in column ${own + 1}, and the list item on line ${around[0]} in ${at(around[0])}: the items of one list start in the same column)`;
  return '';
}

/**
 * The lines above `line` (1-based) between whose columns it sits: of the lines that open the blocks
 * it sits in or below (each less indented, by `columnOf`, than every one nearer it, counting from the
 * nearest line that holds more than a comment), those `wanted` accepts, the one indented least more
 * than `line` and the one indented most less than it; the nearer first, none or one if there are
 * fewer. A line indented off belongs with the keys (or items) of one or the other: a key of
 * `existing` one space short, or a key beside `existing` one space deep, looks the same.
 *
 * @example blocksAround(['a:', '  b:', '    c: 1', '   d: 2'], 4, keyColumn, () => true) // => [3, 2]
 */
function blocksAround(lines: readonly string[], line: number, columnOf: (text: string) => number, wanted: (text: string) => boolean): [] | [number] | [number, number] {
  const own = indentOf(lines[line - 1] ?? '');
  let lowest = Infinity;
  let deeper: number | undefined;
  for (let above = line - 1; above >= 1 && lowest > 0; above--) {
    const text = lines[above - 1]!;
    if (!holdsContent(text)) continue;
    const column = columnOf(text);
    if (column >= lowest) continue;
    lowest = column;
    if (!wanted(text) || column === own) continue;
    if (column > own) deeper = above;
    else return deeper === undefined ? [above] : [deeper, above];
  }
  return deeper === undefined ? [] : [deeper];
}

const isListItem = (t: string) => /^ *- /.test(t);

/** A list item whose keys start on the lines below it: `-` alone (or before a comment). */
const isBareItem = (t: string) => /^ *-\s*(#.*)?$/.test(t);

/**
 * The list item whose "- " is left of column `own` and whose block holds `line` (1-based), with the
 * column (0-based) its keys start in: after its "- ", or, for a `-` alone, on the line below it.
 * Undefined if there is none.
 */
function itemAbove(lines: readonly string[], line: number, own: number): { line: number; keys: number } | undefined {
  for (let above = line - 1; above >= 1; above--) {
    const text = lines[above - 1]!;
    if (!holdsContent(text) || indentOf(text) >= own) continue;
    const below = isBareItem(text) ? lineBelow(lines, above) : undefined;
    const keys = isListItem(text) ? keyColumn(text) : below !== undefined && below < line ? indentOf(lines[below - 1]!) : undefined;
    return keys !== undefined && keys > own ? { line: above, keys } : undefined;
  }
  return undefined;
}

/** The column (0-based) where a line's key starts: after its "- " for a list item's first key. */
const keyColumn = (t: string) => /^ *(- +)?/.exec(t)![0].length;

/** The section holding line `l` (1-based): the nearest line above it whose key starts left of its own; undefined at the top. */
function sectionAbove(lines: readonly string[], l: number): number | undefined {
  const column = keyColumn(lines[l - 1]!);
  for (let u = l - 1; u >= 1; u--) if (holdsContent(lines[u - 1]!) && keyColumn(lines[u - 1]!) < column) return u;
  return undefined;
}

/** The nearest line below `line` (1-based) that holds more than a comment, or undefined. */
function lineBelow(lines: readonly string[], line: number): number | undefined {
  for (let below = line + 1; below <= lines.length; below++) if (holdsContent(lines[below - 1]!)) return below;
  return undefined;
}

const holdsContent = (t: string) => t.trim() !== '' && !t.trimStart().startsWith('#');

/** A key with nothing after its colon but a comment (`newBusiness: # deals`): a section whose keys follow. */
const OPENS_SECTION = /^\s*(?:- +)?[^\s#][^:#]*:\s*(?:#.*)?$/;

/** The nearest line above `line` (1-based) that holds content, or undefined. */
function contentLineAbove(lines: readonly string[], line: number): number | undefined {
  for (let l = line - 1; l >= 1; l--) if (holdsContent(lines[l - 1]!)) return l;
  return undefined;
}

/**
 * The offset of the first character at or after `offset` that is neither white space nor in a
 * comment (a comment's `#` starts after a space or at a line's start); `offset` if there is none.
 *
 * @example contentFrom('a: 1\n\n  # note\n  - b\n', 4) // => 17
 */
function contentFrom(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      if (end === -1) return offset;
      i = end + 1;
    } else if (/\s/.test(c)) i++;
    else return i;
  }
  return offset;
}

/** Offset of the quote that opens a quoted value never closed (it runs to the end of the file), or undefined. */
function unclosedQuoteAt(text: string, quote: string): number | undefined {
  let offset = 0;
  let found: number | undefined;
  for (const lexeme of new Lexer().lex(text)) {
    if (lexeme.startsWith(quote) && (lexeme.length === 1 || !lexeme.endsWith(quote))) found = offset;
    if (!YAML_LEXER_MARKERS.has(lexeme)) offset += lexeme.length;
  }
  return found;
}

const indentOf = (line: string) => /^ */.exec(line)![0].length;
const spaces = (n: number) => `${n} ${n === 1 ? 'space' : 'spaces'}`;
const firstLine = (s: string) => s.split('\n')[0] ?? s;
