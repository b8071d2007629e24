import { expect } from 'vitest';
import type { Database } from '../db/connect.ts';
import { auditInvariants } from '../domain/invariants.ts';
import { snapshot } from './settlement-fixtures.ts';

// Assertions shared by the settlement tests: Zuora's error category, "nothing changed", invariants.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function expectCategory(res: { status: number; body: any }, category: number, message?: RegExp): void {
  expect(res.body?.success, JSON.stringify(res.body)).toBe(false);
  expect(res.body.reasons[0].code % 100, JSON.stringify(res.body)).toBe(category);
  expect(res.status).toBeGreaterThanOrEqual(400);
  if (message) expect(res.body.reasons[0].message).toMatch(message);
}

export async function expectInvariants(db: Database): Promise<void> {
  expect(await auditInvariants(db)).toEqual([]);
}

/** Runs a refused call and proves the whole database is as it was, and still consistent. */
export async function expectRefusedUnchanged(
  db: Database,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call: () => Promise<{ status: number; body: any }>,
  category: number,
  message?: RegExp,
): Promise<void> {
  const before = await snapshot(db);
  expectCategory(await call(), category, message);
  expect(await snapshot(db)).toBe(before);
  await expectInvariants(db);
}
