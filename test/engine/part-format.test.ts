import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { simulateShard, type SimulationPart } from '../../src/engine/simulate.js';
import { CHECKSUM_BYTES, copyLittleEndian, decodePart, decodePartHeader, encodePart, PartFileError, PREAMBLE_BYTES } from '../../src/engine/part-format.js';
import { ARRCAST_VERSION } from '../../src/version.js';
import { fixtureText, scenarioFrom } from '../helpers/fixtures.js';
import { craftPart } from '../helpers/parts.js';

const minimal = scenarioFrom(fixtureText('minimal.yaml'), 'minimal.yaml');
// A count the store keeps as uint16 compared as the float32 its layout column is (trial-store.ts).
const bytesOf = (c: Float64Array | Float32Array | Uint16Array) => {
  const a = c instanceof Uint16Array ? Float32Array.from(c) : c;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
};
const encoded = (part: SimulationPart) => Buffer.concat(encodePart(part));

const craft = craftPart;

describe('part format', async () => {
  // 2,500 trials in 2 shards: shard 1/2 holds chunk 0 (1,000 trials), shard 2/2 chunks 1 and 2 (1,500).
  const part = await simulateShard(minimal, { trials: 2_500, seed: 4, workers: 0, shard: { index: 1, count: 2 } });
  const file = encoded(part);
  const at = PREAMBLE_BYTES + file.readUInt32LE(12);
  const header = JSON.parse(file.subarray(PREAMBLE_BYTES, at).toString('utf8'));
  const body = file.subarray(at, file.byteLength - CHECKSUM_BYTES);

  it('starts with the magic, the version and the lengths, and ends with a SHA-256 of the rest', () => {
    expect(file.subarray(0, 8).toString('latin1')).toBe('ARRCPART');
    expect(file.readUInt32LE(8)).toBe(1);
    expect(Number(file.readBigUInt64LE(16))).toBe(body.byteLength);
    expect(createHash('sha256').update(file.subarray(0, file.byteLength - 32)).digest().equals(file.subarray(file.byteLength - 32))).toBe(true);
  });

  it('round-trips: the header names the run and the shard, the body holds the part’s trials and chunk sums', () => {
    const decoded = decodePart(file, 'p');
    expect(decoded.header).toMatchObject({
      format: 'arrcast-part',
      formatVersion: 1,
      arrcastVersion: ARRCAST_VERSION,
      scenario: { name: 'Minimal', source: 'minimal.yaml', hash: minimal.hash },
      seed: '4',
      trials: 2_500,
      chunkSize: 1_000,
      shard: { index: 1, count: 2 },
      chunks: [1, 2],
      firstTrial: 1_000,
      partTrials: 1_500,
    });
    expect(decoded.header.resolvedScenario).toEqual(JSON.parse(JSON.stringify(minimal.scenario)));
    expect(decoded.header.columns.map((c) => c.key)).toEqual(part.plan.layout.columns.map((c) => c.key));
    part.store.columns.forEach((col, c) => expect(Buffer.from(decoded.columnBytes[c]!).equals(bytesOf(col))).toBe(true));
    expect(decoded.chunkSums.map((s) => Array.from(s))).toEqual([0, 1].map((i) => Array.from(part.store.chunkSumsAt(i)!)));
    expect(decodePartHeader(file.subarray(0, at), 'p')).toEqual(decoded.header);
  });

  it('an empty shard (more shards than chunks) round-trips as a part without trials', async () => {
    const empty = await simulateShard(minimal, { trials: 800, seed: 4, workers: 0, shard: { index: 0, count: 3 } });
    const decoded = decodePart(encoded(empty), 'e');
    expect(decoded.header).toMatchObject({ shard: { index: 0, count: 3 }, chunks: [], firstTrial: 0, partTrials: 0 });
    expect(decoded.columnBytes.every((b) => b.byteLength === 0)).toBe(true);
  });

  it('copyLittleEndian puts values at an offset', () => {
    const target = new Float32Array(5);
    copyLittleEndian(bytesOf(Float32Array.of(1.5, -2)), target, 3);
    expect(Array.from(target)).toEqual([0, 0, 0, 1.5, -2]);
    expect(() => copyLittleEndian(bytesOf(Float32Array.of(1, 2)), target, 4)).toThrow(RangeError);
  });

  const flipped = Buffer.from(file);
  flipped[at + 100]! ^= 1;
  it.each<[string, Uint8Array, string]>([
    ['empty', new Uint8Array(0), 'f is empty, not an arrcast part file'],
    ['YAML', Buffer.from('name: x\ntiers: []\n'), 'f is not an arrcast part file (it does not start with ARRCPART); parts are written by arrcast run --shard K/N'],
    ['a start of the magic only', Buffer.from('ARRC'), "f is truncated: 4 bytes, shorter than a part's fixed start"],
    ['another format version', craft(header, body, 2), `f is a part of format version 2; this arrcast (${ARRCAST_VERSION}) reads version 1`],
    ['cut short', file.subarray(0, file.byteLength - 1), `f is truncated: ${file.byteLength - 1} bytes, expected ${file.byteLength}`],
    ['cut inside the header', file.subarray(0, 40), `f is truncated: 40 bytes, expected ${file.byteLength}`],
    ['with bytes after its end', Buffer.concat([file, Buffer.from([0])]), `f is corrupt: 1 bytes after the end of the part (${file.byteLength} bytes)`],
    ['a flipped bit', flipped, 'f is corrupt: its checksum does not match its contents'],
    ['an impossible header length', craft('', body), 'f is corrupt: its header or body length is impossible'],
    ['a header that is not JSON', craft('{"format": ', body), 'f is corrupt: its header is not JSON'],
    ['a header of another kind', craft({ ...header, format: 'other' }, body), "f is corrupt: its header's format is not valid"],
    ['a header with an unknown key', craft({ ...header, extra: 1 }, body), "f is corrupt: its header's top level is not valid"],
    ['a shard index out of range', craft({ ...header, shard: { index: 2, count: 2 } }, body), 'f is corrupt: its shard index 2 is not below its shard count 2'],
    ['chunks of another shard', craft({ ...header, chunks: [0, 1] }, body), 'f is corrupt: its chunks are not those of shard 2/2 of 2500 trials'],
    ['a wrong first trial', craft({ ...header, firstTrial: 0 }, body), 'f is corrupt: its first trial or trial count does not match its chunks'],
    ['a body shorter than its header says', craft(header, body.subarray(8)), `f is corrupt: its body length ${body.byteLength - 8} is not what its header describes (${body.byteLength})`],
  ])('refuses %s, naming the file', (_, bytes, message) => {
    expect(() => decodePart(bytes, 'f')).toThrow(PartFileError);
    expect(() => decodePart(bytes, 'f')).toThrow(message);
  });
});
