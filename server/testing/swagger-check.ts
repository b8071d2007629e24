import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// A small Swagger 2 response checker for contract tests: resolves $ref and checks types, properties,
// items and required fields of the sandbox's real responses against Zuora's published spec.

export const OPENAPI_DIR = join(import.meta.dirname, '../../../shared/zuora-openapi');
export const haveOpenApi = () => existsSync(OPENAPI_DIR);

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
  allOf?: Schema[];
};
type Spec = {
  paths: Record<string, Record<string, { responses?: Record<string, { schema?: Schema }> }>>;
  definitions: Record<string, Schema>;
};

export function loadSpec(file: string): Spec {
  return JSON.parse(readFileSync(join(OPENAPI_DIR, file), 'utf8')) as Spec;
}

/** Problems of `value` against the 200 response of `method path` (empty when it conforms). */
export function checkResponse(spec: Spec, method: string, path: string, value: unknown): string[] {
  const schema = spec.paths[path]?.[method.toLowerCase()]?.responses?.['200']?.schema;
  if (!schema) return [`no 200 schema for ${method} ${path}`];
  const problems: string[] = [];
  check(spec, schema, value, '$', problems);
  return problems;
}

function check(spec: Spec, schema: Schema, value: unknown, at: string, problems: string[]): void {
  if (schema.$ref) return check(spec, spec.definitions[schema.$ref.replace('#/definitions/', '')], value, at, problems);
  for (const part of schema.allOf ?? []) check(spec, part, value, at, problems);
  if (value === null || value === undefined) return; // Zuora marks almost nothing required; nulls are common
  const t = schema.type;
  const actual = Array.isArray(value) ? 'array' : typeof value;
  if (t === 'integer' ? !Number.isInteger(value) : t && !(t === actual || (t === 'number' && actual === 'number'))) {
    problems.push(`${at}: expected ${t}, got ${actual}`);
    return;
  }
  if (actual === 'object' && schema.properties) {
    const obj = value as Record<string, unknown>;
    for (const r of schema.required ?? []) if (!(r in obj)) problems.push(`${at}.${r}: required`);
    for (const [k, sub] of Object.entries(schema.properties))
      if (k in obj) check(spec, sub, obj[k], `${at}.${k}`, problems);
  }
  if (actual === 'array' && schema.items)
    (value as unknown[]).forEach((v, i) => check(spec, schema.items!, v, `${at}[${i}]`, problems));
}
