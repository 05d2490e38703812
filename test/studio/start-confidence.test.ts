import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/engine.js';
import { CONFIDENCES, withConfidence } from '../../src/studio/controls.js';
import { openStudioScenario } from '../../src/studio/studio-scenario.js';
import { StudioSession } from '../../src/studio/session.js';
import { startStudioServer, type StudioServer } from '../../src/studio/server.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * `arrcast studio --confidence 65%`: the page starts its confidence slider at the value the studio
 * gives only if the slider offers it, and fell back to 80% otherwise, showing the 80% budget as if
 * asked. The confidences the page is sent hold the studio's own, in order.
 */
const engine = createEngine({ workers: 1 });
let server: StudioServer;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arrcast-studio-confidence-'));
  copyFileSync(join(ROOT, 'scenarios/example.yaml'), join(dir, 'example.yaml'));
  const scenario = await openStudioScenario(join(dir, 'example.yaml'));
  const session = new StudioSession(scenario, engine, { trials: 500, seed: 5, confidence: 0.655 });
  const assets = mkdtempSync(join(tmpdir(), 'arrcast-studio-assets-'));
  for (const f of ['index.html', 'studio.js', 'studio.css']) writeFileSync(join(assets, f), f);
  server = await startStudioServer(session, { port: 0, assetsDir: assets });
});
afterAll(async () => {
  await server?.close();
  await engine.close();
});

const controls = (): Promise<{ confidence: number; controls: { confidences: number[] } }> =>
  new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: '/api/controls', headers: { host: `127.0.0.1:${server.port}`, 'x-arrcast-token': server.token } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.on('error', reject);
    req.end();
  });

describe('the confidence the studio starts with', () => {
  it('is among the confidences the page offers, in order, so its slider starts there', async () => {
    const c = await controls();
    expect(c.confidence).toBe(0.655);
    expect(c.controls.confidences).toEqual([0.5, 0.6, 0.655, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]);
    expect(c.controls.confidences.indexOf(c.confidence)).toBe(2);
  });

  it('one the page offers already is not offered twice', () => {
    expect(withConfidence(CONFIDENCES, 0.8)).toEqual([...CONFIDENCES]);
  });
});
