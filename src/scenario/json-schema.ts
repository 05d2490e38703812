import { z } from 'zod';
import { scenarioSchema } from './scenario-schema.js';
import { humanNumberJsonSchema, isHumanNumber } from './human-number-schema.js';

/**
 * The JSON Schema of the scenario format, generated from the zod schema (the single source of
 * truth), describing what a planner writes (defaults optional). Editors use it for completion
 * and checking; `arrcast schema` prints it.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, {
    io: 'input',
    unrepresentable: 'any',
    // A number field also takes text such as "85%" or "110k" (human-number.ts).
    override: ({ zodSchema, jsonSchema }) => {
      const def = zodSchema._zod.def as { type: string; defaultValue?: unknown };
      // zod leaves out the default of a field whose input is transformed (a human number inside): it is plain data here.
      if (def.type === 'default' && !('default' in jsonSchema)) (jsonSchema as Record<string, unknown>).default = def.defaultValue;
      if (!isHumanNumber(zodSchema)) return;
      const replacement = humanNumberJsonSchema(zodSchema, { ...jsonSchema });
      for (const key of Object.keys(jsonSchema)) delete (jsonSchema as Record<string, unknown>)[key];
      Object.assign(jsonSchema, replacement);
    },
  }) as Record<string, unknown>;
  return { ...schema, title: 'arrcast scenario' };
}
