// A what-if as the studio of a given build saves it (compat17): every driver the page shows moved
// three steps up its slider, spread x the next step where it has one, the market year at its P30.
//   node bench/studio-saved-overlay.mjs BUILD_ROOT SCENARIO OUT_YAML
// BUILD_ROOT is a built arrcast tree (its dist/studio and dist/scenario); the overlay extends
// SCENARIO by its file name, so OUT_YAML goes beside it. For comparing how an older studio's saved
// file reads today (bench/compare-history.mjs OLD_TREE N WORK OUT_YAML).
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, scenario, out] = process.argv.slice(2);
const load = (m) => import(pathToFileURL(join(root, 'dist', m)).href);
const { parseScenario } = await load('scenario/parse.js');
const { studioControls } = await load('studio/controls.js');
const { stateOverlay, overlayText } = await load('studio/overlay.js');
const loaded = parseScenario(readFileSync(scenario, 'utf8'), scenario);
const controls = studioControls(loaded);
const drivers = {};
for (const c of controls.drivers) {
  const i = Math.min(c.planIndex + 3, c.values.length - 1);
  const spread = c.spreads?.find((s) => s > 1);
  drivers[c.id] = { central: c.values[i], ...(spread ? { spread } : {}) };
}
const state = { drivers, market: 0.3, confidence: 0.8 };
const text = overlayText(basename(scenario), stateOverlay(loaded, controls, state), [`What-if saved by arrcast studio (${root}) from ${basename(scenario)}.`]);
writeFileSync(out, text);
console.log(`${out}: ${controls.drivers.length} drivers moved, market at P30`);
