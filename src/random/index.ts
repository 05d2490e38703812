/** arrcast's random-number layer: seeded streams and the samplers bound to them. */
export * from './source.js';
export * from './uniform.js';
export * from './normal.js';
export * from './normal-cdf.js';
export * from './truncated-normal.js';
export * from './lognormal.js';
export * from './gamma.js';
export * from './beta.js';
export * from './poisson.js';
export * from './binomial.js';
export * from './negative-binomial.js';
export * from './triangular.js';
export * from './pert.js';
export * from './discrete.js';
export * from './empirical.js';
export * from './log-factorial.js';
export * from './metalog.js';
