import { z } from 'zod';
import { scenarioSchema } from './scenario-schema.js';

/**
 * The JSON Schema of the scenario format, generated from the zod schema (the single source of
 * truth), describing what a planner writes (defaults optional). Editors use it for completion
 * and checking; `arrcast schema` prints it.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'arrcast scenario' };
}
