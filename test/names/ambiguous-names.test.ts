import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { csvField } from '../../src/report/csv-field.js';
import { cellText } from '../../src/report/xlsx/cell-text.js';
import { loneSurrogateAt } from '../../src/scenario/well-formed-text.js';

/**
 * Names that two outputs, or an output and a reader, would take for the same thing: refused when the
 * scenario is read, or written apart. Each case here gave wrong numbers silently before: a stage
 * given twice took the probability of the last; a tier named `all` or `total` sat beside or stood for
 * the company; two names differing in a lone surrogate became one in UTF-8; and the formula guard
 * wrote `=Ent` and `'=Ent` alike.
 */
const issuesOf = (yaml: string) => {
  try {
    parseScenario(yaml, 's.yaml');
  } catch (err) {
    if (err instanceof ScenarioError) return err.issues;
    throw err;
  }
  return [];
};

const tier = (name: string) => `  - name: ${name}\n    existing: { openingArr: 1000000, customers: 10, renewalRate: 0.9 }\n`;
const withTiers = (...names: string[]) => `name: x\ntiers:\n${names.map(tier).join('')}`;
/** One tier whose opening pipeline file's stages are `stages` (YAML flow mapping), on line 8. */
const withStages = (stages: string) => `name: x\ntiers:\n  - name: Ent\n    newBusiness:\n      acv: 100000\n      openingPipeline:\n        file: pipe.csv\n        stages: ${stages}\n`;

