import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';
import { renderChart } from '../../src/report/render-chart.js';

/**
 * A name may hold a control character (a tier name pasted from a cell: validate accepts it, and the
 * terminal shows it as \u{1}). vega wrote it into the charts' SVG as it was, and a character XML 1.0
 * cannot hold makes the whole file not well-formed: a browser or an image viewer opening
 * charts/tornado.svg showed an XML parsing error instead of the chart.
 */

/** XML 1.0's Char production (https://www.w3.org/TR/xml/#charsets), by code point: what an XML document may hold. */
function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** The characters of `text` an XML document cannot hold, as hex code points. */
const notXml = (text: string) => [...text].filter((c) => !isXmlChar(c.codePointAt(0)!)).map((c) => c.codePointAt(0)!.toString(16));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-svg-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a chart whose text holds characters XML cannot', () => {
  it('is well-formed, the characters written visibly', async () => {
    const { svg } = await renderChart({
      title: 'Plan\u0001 for\u001b SMB\uffff',
      data: { values: [{ tier: 'S\u0001M\u000bB', v: 1 }] },
      mark: 'bar',
      encoding: { x: { field: 'tier', type: 'nominal' }, y: { field: 'v', type: 'quantitative' } },
    });
    expect(notXml(svg)).toEqual([]);
    expect(svg).toContain('Plan\\u{1} for\\u{1b} SMB\\u{ffff}');
    expect(svg).toContain('S\\u{1}M\\u{b}B');
  });

  it('every chart of a report of a tier named so: each .svg and the page hold only XML characters', async () => {
    const scenario = readFileSync(join(ROOT, 'test/fixtures/minimal.yaml'), 'utf8');
    const first = /^ {2}- name: (.+)$/m.exec(scenario)![1]!;
    writeFileSync(join(dir, 'ctl.yaml'), scenario.replace(`  - name: ${first}`, '  - name: "S\\x01M\\x1bB"'));
    const r = await runCli('run', join(dir, 'ctl.yaml'), '-n', '300', '-w', '0', '--no-progress', '-q', '--out', join(dir, 'r'));
    expect(r.code, r.err).toBe(0);
    const svgs = readdirSync(join(dir, 'r', 'charts')).filter((f) => f.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThan(3);
    const named = svgs.filter((f) => readFileSync(join(dir, 'r', 'charts', f), 'utf8').includes('S\\u{1}M\\u{1b}B'));
    expect(named.length).toBeGreaterThan(0);
    for (const f of svgs) expect(notXml(readFileSync(join(dir, 'r', 'charts', f), 'utf8')), f).toEqual([]);
    const page = readFileSync(join(dir, 'r', 'report.html'), 'utf8');
    for (const m of page.matchAll(/<svg[\s\S]*?<\/svg>/g)) expect(notXml(m[0])).toEqual([]);
  });
});
