import type { QueryClient } from '@tanstack/react-query';
import { healthQuery, healthSchema } from '../api/sandbox.ts';
import { HEALTH_META } from '../contract/served-page.ts';

/**
 * Puts the server's /healthz answer, written into index.html by the server, in the query cache: the
 * list's first request, which depends on the mode, need not wait for a /healthz round trip. Without
 * the element (Vite's dev server, a host page) or with one that does not parse, /healthz is asked as before.
 */
export function seedServerHealth(queryClient: QueryClient, doc: Pick<Document, 'querySelector'> = document): boolean {
  const content = doc.querySelector(`meta[name="${HEALTH_META}"]`)?.getAttribute('content');
  if (!content) return false;
  let parsed;
  try {
    parsed = healthSchema.safeParse(JSON.parse(content));
  } catch {
    return false;
  }
  if (!parsed.success) return false;
  queryClient.setQueryData(healthQuery.queryKey, parsed.data);
  return true;
}
