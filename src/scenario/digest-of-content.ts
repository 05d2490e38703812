import { createHash } from 'node:crypto';

/**
 * The content digest of a loaded scenario (LoadedScenario.contentDigest, content-digest.ts) from its
 * scenario's hash and its files' data digest ('' without files): a function of content only.
 */
export const digestOfContent = (scenarioHash: string, filesDigest: string): string => createHash('sha256').update(`${scenarioHash}\0files\0${filesDigest}`).digest('hex');
