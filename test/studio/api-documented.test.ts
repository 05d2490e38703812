import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { studioStateSchema } from '../../src/studio/state.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const server = readFileSync(join(ROOT, 'src/studio/server.ts'), 'utf8');
const guard = readFileSync(join(ROOT, 'src/studio/http-guard.ts'), 'utf8');
const section = readme.slice(readme.indexOf('## The what-if studio'), readme.indexOf('\n## ', readme.indexOf('## The what-if studio') + 5));

describe("README: the studio's HTTP API, as a script would call it", () => {
  it('names every path the server answers and the header of its token', () => {
    const paths = [...server.matchAll(/'(\/api\/[a-z]+)'/g)].map((m) => m[1]!);
    expect(new Set(paths).size).toBeGreaterThanOrEqual(4);
    for (const path of new Set(paths)) expect(section).toMatch(new RegExp(`(GET|POST) ${path}\\b`));
    const header = /req\.headers\['([a-z-]+token)'\]/.exec(guard)![1]!;
    expect(section).toContain(`\`${header}\``);
  });

  it("its example body's state is one the server reads, naming a driver of the example", () => {
    const body = /`(\{"state": \{"drivers".*?\})`/.exec(section)![1]!;
    const parsed = JSON.parse(body) as { state: unknown; pass: string };
    expect(studioStateSchema.parse(parsed.state)).toEqual({ drivers: { '0/conversion': { central: 0.02 } }, market: 0.3, confidence: 0.8 });
    expect(['first', 'full']).toContain(parsed.pass);
  });
});
