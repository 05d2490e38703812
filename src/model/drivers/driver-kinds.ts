import type { MarketLoadings } from '../../scenario/scenario-schema.js';
import { columnKey } from './column-keys.js';
import { sourceKey } from '../column-key.js';
import type { DriverUnit } from './planned-driver.js';

/**
 * The registry of drivers: every kind of year-level driver a tier can state, once, with its key,
 * the random stream its year-level draw comes from, its label in a planner's words, its unit, the
 * market loading that moves it and where it sits in the scenario. The plan, the simulators, the
 * trial layout, the analysis and the report read it; nothing else spells a driver's key.
 *
 * Kinds with a `name` are repeated: one per lead source ('A/inbound') or pipeline group ('2').
 */
export type DriverKind =
  | 'conversion'
  | 'renewalRate'
  | 'contractionProbability'
  | 'expansionProbability'
  | 'newCustomerExpansionProbability'
  | 'priceUplift'
  | 'sourceConversion'
  | 'earlierLeadsConversion'
  | 'pipelineWinProbability'
  | 'repAttrition'
  | 'repCapacity'
  | 'hireSlip'
  | 'repProductivity'
  | 'leadsPerMonth'
  | 'sourceLeadsPerMonth'
  | 'acv'
  | 'expansionSize'
  | 'newCustomerExpansionSize'
  | 'pipelineAmount';

/** How the market factor acts on a driver: which loading, and in which direction (-1: against the market). */
export interface MarketEffect {
  readonly loading: keyof MarketLoadings;
  readonly sign: 1 | -1;
}

export interface DriverKindEntry {
  /** The driver's key within its tier (the `<key>` of `driver.<tier>.<key>`). */
  readonly key: (name: string) => string;
  /** The name of the stream its year-level draw comes from (fixed: changing one changes results). */
  readonly stream: (name: string) => string;
  /** Its words after the tier's name: 'conversion', 'A/inbound leads a month', 'pipeline group 2 win probability'. */
  readonly label: (name: string) => string;
  readonly unit: DriverUnit;
  /** undefined: the market does not move it. */
  readonly market: MarketEffect | undefined;
  /** Its distribution's place in the tier: ['newBusiness', 'leadSources', <index>, 'conversion'] (index: of the source or group). */
  readonly field: (index: number) => ReadonlyArray<string | number>;
  /** Multiply its value by this for a year's figure. */
  readonly annualFactor?: number;
}

const one = (key: string) => () => key;

/**
 * Every driver kind. Streams of the drivers that existed before year-level volumes and amounts keep
 * their names (so scenarios without them give the same results); the year-level draws of lead
 * volume and ACV have streams of their own under 'level.'. Stream names are written out, never
 * built with `columnKey`: a change in how keys escape names must not change any stream.
 */
