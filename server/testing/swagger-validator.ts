import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// A small validator for Zuora's Swagger 2.0 response schemas (shared/zuora-openapi/*.json), for the
// contract tests. It resolves `$ref`s and checks types, enums, maxLength, nested objects and arrays,
// and reports fields the spec does not define. Deliberate, documented leniencies (docs/zuora/api-digest.md §0, A17):
// - `null` is accepted for any field: v1 memo responses send explicit nulls although Swagger 2.0 cannot
//   say "nullable";
// - date-times are `yyyy-mm-dd hh:mm:ss` on the wire although the spec says `format: date-time`;
// - money typed `string` with format decimal/number (BigDecimal in Zuora's generator) arrives as a
//   JSON number, as real responses do.

export const SPEC_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'zuora-openapi');
export const specsAvailable = () => existsSync(SPEC_DIR);

type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  maxLength?: number;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
};

export interface Spec {
  definitions: Record<string, Schema>;
  paths: Record<string, Record<string, { responses: Record<string, { schema?: Schema }> }>>;
}

const cache = new Map<string, Spec>();
export function loadSpec(file: string): Spec {
  if (!cache.has(file)) cache.set(file, JSON.parse(readFileSync(join(SPEC_DIR, file), 'utf8')) as Spec);
  return cache.get(file)!;
}

export function responseSchema(spec: Spec, path: string, method: string, status = '200'): Schema {
  const op = spec.paths[path]?.[method.toLowerCase()];
  const schema = op?.responses[status]?.schema;
  if (!schema) throw new Error(`spec has no ${status} response schema for ${method} ${path}`);
  return schema;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}/;

function resolve(spec: Spec, s: Schema): Schema {
  let out = s;
  for (let i = 0; out.$ref && i < 20; i++) out = spec.definitions[out.$ref.split('/').pop()!];
  return out;
}

/** Properties of an object schema, merging allOf parts. */
function propertiesOf(spec: Spec, s: Schema): Record<string, Schema> | undefined {
  const r = resolve(spec, s);
  if (r.allOf) return Object.assign({}, ...r.allOf.map((p) => propertiesOf(spec, p) ?? {}));
  return r.properties;
}

export function validate(spec: Spec, value: unknown, schema: Schema, path = '$'): string[] {
  const s = resolve(spec, schema);
  if (value === null) return [];
  const props = propertiesOf(spec, s);
  const type = s.type ?? (props ? 'object' : undefined);
  const errors: string[] = [];
  switch (type) {
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value))
        return [`${path}: expected object, got ${JSON.stringify(value)}`];
      if (!props) return [];
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (props[k]) errors.push(...validate(spec, v, props[k], `${path}.${k}`));
        else if (!/__(c|NS)$/.test(k) && s.additionalProperties !== true) errors.push(`${path}.${k}: not in the spec`);
      }
      return errors;
    }
    case 'array':
      if (!Array.isArray(value)) return [`${path}: expected array`];
      return value.flatMap((v, i) => (s.items ? validate(spec, v, s.items, `${path}[${i}]`) : []));
    case 'string':
      if (typeof value === 'number' && (s.format === 'decimal' || s.format === 'number' || s.format === 'double'))
        return [];
      if (typeof value !== 'string') return [`${path}: expected string, got ${JSON.stringify(value)}`];
      if (s.format === 'date' && !DATE.test(value)) errors.push(`${path}: not a date: ${value}`);
      if (s.format === 'date-time' && !DATETIME.test(value)) errors.push(`${path}: not a date-time: ${value}`);
      if (s.maxLength !== undefined && value.length > s.maxLength) errors.push(`${path}: longer than ${s.maxLength}`);
      break;
    case 'number':
    case 'integer':
      if (typeof value !== 'number') return [`${path}: expected number, got ${JSON.stringify(value)}`];
      if (type === 'integer' && !Number.isInteger(value)) errors.push(`${path}: expected integer`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return [`${path}: expected boolean, got ${JSON.stringify(value)}`];
      break;
  }
  if (s.enum && !s.enum.includes(value))
    errors.push(`${path}: ${JSON.stringify(value)} not in ${JSON.stringify(s.enum)}`);
  return errors;
}
