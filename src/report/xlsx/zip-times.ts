/**
 * Set every entry's modification time in a ZIP archive (an .xlsx) to one fixed DOS date, in place.
 * exceljs zips the workbook with the time of writing, so two runs of the same scenario would write
 * workbooks that differ in those bytes alone; arrcast's outputs are byte-identical for the same run
 * (a merged sharded run included). Walks the central directory from the end-of-central-directory
 * record and patches each entry's time and date there and in its local header.
 *
 * @example fixZipTimes(buffer) // every entry dated 1980-01-01 00:00
 * Complexity: O(entries), after a backward scan of at most 64 KiB for the end record.
 */
export function fixZipTimes(zip: Buffer, dosTime = 0, dosDate = DOS_EPOCH): void {
  const end = endRecord(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error(`not a ZIP central directory entry at byte ${at}`);
    zip.writeUInt16LE(dosTime, at + 12);
    zip.writeUInt16LE(dosDate, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL) throw new Error(`not a ZIP local header at byte ${local}`);
    zip.writeUInt16LE(dosTime, local + 10);
    zip.writeUInt16LE(dosDate, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
}

/** 1980-01-01, the first day a DOS date can say: ((1980 - 1980) << 9) | (1 << 5) | 1. */
const DOS_EPOCH = (1 << 5) | 1;
const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/** Offset of the end-of-central-directory record (it ends the file, followed by a comment of at most 65,535 bytes). */
function endRecord(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) if (zip.readUInt32LE(at) === END) return at;
  throw new Error('not a ZIP archive: no end-of-central-directory record');
}