export const DRIVER_KINDS: { readonly [K in DriverKind]: DriverKindEntry } = {
  conversion: {
    key: one('conversion'),
    stream: one('conversion'),
    label: () => 'conversion',
    unit: 'rate',
    market: { loading: 'conversion', sign: 1 },
    field: () => ['newBusiness', 'conversion'],
  },
  renewalRate: {
    key: one('renewalRate'),
    stream: one('renewalRate'),
    label: () => 'renewal rate',
    unit: 'rate',
    market: { loading: 'renewal', sign: 1 },
    field: () => ['existing', 'renewalRate'],
  },
  contractionProbability: {
    key: one('contractionProbability'),
    stream: one('contraction.probability'),
    label: () => 'contraction probability',
    unit: 'rate',
    market: { loading: 'contraction', sign: -1 },
    field: () => ['existing', 'contraction', 'probability'],
  },
  expansionProbability: {
    key: one('expansionProbability'),
    stream: one('expansion.probability'),
    label: () => 'expansion probability',
    unit: 'rate',
    market: { loading: 'expansion', sign: 1 },
    field: () => ['existing', 'expansion', 'probability'],
  },
  newCustomerExpansionProbability: {
    key: one('newCustomerExpansionProbability'),
    stream: one('newCustomerExpansion.probability'),
    label: () => 'new-customer expansion probability',
    unit: 'rate',
    market: { loading: 'expansion', sign: 1 },
    field: () => ['newCustomerExpansion', 'probability'],
  },
  priceUplift: {
    key: one('priceUplift'),
    stream: one('priceUplift'),
    label: () => 'price uplift',
    unit: 'rate',
    market: undefined,
    field: () => ['existing', 'priceUplift'],
  },
  sourceConversion: {
    key: (source) => sourceKey('conversion', source),
    stream: (source) => sourceKey('conversion', source),
    label: (source) => `${source} conversion`,
    unit: 'rate',
    market: { loading: 'conversion', sign: 1 },
    field: (i) => ['newBusiness', 'leadSources', i, 'conversion'],
  },
  earlierLeadsConversion: {
    key: one('earlierLeads.conversion'),
    stream: one('earlierLeads.conversion'),
    label: () => 'earlier leads conversion',
    unit: 'rate',
    market: { loading: 'conversion', sign: 1 },
    field: () => ['newBusiness', 'earlierLeads', 'conversion'],
  },
  pipelineWinProbability: {
    key: (group) => columnKey('pipeline', group, 'winProbability'),
    stream: (group) => `pipeline.${group}.winProbability`,
    label: (group) => `pipeline group ${group} win probability`,
    unit: 'rate',
    market: { loading: 'conversion', sign: 1 },
    field: (i) => ['newBusiness', 'openingPipeline', 'groups', i, 'winProbability'],
  },
  repAttrition: {
    key: one('reps.attrition'),
    stream: one('reps.attrition'),
    label: () => 'rep attrition',
    unit: 'rate',
    market: undefined,
    field: () => ['newBusiness', 'reps', 'attrition'],
  },
  repCapacity: {
    key: one('reps.capacity'),
    stream: one('reps.capacity'),
    label: () => 'deals per ramped rep a month',
    unit: 'deals per rep a month',
    market: undefined,
    field: () => ['newBusiness', 'reps', 'capacity'],
    annualFactor: 12,
  },
  hireSlip: {
    key: one('reps.hireSlip'),
    stream: one('reps.hireSlip'),
    label: () => 'hire slip probability',
    unit: 'rate',
    market: undefined,
    field: () => ['newBusiness', 'reps', 'hireSlip', 'probability'],
  },
  repProductivity: {
    key: one('reps.sourcedDealsPerMonth'),
    stream: one('level.reps.productivity'),
    label: () => 'deals a ramped rep sources a month',
    unit: 'deals per rep a month',
    // Rep-sourced demand moves with the market as leads do.
    market: { loading: 'leads', sign: 1 },
    field: () => ['newBusiness', 'reps', 'sourcedDealsPerMonth'],
    annualFactor: 12,
  },
  leadsPerMonth: {
    key: one('leadsPerMonth'),
    stream: one('level.leads'),
    label: () => 'leads a month',
    unit: 'count',
    market: { loading: 'leads', sign: 1 },
    field: () => ['newBusiness', 'leadsPerMonth'],
    annualFactor: 12,
  },
  sourceLeadsPerMonth: {
    key: (source) => columnKey('leadsPerMonth', source),
    stream: (source) => `level.${sourceKey('leads', source)}`,
    label: (source) => `${source} leads a month`,
    unit: 'count',
    market: { loading: 'leads', sign: 1 },
    field: (i) => ['newBusiness', 'leadSources', i, 'leadsPerMonth'],
    annualFactor: 12,
  },
  acv: {
    key: one('acv'),
    stream: one('level.acv'),
    label: () => 'ACV',
    unit: 'currency',
    market: { loading: 'acv', sign: 1 },
    field: () => ['newBusiness', 'acv'],
  },
  expansionSize: {
    key: one('expansion.size'),
    stream: one('level.expansion.size'),
    label: () => 'expansion size',
    unit: 'rate',
    market: undefined,
    field: () => ['existing', 'expansion', 'size'],
  },
  newCustomerExpansionSize: {
    key: one('newCustomerExpansion.size'),
    stream: one('level.newCustomerExpansion.size'),
    label: () => 'new-customer expansion size',
    unit: 'currency',
    market: undefined,
    field: () => ['newCustomerExpansion', 'size'],
  },
  pipelineAmount: {
    key: (group) => columnKey('pipeline', group, 'amount'),
    stream: (group) => `level.pipeline.${group}.amount`,
    label: (group) => `pipeline group ${group} deal size`,
    unit: 'currency',
    // A group's own amounts do not move with the market (those at the tier's ACV do, as ACV).
    market: undefined,
    field: (i) => ['newBusiness', 'openingPipeline', 'groups', i, 'amount'],
  },
};

/** Every kind, in the order a tier lists its drivers. */
export const DRIVER_KIND_ORDER = Object.keys(DRIVER_KINDS) as readonly DriverKind[];

/** The signed loading of a kind under these loadings (0 when the market does not move it). */
export function kindLoading(kind: DriverKind, loadings: MarketLoadings): number {
  const m = DRIVER_KINDS[kind].market;
  return m === undefined ? 0 : m.sign * loadings[m.loading];
}
