import { z } from 'zod';
import { studioStateSchema } from './state.js';

/** The bodies of the studio's API calls (server.ts), checked before anything runs; refused in bodyProblem's words (body-refusal.ts). */

/** Longest page id, file name to save as, and hash of a shown answer the bodies take. */
export const MAX_PAGE_ID = 64;
export const MAX_SAVE_NAME = 200;
export const MAX_SHOWN_HASH = 128;

// `order`: the page's id and change number (older changes of a page are refused; see LatestOnly).
const changeOrder = z.strictObject({ page: z.string().min(1).max(MAX_PAGE_ID), change: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) });
/** POST /api/answer. */
export const answerBody = z.strictObject({ state: studioStateSchema, pass: z.enum(['first', 'full']), order: changeOrder.optional() });
/** POST /api/report. A report's `order`: its page, and the page's count of reports asked (a page's newer report cancels its older; another page's cancels none). */
export const reportBody = z.strictObject({ state: studioStateSchema, order: changeOrder.optional() });
/** POST /api/save. `shown`: the hash of the full answer the page shows for `state` (Answer.hash), when it has one: a save is of those numbers. */
export const saveBody = z.strictObject({ state: studioStateSchema, name: z.string().max(MAX_SAVE_NAME), shown: z.string().max(MAX_SHOWN_HASH).optional() });
