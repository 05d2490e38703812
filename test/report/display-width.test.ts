import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/report/display-width.js';
import { terminalCell } from '../../src/report/terminal-text.js';
import { textTable } from '../../src/report/format.js';
import { wrapText } from '../../src/report/summary-paragraph.js';

/**
 * Columns by Unicode's rules, written out by hand for each case (UAX #11 East Asian Width, UTS #51
 * emoji presentation, UAX #29 grapheme clusters), with the rule that gives it: not computed by the
 * code under test.
 */
const CASES: ReadonlyArray<readonly [string, string, number]> = [
  ['empty', '', 0],
  ['ASCII', 'Enterprise', 10],
  ['precomposed é (EAW Neutral)', 'Caf\u00e9', 4],
  ['e + combining acute: one cluster, the mark no column', 'Cafe\u0301', 4],
  ['two combining marks on one letter', 'a\u0301\u0323', 1],
  ['a combining mark with nothing before it', '\u0301', 0],
  ['Greek and German (Neutral/Ambiguous: narrow)', 'Ωß', 2],
  ['CJK ideographs (W)', '中小企業', 8],
  ['Hangul syllables (W)', '한국', 4],
  ['conjoining jamo L V T: one syllable, one cluster (L is W)', '\u1112\u1161\u11ab', 2],
  ['fullwidth Latin (F)', '\uff21\uff22', 4],
  ['halfwidth katakana (H)', '\uff76\uff85', 2],
  ['ideographic space (F)', '\u3000', 2],
  ['circled number on black square (Ambiguous: narrow)', '\u3248', 1],
  ['Yijing hexagram (W since Unicode 16)', '\u4dc0', 2],
  ['emoji presentation character (W)', '📈', 2],
  ['watch, an emoji presentation character in the BMP (W)', '\u231a', 2],
  ['ZWJ sequence: woman + ZWJ + laptop, one picture', '👩\u200d💻', 2],
  ['family: four people joined by three ZWJ', '👨\u200d👩\u200d👧\u200d👦', 2],
  ['flag: two regional indicators', '🇯🇵', 2],
  ['two flags', '🇺🇸🇯🇵', 4],
  ['a pair of regional indicators that names no flag: one cluster', '🇦🇦', 2],
  ['a lone regional indicator (EAW Neutral)', '🇦', 1],
  ['thumbs up + skin tone modifier', '👍🏽', 2],
  ['text-default base + skin tone modifier (RGI)', '\u261d🏽', 2],
  ['heavy heart, text by default (Neutral)', '\u2764', 1],
  ['heavy heart + VS16: emoji presentation sequence', '\u2764\ufe0f', 2],
  ['heavy heart + VS15: text presentation', '\u2764\ufe0e', 1],
  ['keycap: 1 + VS16 + combining enclosing keycap', '1\ufe0f\u20e3', 2],
  ['rainbow flag: white flag + VS16 + ZWJ + rainbow', '🏳\ufe0f\u200d🌈', 2],
  ['Scotland: black flag + tag characters', '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}', 2],
  ['zero width space between letters', 'a\u200bb', 2],
  // Indic scripts as wcwidth counts them: letters (Lo) and spacing vowel signs (Mc) 1, virama and other nonspacing signs (Mn) 0.
  ['Hindi: ह ि न ् द ी (Lo Mc Lo Mn Lo Mc)', '\u0939\u093f\u0928\u094d\u0926\u0940', 5],
  ['Bengali: ব া ং ল া (Lo Mc Mc Lo Mc)', '\u09ac\u09be\u0982\u09b2\u09be', 5],
  ['Tamil: த ம ி ழ ் (Lo Lo Mc Lo Mn)', '\u0ba4\u0bae\u0bbf\u0bb4\u0bcd', 4],
  ['a CJK ideograph with a combining mark: one cluster, 2', '\u4e2d\u0301', 2],
  ['a name with a ZWJ emoji inside', 'Dev 👩\u200d💻 team', 11],
  ['a control character as terminalCell writes it (\\u{1b}: 6 ASCII)', terminalCell('a\x1bb'), 8],
];