describe('names refused because outputs would confuse them', () => {
  it('pipeline stages that match alike (ignoring case and surrounding spaces), at the later one', () => {
    const yaml = withStages('{ commit: 0.9, proposal: 0.3, " Commit ": 0.1, "commit ": 0.5 }');
    expect(issuesOf(yaml)).toEqual([
      expect.objectContaining({
        path: ['tiers', 0, 'newBusiness', 'openingPipeline', 'stages', ' Commit '],
        message: expect.stringMatching(/^stage " Commit " is stage "commit" again: the file's stages are matched ignoring case/),
        line: 8,
      }),
      expect.objectContaining({ path: ['tiers', 0, 'newBusiness', 'openingPipeline', 'stages', 'commit '], line: 8 }),
    ]);
    expect(issuesOf(yaml.replace('" Commit ": 0.1, "commit ": 0.5', 'closed: 1'))).toEqual([]);
  });

  it('pipeline stages that read the same in another Unicode form (NFC and NFD), at the later one', () => {
    // Before: both accepted, each with its own probability; a row took the one its bytes spelled.
    const yaml = withStages('{ "N\u00e9go": 0.75, proposal: 0.3, "ne\u0301go": 0.05 }');
    expect(issuesOf(yaml)).toEqual([
      expect.objectContaining({
        path: ['tiers', 0, 'newBusiness', 'openingPipeline', 'stages', 'ne\u0301go'],
        message: expect.stringMatching(/^stage "ne\u0301go" is stage "N\u00e9go" again: .* and in NFC form \(other Unicode characters that read the same\)/),
        line: 8,
      }),
    ]);
  });

  it.each(['all', 'All', 'TOTAL', 'total', '" all "'])('a tier named %s: the word the outputs use for the whole company', (name) => {
    const issues = issuesOf(withTiers('SMB', name));
    expect(issues).toEqual([expect.objectContaining({ path: ['tiers', 1, 'name'], line: 5, message: expect.stringContaining("names the whole company in arrcast's outputs") })]);
  });

  it.each(['All tiers', 'all TIERS', '"All\\u00a0tiers"', '"\\uff21ll tiers"', '"All  tiers"', '"All\\ttiers"'])('a tier named %s: the words report.html and report.xlsx use for the whole company', (name) => {
    // Before, accepted: report.xlsx's Percentiles sheet and report.html's retention table then had two
    // rows 'All tiers', the company's and the tier's, with different figures and nothing to tell them apart.
    const issues = issuesOf(withTiers('SMB', name));
    expect(issues).toEqual([expect.objectContaining({ path: ['tiers', 1, 'name'], line: 5, message: expect.stringContaining(`names the whole company in arrcast's outputs (percentiles.csv's tier "all", report.html's and report.xlsx's "All tiers"`) })]);
  });

  it('two tiers whose names differ only in a space written as a no-break or thin space, at the later one', () => {
    // Before, accepted: every table, CSV and chart printed 'Big Co' twice, each with its own figures.
    for (const space of ['\\u00a0', '\\u2009', '\\u202f', '\\u3000']) {
      const issues = issuesOf(withTiers('Big Co', `"Big${space}Co"`));
      expect(issues, space).toEqual([
        expect.objectContaining({ path: ['tiers', 1, 'name'], line: 5, message: expect.stringMatching(/^tier name "Big.Co" is used twice \(also tiers\[0\]\), written with other Unicode characters that read the same \((a space written as another character|invisible characters, or fullwidth letters)/) }),
      ]);
    }
    expect(issuesOf(withTiers('Big Co', '"Big\\u00a0Co"'))[0]!.message).toContain('(a space written as another character, such as a no-break space)');
    expect(issuesOf(withTiers('Big Co', 'BigCo'))).toEqual([]);
  });

  it('two tiers whose names differ only in a run of spaces or a tab, at the later one', () => {
    // Before, accepted: report.html and the SVG charts collapse white space, so they showed three
    // rows 'Big Co', each with its own figures.
    for (const other of ['"Big  Co"', '"Big\\tCo"', '"Big \\t Co"']) {
      const issues = issuesOf(withTiers('Big Co', other));
      expect(issues, other).toEqual([
        expect.objectContaining({ path: ['tiers', 1, 'name'], line: 5, message: expect.stringMatching(/^tier name "Big.+Co" is used twice \(also tiers\[0\]\), written with other Unicode characters that read the same \(several spaces or a tab, which report.html and the charts show as one space\)/) }),
      ]);
    }
  });

  it.each(['allies', 'Totals', 'all-in', 'Sub total', 'All tier', 'Tiers'])('a tier named %s is fine', (name) => {
    expect(issuesOf(withTiers('SMB', name))).toEqual([]);
  });

  it('a lone surrogate anywhere (a tier, a lead source, a key), at its line; a character outside the BMP is fine', () => {
    const issues = issuesOf(`name: x
tiers:
  - name: "X\\uD800"
    existing: { openingArr: 1000000, customers: 10, renewalRate: 0.9 }
  - name: "Y\\uDBFF"
    existing: { openingArr: 1000000, customers: 10, renewalRate: 0.9 }
  - name: "Z \\U0001F600"
    newBusiness:
      acv: 1000
      leadSources:
        - { grade: "A\\uDC00b", leadsPerMonth: 10, conversion: 0.1 }
`);
    expect(issues.map((i) => [i.path.join('.'), i.line])).toEqual([
      ['tiers.0.name', 3],
      ['tiers.1.name', 5],
      ['tiers.2.newBusiness.leadSources.0.grade', 11],
    ]);
    expect(issues[0]!.message).toBe('holds a lone surrogate (\\uD800) at character 2: text must be well-formed Unicode (it cannot be written to a UTF-8 file as it is)');
    expect(issuesOf(withTiers('"Z \\U0001F600"', '"\\u00e9t\\u00e9"'))).toEqual([]);
  });

  it('loneSurrogateAt finds the first unpaired half, and none in paired ones', () => {
    expect(loneSurrogateAt('abc')).toBe(-1);
    expect(loneSurrogateAt('a\uD83D\uDE00b')).toBe(-1);
    expect(loneSurrogateAt('a\uD83D')).toBe(1);
    expect(loneSurrogateAt('\uDE00\uD83D')).toBe(0);
    expect(loneSurrogateAt('ab\uD83D\uD83D\uDE00')).toBe(2);
  });
});

describe('the formula guard writes no two texts alike', () => {
  const texts = ['=Ent', "'=Ent", "''=Ent", "'Ent", 'Ent', '+1', "'+1", '-', "'-", '@x', "'@x"];
  it('in CSV: every text its own cell, and one that starts with a quote gets one more', () => {
    expect(new Set(texts.map(csvField)).size).toBe(texts.length);
    expect(csvField("'=Ent")).toBe(`"''=Ent"`);
    expect(csvField("'Ent")).toBe(`"''Ent"`);
  });
  it('in a workbook: the same', () => {
    expect(new Set(texts.map(cellText)).size).toBe(texts.length);
    expect(cellText("'=Ent")).toBe("''=Ent");
  });
});
