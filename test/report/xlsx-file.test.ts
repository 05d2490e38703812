import { describe, expect, it } from 'vitest';
import { crc32, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { columnName, xlsxFile, xmlText, type XlsxSheet } from '../../src/report/xlsx/xlsx-file.js';
import { crc32 as zipCrc32, zipArchive } from '../../src/report/xlsx/zip-archive.js';

/** The entries of a ZIP archive read by the book (APPNOTE 4.3: end record, central directory, local headers), each checked against its CRC-32. */
function readZip(zip: Buffer): Array<{ name: string; data: Buffer; time: number; date: number }> {
  let end = zip.length - 22;
  while (zip.readUInt32LE(end) !== 0x06054b50) end--;
  const out = [];
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('ascii', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    // The local header repeats the central record's method, time, date, CRC and sizes.
    expect(zip.subarray(local + 8, local + 26)).toEqual(zip.subarray(at + 10, at + 28));
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = inflateRawSync(zip.subarray(start, start + zip.readUInt32LE(at + 20)));
    expect(data.length).toBe(zip.readUInt32LE(at + 24));
    expect(crc32(data)).toBe(zip.readUInt32LE(at + 16));
    out.push({ name, data, time: zip.readUInt16LE(at + 12), date: zip.readUInt16LE(at + 14) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  expect(at).toBe(end); // the directory ends where the end record starts
  return out;
}

const SHEETS: XlsxSheet[] = [
  {
    name: 'Plan & "bands"',
    widths: [30, 12, 12],
    frozenRows: 2,
    frozenColumns: 1,
    rows: [
      { cells: [{ value: 'A long line that spans the table and wraps' }], style: 'wrap', height: 30, mergeAcross: 3 },
      { cells: [{ value: 'Metric' }, { value: 'P50' }, { value: 'Share' }], style: 'bold' },
      { cells: [{ value: 'Revenue <total>' }, { value: 123456789.25, format: '"$"#,##0;-"$"#,##0' }, { value: 0.125, format: '0.0%' }] },
      { cells: [{ value: 'Empty middle' }, null, { value: -0.5, format: '0.0%' }] },
    ],
  },
  { name: 'Second', widths: [10], frozenRows: 1, frozenColumns: 0, rows: [{ cells: [{ value: 1e21 }, { value: 'a\rb\r\nc _x0041_ \u0007' }] }] },
];

describe('zipArchive', () => {
  it('stores each entry deflated with its CRC-32, read back whole by an independent reader, every entry dated 1980-01-01 00:00', () => {
    const entries = [
      { name: 'a.txt', data: Buffer.from('hello, hello, hello') },
      { name: 'dir/empty', data: Buffer.alloc(0) },
      { name: 'dir/bytes.bin', data: Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251)) },
    ];
    const back = readZip(zipArchive(entries));
    expect(back.map((e) => [e.name, e.data])).toEqual(entries.map((e) => [e.name, e.data]));
    expect(back.every((e) => e.time === 0 && e.date === 33)).toBe(true);
  });

  it("computes CRC-32 as the standard's check value says, and as zlib does", () => {
    expect(zipCrc32(Buffer.from('123456789'))).toBe(0xcbf43926); // the catalogue's check value of CRC-32/ISO-HDLC
    expect(zipCrc32(Buffer.alloc(0))).toBe(0);
    const bytes = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 7919 + 13) % 256));
    expect(zipCrc32(bytes)).toBe(crc32(bytes));
  });

  it('refuses more entries than a ZIP archive without ZIP64 can count', () => {
    expect(() => zipArchive(Array.from({ length: 65_536 }, (_, i) => ({ name: `${i}`, data: Buffer.alloc(0) })))).toThrow(RangeError);
  });
});

describe('xlsxFile', () => {
  it('is the same bytes for the same sheets (no time of writing goes in)', () => {
    expect(xlsxFile(SHEETS, 'arrcast').equals(xlsxFile(SHEETS, 'arrcast'))).toBe(true);
  });

  it('holds the package parts an .xlsx needs', () => {
    expect(readZip(xlsxFile(SHEETS, 'arrcast')).map((e) => e.name)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/core.xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/sharedStrings.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
  });

  it('reads back in exceljs: values, number formats, bold and wrapped rows, heights, widths, frozen panes and merges', async () => {
    const wb = new ExcelJS.Workbook();
    const zip = xlsxFile(SHEETS, 'arrcast');
    await wb.xlsx.load(zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer);
    expect(wb.creator).toBe('arrcast');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Plan & "bands"', 'Second']);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('A long line that spans the table and wraps');
    expect(ws.getCell('A1').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.getCell('C1').isMerged).toBe(true);
    expect(ws.getCell('C1').master.address).toBe('A1');
    expect(ws.getRow(2).getCell(2).value).toBe('P50');
    expect(ws.getRow(2).getCell(2).font?.bold).toBe(true);
    expect(ws.getRow(2).font?.bold).toBe(true);
    expect(ws.getCell('A3').value).toBe('Revenue <total>');
    expect(ws.getCell('B3').value).toBe(123456789.25);
    expect(ws.getCell('B3').numFmt).toBe('"$"#,##0;-"$"#,##0');
    expect(ws.getCell('C3').value).toBe(0.125);
    expect(ws.getCell('C3').numFmt).toBe('0.0%');
    expect(ws.getCell('B4').value).toBeNull();
    expect(ws.getCell('C4').value).toBe(-0.5);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2, topLeftCell: 'B3' });
    expect([1, 2, 3].map((c) => ws.getColumn(c).width)).toEqual([30, 12, 12]);
    const second = wb.worksheets[1]!;
    expect(second.getCell('A1').value).toBe(1e21);
    expect(second.getCell('B1').value).toBe('a\rb\r\nc _x0041_ \u0007'); // returns, a literal _xHHHH_ and a control, as written
    expect(second.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('refuses a workbook without sheets', () => {
    expect(() => xlsxFile([], 'arrcast')).toThrow(RangeError);
  });
});

describe('xmlText and columnName', () => {
  it.each([
    ['plain', 'plain'],
    ['a & b < c > d "e"', 'a &amp; b &lt; c &gt; d &quot;e&quot;'],
    ['tab\tline\nreturn\r', 'tab\tline\nreturn_x000D_'],
    ['bell\u0007 and nul\u0000', 'bell_x0007_ and nul_x0000_'],
    ['literal _x0041_ stays', 'literal _x005F_x0041_ stays'],
    ['lone \uD800 surrogate, pair 𝔸 kept', 'lone _xD800_ surrogate, pair 𝔸 kept'],
    ['\uFFFE', '_xFFFE_'],
  ])('%j', (text, xml) => expect(xmlText(text)).toBe(xml));

  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16_383, 'XFD'],
  ])('column %i is %s', (index, name) => expect(columnName(index)).toBe(name));
});
