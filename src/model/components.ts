/**
 * The three headline metrics and the components each is split into. Components of a metric add up
 * to it exactly (revenue = openingBook + newBusiness + ... + churn, churn and contraction negative).
 */
export const METRICS = ['revenue', 'bookings', 'endingArr'] as const;
export type Metric = (typeof METRICS)[number];

export const METRIC_LABELS: Record<Metric, string> = {
  revenue: 'Recognized revenue',
  bookings: 'Bookings',
  endingArr: 'Ending ARR',
};

export const COMPONENTS = [
  'openingBook',
  'newBusiness',
  'newCustomerExpansion',
  'renewal',
  'existingExpansion',
  'priceUplift',
  'contraction',
  'churn',
] as const;
export type Component = (typeof COMPONENTS)[number];

export const COMPONENT_LABELS: Record<Component, string> = {
  openingBook: 'Opening book (flat)',
  newBusiness: 'New business',
  newCustomerExpansion: 'New-customer expansion',
  renewal: 'Renewals',
  existingExpansion: 'Existing expansion',
  priceUplift: 'Price uplift',
  contraction: 'Contraction',
  churn: 'Churn',
};

/**
 * Which components each metric has. Revenue and ending ARR follow the ARR bridge: the opening book
 * carried flat, plus what the year adds, minus what it loses. Bookings count contract value signed
 * in the year: new deals, expansions, uplifts and the renewed ARR itself; churn signs nothing.
 */
export const METRIC_COMPONENTS: Record<Metric, readonly Component[]> = {
  revenue: ['openingBook', 'newBusiness', 'newCustomerExpansion', 'existingExpansion', 'priceUplift', 'contraction', 'churn'],
  endingArr: ['openingBook', 'newBusiness', 'newCustomerExpansion', 'existingExpansion', 'priceUplift', 'contraction', 'churn'],
  bookings: ['newBusiness', 'newCustomerExpansion', 'renewal', 'existingExpansion', 'priceUplift'],
};

export const componentIndex = (c: Component): number => COMPONENTS.indexOf(c);
export const metricIndex = (m: Metric): number => METRICS.indexOf(m);
