// The suite's vitest config with bench/test-cpu-setup.mjs added: per-file CPU in $CPU_LOG.
//   CPU_LOG=/tmp/cpu.jsonl /usr/bin/time -f '%e s %U u %S s' npx vitest run --config bench/vitest.test-cpu.config.mjs --reporter=dot
//   node bench/test-cpu-top.mjs /tmp/cpu.jsonl 30
import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../vitest.config.ts';

export default mergeConfig(base, defineConfig({ test: { setupFiles: ['bench/test-cpu-setup.mjs'] } }));
