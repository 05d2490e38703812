import { expect } from 'vitest';
import { typedArrayEquality } from './typed-array-equality.js';

// Added once per process: without isolation (vitest.config.ts) a fork runs this file before each
// of its test files, and a tester added again would be asked again. Looked for by name in the
// testers vitest keeps (its global matchers object), so that it is there whatever vitest resets.
const matchers = (globalThis as Record<symbol, { customEqualityTesters?: Array<{ name: string }> } | undefined>)[Symbol.for('$$jest-matchers-object')];
if (!matchers?.customEqualityTesters?.some((t) => t.name === typedArrayEquality.name)) expect.addEqualityTesters([typedArrayEquality]);
