import { createHash } from 'node:crypto';
import { CHECKSUM_BYTES, PART_FORMAT_VERSION, PREAMBLE_BYTES } from '../../src/engine/part-format.js';

/** A part file put together by hand: the preamble, this header (an object, or raw text) and body, and a correct checksum. */
export function craftPart(header: unknown, body: Uint8Array, version = PART_FORMAT_VERSION, bodyLength = body.byteLength): Buffer {
  const json = Buffer.from(typeof header === 'string' ? header : JSON.stringify(header));
  const pre = Buffer.alloc(PREAMBLE_BYTES);
  pre.write('ARRCPART', 0, 'latin1');
  pre.writeUInt32LE(version, 8);
  pre.writeUInt32LE(json.byteLength, 12);
  pre.writeBigUInt64LE(BigInt(bodyLength), 16);
  const all = Buffer.concat([pre, json, body]);
  return Buffer.concat([all, createHash('sha256').update(all).digest()]);
}

/** A part file's header (parsed) and body bytes. */
export function splitPart(file: Uint8Array): { header: Record<string, unknown>; body: Buffer } {
  const bytes = Buffer.from(file);
  const at = PREAMBLE_BYTES + bytes.readUInt32LE(12);
  return { header: JSON.parse(bytes.subarray(PREAMBLE_BYTES, at).toString('utf8')), body: bytes.subarray(at, bytes.byteLength - CHECKSUM_BYTES) };
}
