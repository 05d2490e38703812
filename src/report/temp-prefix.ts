/**
 * Prefix of the temporary directories written beside an output directory (temp-dir.ts). A file of
 * its own: write-error.ts reads it, and temp-dir.ts reads write-error.ts's words.
 */
export const TEMP_PREFIX = '.arrcast-tmp-';
