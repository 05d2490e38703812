/**
 * Limits on what arrcast reads and runs. Each guards against a typo or a hostile file turning a run
 * into a hang, a crash or an out-of-memory; a real plan is far inside every one of them. README,
 * "Limits and bad input", lists them.
 */

/**
 * Largest magnitude of any number in a scenario: beyond it a typo, not a plan (and float32 breakdowns
 * overflow). Here, with no zod, so the studio's page bundle takes it (its target boxes) without a copy.
 */
export const MAX_MAGNITUDE = 1e15;

/** Most trials one run may ask for (scenario `trials` and --trials). */
export const MAX_TRIALS = 10_000_000;

/** Most tiers a scenario may have (`tiers`); `arrcast fit` refuses a history of more, as the scenario it would write. */
export const MAX_TIERS = 50;

/** Longest seed, in characters (scenario `seed` and --seed): a seed names a run, it is not data. */
export const MAX_SEED_CHARS = 200;

/**
 * Largest scenario file, in bytes, refused before it is read: a plan is kilobytes. 2 MB leaves room
 * for an `empirical` distribution of MAX_EMPIRICAL_VALUES observed values of up to 9 characters.
 */
export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;

/**
 * Most observed values of one `empirical` distribution. The YAML reader holds about 1 KB per value
 * while it reads, so a file at this limit peaks near 400 MB (bench/RESULTS.md).
 */
export const MAX_EMPIRICAL_VALUES = 200_000;

/**
 * Deepest nesting of lists and mappings in a scenario file. A real scenario is about 7 deep
 * (tiers, a tier, existing, contraction, probability, quantiles); the YAML reader recurses, so a
 * file thousands of levels deep would exhaust the stack instead of getting a message.
 */
export const MAX_NESTING_DEPTH = 64;

/**
 * Most values (scalars, lists and mappings) a scenario file may hold, as written and once its
 * aliases (`*name`) are expanded. Written values are counted on the lexer's stream, before the
 * document (about 1 KB a value) is built: a 2 MB file of `x,x,x,...` holds a million. Aliases let a
 * few lines stand for an exponential ("billion laughs") or a multiplied amount of data. Room for
 * one empirical distribution at MAX_EMPIRICAL_VALUES and the rest of a plan.
 */
export const MAX_EXPANDED_VALUES = 250_000;

/** Most alias expansions the YAML reader performs (its `maxAliasCount`), a second line behind MAX_EXPANDED_VALUES. */
export const MAX_ALIAS_COUNT = 1000;

/**
 * Most problems one message lists from a file that a scenario names (an `extends` base, a customer
 * book, a pipeline file); the rest are counted. Each problem quotes at most a short excerpt of the
 * file (MAX_EXCERPT_CHARS, display-text.ts), so a message shows at most about 800 characters of a
 * file it was pointed at.
 */
export const MAX_ISSUES_PER_NAMED_FILE = 20;

/**
 * Largest customer book or pipeline file, in bytes, refused before it is read. Reading holds about
 * 1 KB per row until the rows are put into columns; with MAX_BOOK_ROWS, a book at both limits peaks
 * near 400 MB (bench/RESULTS.md).
 */
export const MAX_BOOK_BYTES = 16 * 1024 * 1024;

/**
 * Most rows (lines after the header, blank ones included) of a customer book or pipeline file.
 * Counted while parsing: a longer file is refused at the row past the limit, before the rest is
 * parsed.
 */
export const MAX_BOOK_ROWS = 250_000;
