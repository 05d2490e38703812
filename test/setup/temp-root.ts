import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * vitest's global setup: every temporary folder a test run makes (mkdtemp under os.tmpdir(), in the
 * test forks and in the CLI processes they start) goes into one folder of its own, removed when the
 * run ends. Tests make thousands of them and most leave theirs (a refusal's test checks that nothing
 * was written there): the system's temporary folder grew by about 300,000 entries a hundred runs, and
 * an arrcast run writing beside them read them all when it looked for stale temporaries of its own.
 * Open to every user, as /tmp is: some tests run the CLI as an unprivileged user (test/helpers/unprivileged.ts).
 */
export default function setup(): () => void {
  const before = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'arrcast-tests-'));
  chmodSync(root, 0o1777);
  // Read by os.tmpdir() in this process, in the forks it starts after this, and in their children.
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
