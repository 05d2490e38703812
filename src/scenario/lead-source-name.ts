/**
 * The name a source is reported under: "A", "inbound", or "A/inbound". In a module of its own,
 * without zod: the model (and so every worker thread) uses it, and importing it from
 * lead-sources-schema.ts put zod's 750 kB into the worker bundle, parsed by every thread a pool starts.
 */
export const leadSourceName = (s: { readonly grade?: string; readonly channel?: string }): string =>
  [s.grade, s.channel].filter((x) => x !== undefined).join('/');
