import { describe, expect, it } from 'vitest';
import { BaseDocuments } from '../../src/scenario/base-documents.js';
import { readScenarioDocument } from '../../src/scenario/parse.js';
import { ParsedDataFiles } from '../../src/scenario/parsed-data-files.js';

describe('parses kept for a caller that loads the same files again (the studio)', () => {
  it('BaseDocuments reads a text once per file and folder, and reads another text afresh', async () => {
    const kept = new BaseDocuments();
    let reads = 0;
    const read = (text: string) => async () => (reads++, readScenarioDocument(text, 'base.yaml'));
    const a = await kept.get('name: a\n', '/s/base.yaml', '/s', read('name: a\n'));
    expect(await kept.get('name: a\n', '/s/base.yaml', '/s', read('name: a\n'))).toBe(a);
    expect(reads).toBe(1);
    const edited = await kept.get('name: b\n', '/s/base.yaml', '/s', read('name: b\n'));
    expect(edited.data.name).toBe('b');
    expect(await kept.get('name: a\n', '/s/base.yaml', '/t', read('name: a\n'))).not.toBe(a);
    expect(await kept.get('name: a\n', '/s/other.yaml', '/s', read('name: a\n'))).not.toBe(a);
    expect(reads).toBe(4);
  });

  it('ParsedDataFiles parses bytes once per key, and parses bytes that changed again', () => {
    const kept = new ParsedDataFiles();
    let parses = 0;
    const parse = (bytes: Buffer) => () => (parses++, { text: bytes.toString('utf8').toUpperCase() });
    const v1 = Buffer.from('id,arr\nc1,100\n');
    const first = kept.get('book', v1, parse(v1));
    expect(first.text).toBe('ID,ARR\nC1,100\n');
    expect(kept.get('book', Buffer.from(v1), parse(v1))).toBe(first);
    expect(parses).toBe(1);
    const v2 = Buffer.from('id,arr\nc1,200\n');
    expect(kept.get('book', v2, parse(v2)).text).toBe('ID,ARR\nC1,200\n');
    expect(kept.get('other key', v2, parse(v2)).text).toBe('ID,ARR\nC1,200\n');
    expect(parses).toBe(3);
  });

  it('ParsedDataFiles parses again data a caller changed in place since it was kept (it is shared by every load)', () => {
    const kept = new ParsedDataFiles();
    let parses = 0;
    const bytes = Buffer.from('id,arr\nc1,100\n');
    const parse = () => (parses++, { arr: Float64Array.of(100) });
    const first = kept.get('book', bytes, parse);
    first.arr[0] = 999;
    const again = kept.get('book', bytes, parse);
    expect(parses).toBe(2);
    expect(again).not.toBe(first);
    expect(again.arr[0]).toBe(100);
  });
});
