import { describe, expect, it } from 'vitest';
import { looksUtf16 } from '../../src/scenario/read-text.js';

const le = (text: string) => Buffer.from(text, 'utf16le');
const be = (text: string) => Buffer.from(text, 'utf16le').swap16();

/**
 * UTF-16 without a byte-order mark and without a line end in its first 64 KB, in a non-Latin script,
 * was called binary: looksUtf16 asked for a line end, or for every other byte zero in the first 64
 * bytes (Latin text only). Without a line end it now asks for no control character and for units
 * that are not two ASCII text bytes (what ASCII text with stray NUL bytes reads as).
 */
describe('UTF-16 text without a byte-order mark or a line end, in any script', () => {
  // One line each, no line end; commas (and a space or digits) the only characters below U+0080.
  const lines: Record<string, string> = {
    cyrillic: '\u041d\u0430\u0437\u0432\u0430\u043d\u0438\u0435\u041a\u043b\u0438\u0435\u043d\u0442\u0430,\u0421\u0443\u043c\u043c\u0430\u0414\u043e\u0433\u043e\u0432\u043e\u0440\u0430',
    cjk: '\u5ba2\u6237\u540d\u79f0\u548c\u5730\u5740\u4fe1\u606f,\u5408\u540c\u91d1\u989d\u548c\u671f\u9650\u8bf4\u660e',
    hiragana: '\u304a\u304d\u3083\u304f\u3055\u307e\u306e\u306a\u307e\u3048,\u3051\u3044\u3084\u304f\u304d\u3093\u304c\u304f',
    katakana: '\u30ab\u30b9\u30bf\u30de\u30fc\u30cd\u30fc\u30e0,\u30b3\u30f3\u30c8\u30e9\u30af\u30c8',
    arabic: '\u0627\u0633\u0645\u0627\u0644\u0639\u0645\u064a\u0644\u0627\u0644\u0643\u0627\u0645\u0644,\u0627\u0644\u0645\u0628\u0644\u063a',
    hangul: '\uace0\uac1d\uc774\ub984\uacfc\uc8fc\uc18c\uc815\ubcf4,\uacc4\uc57d\uae08\uc561',
    devanagari: '\u0917\u094d\u0930\u093e\u0939\u0915\u0915\u093e\u0928\u093e\u092e\u0914\u0930\u092a\u0924\u093e,\u0930\u093e\u0936\u093f',
  };
  it.each(Object.entries(lines))('%s, little- and big-endian, short and past 64 KB', (_, line) => {
    expect(looksUtf16(le(line))).toBe(true);
    expect(looksUtf16(be(line))).toBe(true);
    const long = `${line},`.repeat(Math.ceil(70_000 / line.length));
    expect(looksUtf16(le(long))).toBe(true);
    expect(looksUtf16(be(long))).toBe(true);
  });

  it('ASCII text with stray NUL bytes and no line end is not UTF-16, wherever the NULs fall', () => {
    const text = 'name: Acme plan, tiers: [SMB, Enterprise], trials: 20000, seed: 7, currency: USD';
    for (let first = 0; first < 6; first++)
      for (const gap of [8, 13, 20]) {
        const bytes = Buffer.from(text, 'latin1');
        for (let i = first; i < bytes.length; i += gap) bytes[i] = 0;
        expect(looksUtf16(bytes), `NULs from ${first} every ${gap}`).toBe(false);
      }
  });

  it('bytes with a control character or U+0000 read as UTF-16 are not text', () => {
    expect(looksUtf16(le('\u041d\u0430\u0437\u0432\u0430\u043d\u0438\u0435,\u0001\u0421\u0443\u043c\u043c\u0430,'))).toBe(false);
    expect(looksUtf16(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe(false);
  });
});
