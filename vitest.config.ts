import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Worker pools and end-to-end CLI runs need more than the default 5 s on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // vitest's default in a run is one worker fewer than the cores: one file at a time on this
    // 2-core machine, while many files wait on child processes, worker pools or a browser.
    maxWorkers: 2,
    // The default `forks` pool (test/cli/out-dir and test/report/output-dir chdir, which worker
    // threads cannot). Without isolation each fork runs file after file with its module cache
    // kept: src is transformed and loaded once per fork instead of once per file, about half the
    // CPU of a run. Test files leave no state behind (env, cwd and spies are restored, engines closed).
    pool: 'forks',
    isolate: false,
    // Packages and node: built-ins are imported as Node imports them (as dist/ runs), not wrapped in
    // vitest's interop Proxy, whose trap ran on every use of an import: yaml's isMap/isScalar/isSeq
    // at every node of a scenario, in every test that parses one (4 files of test/scenario: 11.3-11.6 -> 10.6-10.7 s CPU,
    // bench/RESULTS.md). Nothing here imports a package other than as Node can.
    deps: { interopDefault: false },
    // toEqual of typed arrays (columns, Buffers of them) in one loop instead of vitest's generic walk,
    // with the answer vitest gives (test/setup/typed-array-equality.ts).
    setupFiles: ['test/setup/equality-testers.ts'],
    // Every temporary folder of a run in one folder, removed at its end (test/setup/temp-root.ts).
    globalSetup: ['test/setup/temp-root.ts'],
    // A test that makes no assertion fails (a case that returns early passes without checking anything).
    expect: { requireAssertions: true },
  },
});
