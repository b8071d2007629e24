import type { z } from 'zod';
import { CUSTOM_FIELD_RE } from '../src/contract/memo-requests.ts';
import type { AppContext } from './context.ts';
import { ErrorCategory, ZuoraError } from './errors.ts';

// Request bodies are validated with the contract's zod schemas (strict objects). A zod issue maps to
// Zuora's categories: unknown field 21, missing field 22, anything else invalid value 20; bad JSON 90.

/** Separates custom fields (`name__c`, NetSuite `name__NS`) from the standard body fields. */
export function splitCustomFields(body: unknown): { standard: unknown; custom: Record<string, unknown> } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { standard: body, custom: {} };
  const standard: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) (CUSTOM_FIELD_RE.test(k) ? custom : standard)[k] = v;
  return { standard, custom };
}

function pathOf(path: PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}

export function zodToZuora(error: z.ZodError, resource?: number): ZuoraError {
  const reasons = error.issues.slice(0, 10).map((issue) => {
    const field = pathOf(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => (field ? `${field}.${k}` : k)).join(', ');
      return { category: ErrorCategory.UnknownField, message: `Unknown field(s) in request: ${keys}` };
    }
    // A missing enum field is an invalid_value issue without input.
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) {
      return { category: ErrorCategory.MissingField, message: `'${field}' is required.` };
    }
    return { category: ErrorCategory.InvalidValue, message: field ? `'${field}': ${issue.message}` : issue.message };
  });
  const [first, ...rest] = reasons;
  const base = (resource ?? 500000) * 100;
  return new ZuoraError(first.category, first.message, {
    resource,
    more: rest.map((r) => ({ code: base + r.category, message: r.message })),
  });
}

/** The request's JSON body: empty → `{}`, malformed → category 90. The one body reader of the routes. */
export async function readJsonBody(c: AppContext, resource?: number): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ZuoraError(ErrorCategory.Malformed, 'Malformed JSON request body.', { resource });
  }
}

/** Reads the JSON body and parses it with a strict schema. */
export async function parseBody<T extends z.ZodType>(c: AppContext, schema: T, resource?: number): Promise<z.infer<T>> {
  return parseValue(schema, await readJsonBody(c, resource), resource);
}

export function parseValue<T extends z.ZodType>(schema: T, value: unknown, resource?: number): z.infer<T> {
  // reportInput: a missing field has no `input` (category 22); a wrong-typed one keeps it (category 20).
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw zodToZuora(result.error, resource);
  return result.data;
}
