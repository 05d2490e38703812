import { deflateRawSync } from 'node:zlib';

/** One file of a ZIP archive: its path inside the archive (ASCII) and its bytes. */
export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

/** 1980-01-01 00:00, the first moment a DOS date can say: every entry carries it, so the same entries give the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;
const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** "Version needed to extract" 2.0: deflate. */
const VERSION = 20;
const DEFLATE = 8;

/** CRC-32 (ISO-HDLC, the reflected polynomial 0xEDB88320) by byte table: zlib.crc32 exists only from Node 20.15. */
const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** The CRC-32 of `data`, as ZIP stores it (an unsigned 32-bit number). */
export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * A ZIP archive (PKWARE APPNOTE 6.3, the subset an .xlsx needs): each entry deflated, with its
 * CRC-32, in the order given, then the central directory and its end record. No ZIP64: an entry or
 * the archive past 4 GiB is refused (a workbook is tens of kilobytes). Deterministic: no time of
 * writing goes in (every entry is dated 1980-01-01 00:00).
 *
 * @example zipArchive([{ name: 'a.txt', data: Buffer.from('hello') }]) // => the bytes of a .zip
 * Complexity: O(total bytes) (deflate at zlib's default level).
 */
export function zipArchive(entries: readonly ZipEntry[]): Buffer {
  if (entries.length > 0xffff) throw new RangeError(`a ZIP archive without ZIP64 holds at most 65,535 entries, not ${entries.length}`);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'ascii');
    const packed = deflateRawSync(entry.data);
    const crc = crc32(entry.data);
    if (entry.data.length > 0xffffffff || offset > 0xffffffff) throw new RangeError(`${entry.name}: too large for a ZIP archive without ZIP64`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(0, 6); // flags: none (sizes known up front, names in ASCII)
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    // bytes 28-29: no extra field (Buffer.alloc's 0)
    const head = Buffer.alloc(46);
    head.writeUInt32LE(CENTRAL, 0);
    head.writeUInt16LE(VERSION, 4); // made by: MS-DOS, 2.0
    // From "version needed" to the extra field's length, the central record repeats the local header.
    local.copy(head, 6, 4, 30);
    // comment, disk number, internal and external attributes: all 0 (Buffer.alloc)
    head.writeUInt32LE(offset, 42);
    parts.push(local, name, packed);
    central.push(head, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
