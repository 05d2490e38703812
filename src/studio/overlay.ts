import { Document, visit } from 'yaml';
import { MONEY_POINT } from '../scenario/money-point.js';
import { distinctTargets } from '../scenario/target-labels.js';
import { displayText, quoteText } from '../scenario/display-text.js';
import { nearestName } from '../scenario/edit-distance.js';
import type { LoadedScenario } from '../scenario/parse.js';
import type { DistributionSpec } from '../scenario/distribution-schema.js';
import type { MetricTarget } from '../scenario/targets-schema.js';
import type { Controls } from './controls.js';
import { marketFactor, specAt } from './controls.js';
import { recentre } from './recentre.js';
import { reshape } from './shape-controls.js';
import { formatPath } from '../scenario/scenario-error.js';
import type { StudioState } from './state.js';

/**
 * A request that names something the page does not offer: the field, and why. The field is named
 * as in the request body, as body-refusal.ts names the fields the schema refuses
 * (`state.drivers["0/conversion"].spread`): before December 2026 these said `drivers.0/conversion.spread`.
 */
export class StateError extends Error {
  readonly field: string;
  /** `path`: where in the page state, e.g. ['drivers', '0/conversion', 'spread']. */
  constructor(path: ReadonlyArray<string | number>, message: string) {
    const field = formatPath(['state', ...path]);
    super(`${field}: ${message}`);
    this.field = field;
    this.name = 'StateError';
  }
}

type Json = Record<string, unknown>;

/** Set `value` at `path` in `into`, creating mappings on the way; a list met on the way is copied whole from `original` first (lists replace the base's whole). */
function setAt(into: Json, original: unknown, path: ReadonlyArray<string | number>, value: unknown): void {
  let at: Json | unknown[] = into;
  let from: unknown = original;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    from = from !== null && typeof from === 'object' ? (from as Json)[key as string] : undefined;
    const existing = (at as Json)[key as string];
    if (existing === undefined) (at as Json)[key as string] = Array.isArray(from) ? structuredClone(from) : {};
    at = (at as Json)[key as string] as Json;
  }
  (at as Json)[path[path.length - 1] as string] = value;
}

/**
 * What a driver id the page has not may have meant, for its refusal: a driver's label (`SMB
 * conversion`, as the page shows it) or a near miss of an id names that driver's id; else the ids
 * are listed (GET /api/controls gives each id and label). A script's guess at an id was told only
 * "no such driver on this page".
 *
 * @example driverMeant('SMB conversion', controls) // => '; "SMB conversion" is the label of driver "0/conversion": name a driver by its id'
 */
function driverMeant(id: string, controls: Controls): string {
  const ids = controls.drivers.map((c) => c.id);
  const byLabel = controls.drivers.find((c) => c.label.toLowerCase() === id.trim().toLowerCase());
  if (byLabel !== undefined) return `; ${quoteText(id)} is the label of driver ${JSON.stringify(byLabel.id)}: name a driver by its id`;
  const near = nearestName(id, ids);
  if (near !== undefined) return ` (did you mean ${JSON.stringify(near)}?)`;
  const shown = ids.slice(0, 20).map((i) => JSON.stringify(i)).join(', ');
  return ids.length === 0 ? '; this scenario has no driver the page moves' : `; its drivers are ${shown}${ids.length > 20 ? `, and ${ids.length - 20} more (GET /api/controls lists them)` : ''}`;
}

/**
 * The `extends:` overlay of a page state: only what it changes. A moved driver's year-level
 * distribution, written whole (recentre.ts); a field moved by its shape (rep hires, a sales cycle,
 * a seasonality), written whole (shape-controls.ts); the market year as `market.factor` (Φ⁻¹ of its
 * percentile, the stress case of README's "Stress cases"); the targets, whole, when they differ
 * from the file's. An empty state gives an empty overlay: the file as written.
 */
export function stateOverlay(loaded: LoadedScenario, controls: Controls, state: StudioState): Json {
  const overlay: Json = {};
  const tiers = new Map<number, Json>();
  for (const [id, edit] of Object.entries(state.drivers)) {
    const control = controls.drivers.find((c) => c.id === id);
    if (!control) throw new StateError(['drivers', id], `no such driver on this page${driverMeant(id, controls)}`);
    const central = edit.central ?? control.plan;
    const spread = edit.spread ?? 1;
    if (control.spreads === undefined && spread !== 1) throw new StateError(['drivers', id, 'spread'], `${control.label} has no spread to change`);
    if (control.kind !== undefined && !control.values.includes(central))
      throw new StateError(['drivers', id, 'central'], `${control.label} moves in whole steps: one of ${control.values.join(', ')}`);
    if (central === control.plan && spread === 1) continue;
    const t = Number(id.slice(0, id.indexOf('/')));
    const tier = loaded.scenario.tiers[t]!;
    const field = specAt(tier, control.path);
    const entry = tiers.get(t) ?? { name: tier.name };
    tiers.set(t, entry);
    setAt(entry, tier, control.path, control.kind !== undefined ? reshape(control.kind, field, central) : recentre(field as DistributionSpec, central, spread));
  }
  if (tiers.size > 0) overlay.tiers = [...tiers.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  if (state.market !== null) {
    if (!controls.market) throw new StateError(['market'], 'this scenario has no market loadings, so the market year moves nothing');
    overlay.market = { factor: marketFactor(state.market) };
  }
  const targets = stateTargets(loaded, controls, state);
  if (targets !== undefined) overlay.targets = { metrics: targets };
  return overlay;
}

/** The state's targets when they differ from the file's (the file's with their new values, then those given at start); undefined when the same. */
function stateTargets(loaded: LoadedScenario, controls: Controls, state: StudioState): MetricTarget[] | undefined {
  const values = state.targets ?? controls.targets.map((t) => t.value);
  if (values.length !== controls.targets.length) throw new StateError(['targets'], `needs ${controls.targets.length} values, one per target on the page`);
  const targets = controls.targets.map((t, i) => ({ ...t, value: values[i]! }));
  // The page shows a target the file gives twice once (distinctTargets): compared with the file's targets as shown.
  const file = distinctTargets(loaded.scenario.targets?.metrics ?? []);
  const same = targets.length === file.length && targets.every((t, i) => t.value === file[i]!.value);
  return same ? undefined : targets;
}

/**
 * The overlay as a scenario file that extends `base` (a file name in the same folder), with a header
 * saying what made it: each header line one comment line, its line breaks and other controls written
 * `\u{..}` (displayText), so a file name holding "\ntrials: 50" cannot add a key to the file.
 */
export function overlayText(base: string, overlay: Json, header: readonly string[] = []): string {
  const doc = new Document({ extends: base, ...overlay });
  // An amount whose shortest text is a point before three digits (a target of 22.345) gets a fourth
  // decimal, as moneyText writes it: a money field refuses `22.345` (a thousands separator or a
  // decimal point), so the saved what-if did not load.
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'number' && MONEY_POINT.test(String(node.value))) node.minFractionDigits = 4;
    },
  });
  const body = doc.toString({ lineWidth: 0 });
  return [...header.map((l) => `# ${displayText(l)}`), body].join('\n');
}
