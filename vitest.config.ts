import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Worker pools and end-to-end CLI runs need more than the default 5 s on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
