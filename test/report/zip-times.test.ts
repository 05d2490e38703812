import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { fixZipTimes } from '../../src/report/xlsx/zip-times.js';
import { writeWorkbook } from '../../src/report/xlsx/workbook.js';

const sheets = [{ name: 'S', preamble: [], header: ['a', 'b'], rows: [['x', 1]], formats: ['', '0.0%'], widths: [10, 10] }] as const;

/** Every entry's DOS time and date, from the central directory. */
function entryTimes(zip: Buffer): Array<[number, number]> {
  let end = zip.length - 22;
  while (zip.readUInt32LE(end) !== 0x06054b50) end--;
  const out: Array<[number, number]> = [];
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const local = zip.readUInt32LE(at + 42);
    expect([zip.readUInt16LE(local + 10), zip.readUInt16LE(local + 12)]).toEqual([zip.readUInt16LE(at + 12), zip.readUInt16LE(at + 14)]);
    out.push([zip.readUInt16LE(at + 12), zip.readUInt16LE(at + 14)]);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}

describe('workbooks are the same bytes for the same contents', () => {
  it('dates every zip entry 1980-01-01 00:00, in its central record and its local header', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').addRow(['x']);
    const zip = Buffer.from(await wb.xlsx.writeBuffer());
    // exceljs dates the entries with the time of writing: not the DOS epoch.
    expect(entryTimes(zip).some(([t, d]) => t !== 0 || d !== 33)).toBe(true);
    fixZipTimes(zip);
    const times = entryTimes(zip);
    expect(times.length).toBeGreaterThan(3);
    expect(times.every(([t, d]) => t === 0 && d === 33)).toBe(true);
    // Still a workbook.
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer);
    expect(back.worksheets[0]!.getCell('A1').value).toBe('x');
  });

  it('writes the same file twice, a second apart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-zip-'));
    await writeWorkbook(join(dir, 'a.xlsx'), sheets as never);
    await new Promise((r) => setTimeout(r, 2100)); // DOS times count in 2-second steps
    await writeWorkbook(join(dir, 'b.xlsx'), sheets as never);
    expect(readFileSync(join(dir, 'a.xlsx')).equals(readFileSync(join(dir, 'b.xlsx')))).toBe(true);
  });

  it('refuses what is not a zip', () => {
    expect(() => fixZipTimes(Buffer.alloc(40))).toThrow(/no end-of-central-directory/);
  });
});
