import { describe, expect, it } from 'vitest';
import { parseOutputs, resolveOutputs, type OutputName } from '../../src/report/outputs.js';

/** The refusal of a string given for writeReport's `outputs`, and what it advises to pass instead. */
const refusal = (text: string): string => {
  try {
    resolveOutputs(text as unknown as OutputName[]);
    return 'accepted';
  } catch (err) {
    return (err as Error).message;
  }
};

describe("a string given for writeReport's outputs: the advice given is accepted", () => {
  it('a comma-separated string advises the list of its names (it advised ["summary,html"], itself refused)', () => {
    const message = refusal('summary,html');
    expect(message).toBe('outputs must be a list of names (got the string "summary,html": pass ["summary", "html"], or parseOutputs("summary,html"))');
    // The list it names, passed as advised, is taken.
    const advised = JSON.parse(/pass (\[[^\]]*\])/.exec(message)![1]!) as OutputName[];
    expect([...resolveOutputs(advised)]).toEqual(['summary', 'html']);
    expect(parseOutputs('summary,html')).toEqual(['summary', 'html']);
  });

  it('one name advises its list; words only parseOutputs reads (all, default, other case, not an output) advise parseOutputs', () => {
    expect(refusal('html')).toBe('outputs must be a list of names (got the string "html": pass ["html"])');
    for (const text of ['all', 'default,trials', 'Summary,HTML', 'summary,charts2'])
      expect(refusal(text), text).toBe(`outputs must be a list of names (got the string ${JSON.stringify(text)}: pass parseOutputs(${JSON.stringify(text)}), which reads a comma-separated list as --outputs does)`);
  });
});
