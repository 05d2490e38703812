import { existsSync, readFileSync } from 'node:fs';

/**
 * The Chrome or Chromium that opens report.html headless (the report tests and
 * `npm run report:screenshot`, through playwright-core). Nothing is ever downloaded: an installed
 * browser is looked for, in this order, and without one the caller fails with the one command that
 * installs one.
 *
 * 1. `ARRCAST_CHROMIUM`, when set (and then it must exist: a wrong path is not passed over);
 * 2. `/usr/bin/chromium` (Debian), `/usr/bin/chromium-browser` (Ubuntu, other Linux),
 *    `/usr/bin/google-chrome`, `/snap/bin/chromium`;
 * 3. on macOS, `/Applications/Google Chrome.app` and `/Applications/Chromium.app`.
 */
export const BROWSER_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** What the search looks at; the defaults are this machine's. */
export interface BrowserSearchHost {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: string;
  readonly exists: (path: string) => boolean;
  /** The text of /etc/os-release, or '' where there is none. */
  readonly osRelease: () => string;
}

const thisMachine: BrowserSearchHost = {
  env: process.env,
  platform: process.platform,
  exists: existsSync,
  osRelease: () => {
    try {
      return readFileSync('/etc/os-release', 'utf8');
    } catch {
      return '';
    }
  },
};

export type BrowserSearch = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly message: string };

/**
 * Find an installed Chrome or Chromium (order above), or say how to install one.
 *
 * @example findBrowser() // => { ok: true, path: '/usr/bin/chromium' } on Debian with chromium installed
 * Complexity: O(1): a handful of file checks.
 */
export function findBrowser(host: BrowserSearchHost = thisMachine): BrowserSearch {
  const chosen = host.env.ARRCAST_CHROMIUM;
  if (chosen !== undefined && chosen !== '') {
    if (host.exists(chosen)) return { ok: true, path: chosen };
    return { ok: false, message: `ARRCAST_CHROMIUM is ${chosen}, which does not exist: point it at a Chrome or Chromium, or unset it` };
  }
  const found = BROWSER_PATHS.find((p) => host.exists(p));
  if (found !== undefined) return { ok: true, path: found };
  return {
    ok: false,
    message: `no Chrome or Chromium found (looked at ARRCAST_CHROMIUM, ${BROWSER_PATHS.join(', ')}); install one: ${installCommand(host)}`,
  };
}

/**
 * The one command that installs a Chromium here, or what to do where there is none.
 *
 * @example installCommand({ ...host, platform: 'darwin' }) // => 'brew install --cask chromium'
 */
export function installCommand(host: Pick<BrowserSearchHost, 'platform' | 'osRelease'>): string {
  if (host.platform === 'darwin') return 'brew install --cask chromium';
  if (host.platform === 'linux') {
    const os = host.osRelease();
    if (/^(ID|ID_LIKE)=.*\bubuntu\b/m.test(os)) return 'sudo apt-get update && sudo apt-get install -y chromium-browser';
    if (/^(ID|ID_LIKE)=.*\bdebian\b/m.test(os)) return 'sudo apt-get update && sudo apt-get install -y chromium';
    return "your distribution's chromium package (e.g. sudo dnf install -y chromium), or set ARRCAST_CHROMIUM to a Chrome or Chromium";
  }
  return 'Google Chrome, then set ARRCAST_CHROMIUM to its executable';
}
