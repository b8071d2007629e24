import { queryOptions, useQuery } from '@tanstack/react-query';
import { zuoraRequest, zuoraRequestRaw } from '../client.ts';
import { creditMemoFileListSchema, debitMemoFileListSchema, type MemoFile } from '../../contract/memos.ts';
import { memoKeys } from './keys.ts';
import { regenerateMemoPdf } from './lifecycle-mutations.ts';
import { memoApiBase } from './kind.ts';
import { type MemoKind } from '../../lib/memo-kind.ts';
import { fetchAllPages, MAX_PAGE_SIZE } from '../paging.ts';

// A memo's PDF versions (docs/zuora/api-digest.md §4.19, §6.20), newest first as Zuora lists them. The file itself
// downloads from `pdfFileUrl` with the bearer token, so it is fetched as a blob, not linked.

export async function fetchMemoFiles(kind: MemoKind, id: string, signal?: AbortSignal): Promise<MemoFile[]> {
  const path = `${memoApiBase(kind)}/${encodeURIComponent(id)}/files`;
  const files = await fetchAllPages((page) =>
    kind === 'CreditMemo'
      ? zuoraRequest(path, { schema: creditMemoFileListSchema, query: { page, pageSize: MAX_PAGE_SIZE }, signal }).then(
          (r) => ({ rows: r.creditMemoFiles, nextPage: r.nextPage }),
        )
      : zuoraRequest(path, { schema: debitMemoFileListSchema, query: { page, pageSize: MAX_PAGE_SIZE }, signal }).then(
          (r) => ({ rows: r.debitMemoFiles, nextPage: r.nextPage }),
        ),
  );
  // Zuora promises newest first; sort anyway so a proxy answering in another order shows the same.
  return [...files].sort((a, b) => (b.versionNumber ?? 0) - (a.versionNumber ?? 0));
}

export const memoFilesQuery = (kind: MemoKind, id: string) =>
  queryOptions({ queryKey: memoKeys.files(kind, id), queryFn: ({ signal }) => fetchMemoFiles(kind, id, signal) });

export const useMemoFiles = (kind: MemoKind, id: string) => useQuery(memoFilesQuery(kind, id));

/** The file at `pdfFileUrl` (e.g. `/v1/files/<id>`) as a Blob, with the session's bearer token. */
export async function downloadMemoFile(pdfFileUrl: string): Promise<Blob> {
  const res = await zuoraRequestRaw(pdfFileUrl, { method: 'GET' });
  return res.blob();
}

/**
 * Opens a file in a new tab through an object URL (revoked once the tab had time to load it). The URL
 * may still be on its way (a PDF being generated): the tab opens at once either way.
 */
export async function openMemoFile(pdfFileUrl: string | Promise<string>): Promise<void> {
  // Open the tab synchronously (inside the click) so pop-up blockers allow it, then point it at the blob.
  const tab = window.open('', '_blank');
  try {
    const blob = await downloadMemoFile(await pdfFileUrl);
    const url = URL.createObjectURL(blob);
    if (tab) tab.location.href = url;
    else window.location.assign(url);
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (e) {
    tab?.close();
    throw e;
  }
}

/**
 * Generates a memo's first PDF and answers its file URL. The sandbox renders before it answers; a real
 * tenant renders asynchronously, so the files list is polled for a while (BILLDOC: generation is async).
 */
export async function generateFirstMemoPdf(kind: MemoKind, id: string, tries = 10, waitMs = 1_000): Promise<string> {
  await regenerateMemoPdf(kind, id);
  for (let i = 0; i < tries; i++) {
    const latest = (await fetchMemoFiles(kind, id))[0];
    if (latest) return latest.pdfFileUrl;
    await new Promise((r) => setTimeout(r, waitMs));
  }
  throw new Error('The PDF is still being generated. Try View PDF again in a moment.');
}
