import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'arrcast-tests-';
const OWNER = 'vitest.pid';

/**
 * vitest's global setup: every temporary folder a test run makes (mkdtemp under os.tmpdir(), in the
 * test forks and in the CLI processes they start) goes into one folder of its own, removed when the
 * run ends. Tests make thousands of them and most leave theirs (a refusal's test checks that nothing
 * was written there): the system's temporary folder grew by about 300,000 entries a hundred runs, and
 * an arrcast run writing beside them read them all when it looked for stale temporaries of its own.
 * Open to every user, as /tmp is: some tests run the CLI as an unprivileged user (test/helpers/unprivileged.ts).
 * A run that was killed leaves its folder; the next run removes it (its process is gone).
 */
export default function setup(): () => void {
  const before = process.env.TMPDIR;
  const system = tmpdir();
  removeFoldersOfGoneRuns(system);
  const root = mkdtempSync(join(system, PREFIX));
  chmodSync(root, 0o1777);
  writeFileSync(join(root, OWNER), String(process.pid));
  // Read by os.tmpdir() in this process, in the forks it starts after this, and in their children.
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}

/** Remove the folders of earlier test runs whose process is gone (killed before their teardown). */
function removeFoldersOfGoneRuns(system: string): void {
  for (const name of readdirSync(system)) {
    if (!name.startsWith(PREFIX)) continue;
    let pid: number;
    try {
      pid = Number(readFileSync(join(system, name, OWNER), 'utf8'));
    } catch {
      continue; // not one of ours, or not yet written: left alone
    }
    if (Number.isInteger(pid) && pid > 0 && !running(pid)) rmSync(join(system, name), { recursive: true, force: true });
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: a process of another user has that pid; it runs.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
