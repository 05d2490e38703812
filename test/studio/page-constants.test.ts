import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_MAGNITUDE as schemaMax } from '../../src/scenario/distribution-schema.js';
import { MAX_MAGNITUDE } from '../../src/scenario/limits.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * The page's limits are the scenario's own, imported from limits.ts (no zod, so the page bundle takes
 * it): the target boxes' most was a copy, `const MAX_TARGET = 1e15`, which a change to the scenario's
 * limit would have left behind (the server then refusing in the scenario's terms what the page took).
 */
describe('the studio page and the scenario share one MAX_MAGNITUDE', () => {
  it('is the schema\'s, and the page writes no copy of it', () => {
    expect(schemaMax).toBe(MAX_MAGNITUDE);
    const page = readFileSync(join(ROOT, 'src/studio/page/main.ts'), 'utf8');
    expect(page).toContain("import { MAX_MAGNITUDE } from '../../scenario/limits.js';");
    expect(page).not.toMatch(/\b1e15\b|1_000_000_000_000_000/);
    // limits.ts stays free of zod (the page bundle imports it).
    expect(readFileSync(join(ROOT, 'src/scenario/limits.ts'), 'utf8')).not.toMatch(/^import /m);
  });
});