describe('displayWidth: columns by grapheme cluster', () => {
  it.each(CASES)('%s', (_, text, columns) => {
    expect(displayWidth(text)).toBe(columns);
  });
});

/** The names of CASES that a tier or target may be called, and their columns (from the table above). */
const NAMES = CASES.filter(([, text, columns]) => columns > 0 && !text.includes('\\u{')).map(([, text, columns]) => [text, columns] as const);

/** The columns of a printed line, each known name counted as its hand-written width. */
function columnsOf(line: string, names: ReadonlyArray<readonly [string, number]> = NAMES): number {
  let plain = line;
  // Longest names first, so a name inside another ('👍🏽' in a longer cell) is not replaced first.
  for (const [name, columns] of [...names].sort((a, b) => b[0].length - a[0].length)) plain = plain.split(name).join('x'.repeat(columns));
  return plain.length;
}

describe('textTable and wrapText line up by display columns', () => {
  it('a table of every case: each row ends at the same column and the number column starts at the same column', () => {
    const rows = [['Tier', 'mean'], ...NAMES.map(([name], i) => [name, `${i + 1}.5M`])];
    const lines = textTable(rows).split('\n');
    expect(lines).toHaveLength(rows.length);
    const ends = lines.map((l) => columnsOf(l));
    expect(new Set(ends).size).toBe(1);
    // The widest first cell is 'Dev 👩‍💻 team' (11): the first column is 11 wide, then two spaces.
    const widest = Math.max(...NAMES.map(([, c]) => c));
    expect(widest).toBe(11);
    expect(ends[0]).toBe(widest + 2 + Math.max(...rows.map((r) => r[1]!.length)));
    // Each name is followed by the spaces that make up its width: 'Dev 👩‍💻 team' none, '👩‍💻' 9.
    expect(lines[1 + NAMES.findIndex(([n]) => n === '👩\u200d💻')]!.startsWith('👩\u200d💻' + ' '.repeat(9 + 2))).toBe(true);
    expect(lines[1 + NAMES.findIndex(([n]) => n === '中小企業')]!.startsWith('中小企業' + ' '.repeat(3 + 2))).toBe(true);
  });

  it('several left-aligned columns (score prints three) pad each by display columns', () => {
    const rows = [
      ['report', 'tier', 'metric', 'P50'],
      ['a', '👩\u200d💻', 'revenue', '1'],
      ['bb', '🇯🇵', 'bookings', '22'],
      ['c', 'Enterprise', 'ending_arr', '333'],
    ];
    const lines = textTable(rows, 3).split('\n');
    // Where the metric column starts: after report (6) and tier (10) columns, two spaces after each.
    for (const [i, line] of lines.entries()) expect(columnsOf(line.slice(0, line.indexOf(rows[i]![2]!)))).toBe(6 + 2 + 10 + 2);
    expect(new Set(lines.map((l) => columnsOf(l))).size).toBe(1);
  });

  it('wrapText counts a wide word by its columns', () => {
    // 10 ideographs are 20 columns: with 'ab' (2) and a space that is 23, over a width of 22.
    expect(wrapText('ab 中中中中中中中中中中', 22)).toBe('ab\n中中中中中中中中中中');
    expect(wrapText('ab 中中中中中中中中中中', 23)).toBe('ab 中中中中中中中中中中');
    // A family emoji is one picture of 2 columns, not 11 UTF-16 units.
    expect(wrapText('abc 👨\u200d👩\u200d👧\u200d👦', 6)).toBe('abc 👨\u200d👩\u200d👧\u200d👦');
    expect(wrapText('abc 👨\u200d👩\u200d👧\u200d👦', 5)).toBe('abc\n👨\u200d👩\u200d👧\u200d👦');
  });
});
