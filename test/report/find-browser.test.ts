import { describe, expect, it } from 'vitest';
import { findBrowser, type BrowserSearchHost } from '../../src/report/find-browser.js';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';
const LOOKED =
  'looked at ARRCAST_CHROMIUM, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome, /snap/bin/chromium, /Applications/Google Chrome.app/Contents/MacOS/Google Chrome, /Applications/Chromium.app/Contents/MacOS/Chromium';
const CHROME_MAC = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';

const host = (platform: string, files: string[], env: Record<string, string> = {}, osRelease = ''): BrowserSearchHost => ({
  env,
  platform,
  exists: (p) => files.includes(p),
  osRelease: () => osRelease,
});

/** Machines, and the browser found on each or the message (with the one install command) without one. */
const machines: Array<{ name: string; host: BrowserSearchHost; expected: ReturnType<typeof findBrowser> }> = [
  { name: "Debian's chromium", host: host('linux', ['/usr/bin/chromium'], {}, DEBIAN), expected: { ok: true, path: '/usr/bin/chromium' } },
  {
    name: 'chromium before google-chrome',
    host: host('linux', ['/usr/bin/google-chrome', '/usr/bin/chromium-browser']),
    expected: { ok: true, path: '/usr/bin/chromium-browser' },
  },
  { name: 'Chrome on macOS', host: host('darwin', [CHROME_MAC]), expected: { ok: true, path: CHROME_MAC } },
  {
    name: 'ARRCAST_CHROMIUM first',
    host: host('linux', ['/usr/bin/chromium', '/opt/chrome/chrome'], { ARRCAST_CHROMIUM: '/opt/chrome/chrome' }),
    expected: { ok: true, path: '/opt/chrome/chrome' },
  },
  {
    name: 'ARRCAST_CHROMIUM pointing nowhere is not passed over',
    host: host('linux', ['/usr/bin/chromium'], { ARRCAST_CHROMIUM: '/opt/nope' }),
    expected: { ok: false, message: 'ARRCAST_CHROMIUM is /opt/nope, which does not exist: point it at a Chrome or Chromium, or unset it' },
  },
  {
    name: 'a fresh Debian',
    host: host('linux', [], {}, DEBIAN),
    expected: { ok: false, message: `no Chrome or Chromium found (${LOOKED}); install one: sudo apt-get update && sudo apt-get install -y chromium` },
  },
  {
    name: 'a fresh Ubuntu',
    host: host('linux', [], {}, UBUNTU),
    expected: { ok: false, message: `no Chrome or Chromium found (${LOOKED}); install one: sudo apt-get update && sudo apt-get install -y chromium-browser` },
  },
  {
    name: 'a Mac without Chrome',
    host: host('darwin', []),
    expected: { ok: false, message: `no Chrome or Chromium found (${LOOKED}); install one: brew install --cask chromium` },
  },
  {
    name: 'another Linux',
    host: host('linux', [], {}, FEDORA),
    expected: {
      ok: false,
      message: `no Chrome or Chromium found (${LOOKED}); install one: your distribution's chromium package (e.g. sudo dnf install -y chromium), or set ARRCAST_CHROMIUM to a Chrome or Chromium`,
    },
  },
];

describe('finding an installed Chrome or Chromium for the report tests (never downloading one)', () => {
  it.each(machines.map((m) => [m.name, m] as const))('%s', (_, m) => {
    expect(findBrowser(m.host)).toEqual(m.expected);
  });
});
