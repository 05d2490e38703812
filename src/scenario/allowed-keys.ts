import { scenarioJsonSchema } from './json-schema.js';
import { ownValue } from './own-key.js';

type JsonSchema = Record<string, unknown>;

let root: JsonSchema | undefined;

/**
 * The keys a scenario takes at a path of its data, for a message about an unknown key there: the
 * properties of the scenario's JSON Schema at that place (`tiers[0]`: name, existing, newBusiness,
 * ...). A place that may be one of several mappings (a distribution) is the one the data names by
 * its `dist`; undefined where that cannot be told, or where the schema has no mapping.
 *
 * @example allowedKeys({ tiers: [{ name: 'SMB' }] }, ['tiers', 0]) // => ['name', 'existing', 'newBusiness', ...]
 * Complexity: O(path length x union branches); the JSON Schema is built once, on first use.
 */
export function allowedKeys(data: unknown, path: ReadonlyArray<string | number>): string[] | undefined {
  root ??= scenarioJsonSchema();
  const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
  let schema: JsonSchema | undefined = root;
  let value: unknown = data;
  for (const part of path) {
    schema = objectBranch(schema, value, defs);
    if (schema === undefined) return undefined;
    if (typeof part === 'number') schema = schema.items as JsonSchema | undefined;
    else schema = ownValue((schema.properties ?? {}) as Record<string, JsonSchema>, part);
    value = typeof part === 'number' ? (Array.isArray(value) ? value[part] : undefined) : value !== null && typeof value === 'object' && !Array.isArray(value) ? ownValue(value as Record<string, unknown>, part) : undefined;
    if (schema === undefined) return undefined;
  }
  const here = objectBranch(schema, value, defs);
  const keys = here?.properties ? Object.keys(here.properties as object).filter((k) => !k.startsWith('$')) : [];
  return keys.length > 0 ? keys : undefined;
}

/** The schema itself, `$ref` resolved; of a union, the one branch the value fits (by `dist`, or the only mapping or list). */
function objectBranch(schema: JsonSchema | undefined, value: unknown, defs: Record<string, JsonSchema>): JsonSchema | undefined {
  const resolved = resolve(schema, defs);
  if (resolved === undefined) return undefined;
  const branches = (resolved.anyOf ?? resolved.oneOf) as JsonSchema[] | undefined;
  if (branches === undefined) return resolved;
  const options = branches.map((b) => objectBranch(b, value, defs)).filter((b): b is JsonSchema => b !== undefined && (b.type === 'object' || b.type === 'array'));
  const dist = value !== null && typeof value === 'object' ? (value as { dist?: unknown }).dist : undefined;
  if (typeof dist === 'string') {
    const named = options.filter((b) => (b.properties as { dist?: { const?: unknown; enum?: unknown[] } } | undefined)?.dist?.const === dist || (b.properties as { dist?: { enum?: unknown[] } } | undefined)?.dist?.enum?.includes(dist));
    if (named.length === 1) return named[0];
  }
  const shaped = options.filter((b) => b.type === (Array.isArray(value) ? 'array' : 'object'));
  return shaped.length === 1 ? shaped[0] : undefined;
}

function resolve(schema: JsonSchema | undefined, defs: Record<string, JsonSchema>): JsonSchema | undefined {
  let s = schema;
  for (let hops = 0; s !== undefined && typeof s.$ref === 'string' && hops < 16; hops++) {
    const name = /^#\/\$defs\/(.+)$/.exec(s.$ref as string)?.[1];
    s = name === undefined ? undefined : ownValue(defs, name);
  }
  return s;
}
