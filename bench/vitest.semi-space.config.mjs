// The suite's vitest config with the forks' young generation set by $SEMI (MB; V8's default is 16 on
// 64-bit Node 20): for measuring whether fewer scavenges save CPU (twenty-third session: they did not).
//   SEMI=64 npx vitest run --config bench/vitest.semi-space.config.mjs test/studio/offered-positions.test.ts
import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../vitest.config.ts';

export default mergeConfig(base, defineConfig({ test: { execArgv: [`--max-semi-space-size=${process.env.SEMI ?? 32}`] } }));
