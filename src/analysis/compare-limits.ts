/** A, B, ..., Z: labels of the compared scenarios (its own file: the command line reads it at start-up, before compare.ts is loaded). */
export const MAX_COMPARED = 26;
export const scenarioLabel = (index: number): string => String.fromCharCode(65 + index);
