import { sql } from 'kysely';
import type { Caller } from '../caller.ts';
import type { Database } from '../db/connect.ts';
import type { Tx } from '../db/transaction.ts';
import type { MemoRow } from '../db/types.ts';
import { MAX_UPLOAD_BYTES } from '../../src/contract/uploads.ts';
import { ErrorCategory, ZuoraError, invalidValue, notFound, ruleViolation } from '../errors.ts';
import { recordEvent } from './history.ts';
import { newId } from './ids.ts';
import { resourceOf } from './memo-repo.ts';

// A memo's files: generated PDF versions and uploaded PDFs, one version sequence per memo.

export const MAX_UPLOADED_FILES = 50;
const PDF_MAGIC = Buffer.from('%PDF-');

export interface StoredFile {
  id: string;
  versionNumber: number;
}

/**
 * Stores a new version (max + 1). The caller holds the memo row `FOR UPDATE`, so two concurrent
 * generations of one memo get distinct version numbers.
 */
export async function storeMemoFile(
  tx: Tx,
  memo: MemoRow,
  file: { origin: 'Generated' | 'Uploaded'; fileName?: string; content: Uint8Array; contentType?: string },
  caller: Pick<Caller, 'userId'> | null,
): Promise<StoredFile> {
  const { max } = await tx
    .selectFrom('memo_files')
    .select(sql<number>`coalesce(max(version_number), 0)`.as('max'))
    .where('memo_id', '=', memo.id)
    .executeTakeFirstOrThrow();
  const versionNumber = Number(max) + 1;
  const id = newId();
  await tx
    .insertInto('memo_files')
    .values({
      id,
      memo_id: memo.id,
      version_number: versionNumber,
      origin: file.origin,
      file_name: file.fileName ?? `${memo.number}-v${versionNumber}.pdf`,
      content_type: file.contentType ?? 'application/pdf',
      size: file.content.byteLength,
      content: file.content,
      created_by_id: caller?.userId ?? null,
    })
    .execute();
  return { id, versionNumber };
}

/** The memo's files, newest version first (Zuora orders by versionNumber descending). */
export function listMemoFiles(db: Database, memoId: string, page: { offset: number; limit: number }) {
  return db
    .selectFrom('memo_files')
    .select(['id', 'version_number', 'origin', 'file_name', 'size', 'created_date'])
    .where('memo_id', '=', memoId)
    .orderBy('version_number', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
}

export async function findFile(db: Database, fileId: string) {
  const row = await db
    .selectFrom('memo_files')
    .innerJoin('memos', 'memos.id', 'memo_files.memo_id')
    .select([
      'memo_files.id',
      'memo_files.memo_id',
      'memo_files.file_name',
      'memo_files.content_type',
      'memo_files.content',
      'memo_files.size',
      'memos.kind',
    ])
    .where('memo_files.id', '=', fileId)
    .executeTakeFirst();
  if (!row) throw notFound('File', fileId);
  return row;
}

export interface Upload {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** Checks an upload against Zuora's rules (Draft or Posted memo, PDF only, ≤ 4 MB, ≤ 50 files) and stores it. */
export async function uploadMemoFile(tx: Tx, memo: MemoRow, upload: Upload, caller: Caller): Promise<StoredFile> {
  const resource = resourceOf(memo.kind);
  if (memo.status !== 'Draft' && memo.status !== 'Posted') {
    throw ruleViolation(
      `Files can only be uploaded to a Draft or Posted memo; ${memo.number} is ${memo.status}.`,
      resource,
    );
  }
  const type = upload.type.split(';')[0].trim().toLowerCase();
  const bytes = Buffer.from(upload.bytes.buffer, upload.bytes.byteOffset, upload.bytes.byteLength);
  if (type !== 'application/pdf' || !bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
    throw invalidValue(
      'Only PDF files can be uploaded: the file must be application/pdf and start with %PDF-.',
      resource,
    );
  }
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw invalidValue('The file is larger than 4 MB.', resource);
  if (bytes.byteLength === 0) throw invalidValue('The file is empty.', resource);
  const { n } = await tx
    .selectFrom('memo_files')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('memo_id', '=', memo.id)
    .where('origin', '=', 'Uploaded')
    .executeTakeFirstOrThrow();
  if (Number(n) >= MAX_UPLOADED_FILES) {
    throw new ZuoraError(ErrorCategory.BusinessRule, `A memo can hold at most ${MAX_UPLOADED_FILES} uploaded files.`, {
      resource,
    });
  }
  const stored = await storeMemoFile(
    tx,
    memo,
    { origin: 'Uploaded', fileName: safeFileName(upload.name, memo.number), content: bytes },
    caller,
  );
  await recordEvent(tx, memo.id, 'fileUploaded', caller, {
    fileId: stored.id,
    versionNumber: stored.versionNumber,
    fileName: safeFileName(upload.name, memo.number),
    size: bytes.byteLength,
  });
  return stored;
}

/** A file name safe to store and to put in Content-Disposition: no path, no control characters. */
export function safeFileName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  return clean || `${fallback}.pdf`;
}
