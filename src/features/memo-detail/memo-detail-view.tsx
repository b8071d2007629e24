import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useAccountDetail } from '../../api/account-detail.ts';
import { useMemoApplications } from '../../api/memos/applications.ts';
import { generateFirstMemoPdf, openMemoFile, useMemoFiles } from '../../api/memos/files.ts';
import { invalidateMemoEffects } from '../../api/memos/invalidate.ts';
import { useMemoHistory } from '../../api/memos/history.ts';
import { useMemoItems } from '../../api/memos/items.ts';
import { useSession } from '../../api/session.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { type MemoActionId, ActionsMenu, actionOf, availableActions } from '../memo-actions/index.ts';
import { type MemoOfKind } from '../../api/memos/detail.ts';
import type { ActionNotice } from '../../components/action-snackbar.tsx';
import { ActionDialogHost } from './action-dialog-host.tsx';
import { ActionSnackbar } from '../../components/action-snackbar.tsx';
import { ApplicationsSection } from './applications-section.tsx';
import { BasicInformationSection } from './basic-information-section.tsx';
import { FilesSection } from './files-section.tsx';
import { HistorySection } from './history-section.tsx';
import { createdByWriteOff, uploadedFiles } from './history-events.ts';
import { ItemsSection } from './items-section.tsx';
import { MemoHeader } from './memo-header.tsx';
import { useActionUrl } from './use-action-url.ts';
import { useLinkedDocuments } from './use-linked-documents.ts';

/** The loaded memo: header with actions, the five sections, the open dialog and the snackbar. */
export function MemoDetailView({ memo }: { memo: MemoOfKind }) {
  const { kind } = memo;
  const id = memo.memo.id;
  const { permissions } = useSession();
  const qc = useQueryClient();
  const account = useAccountDetail(memo.memo.accountId);
  const items = useMemoItems(kind, id);
  const applications = useMemoApplications(kind, id);
  const files = useMemoFiles(kind, id);
  const history = useMemoHistory(kind, id);
  const linked = useLinkedDocuments(applications.data, history.data);
  const { action, params, open, close } = useActionUrl();
  const [notice, setNotice] = useState<ActionNotice | null>(null);
  const [busy, setBusy] = useState<MemoActionId | null>(null);
  const [pdfError, setPdfError] = useState<unknown>(null);

  const actions = availableActions(memo, permissions, {
    linkedDocuments: linked.linkedNumbers,
    itemCount: items.data?.items.length,
    hasPdf: (files.data?.length ?? 0) > 0,
    createdByWriteOff: createdByWriteOff(history.data),
  });

  async function viewPdf() {
    const latest = files.data?.[0];
    const existing =
      latest?.pdfFileUrl ?? (memo.memo.latestPDFFileId ? `/v1/files/${memo.memo.latestPDFFileId}` : null);
    setBusy('viewPdf');
    setPdfError(null);
    try {
      // No PDF yet (the action is only enabled for a user who may generate one): generate it first.
      await openMemoFile(existing ?? generateFirstMemoPdf(kind, id));
      if (!existing) await invalidateMemoEffects(qc, { operation: 'regeneratePdf', kind, id });
    } catch (e) {
      setPdfError(e);
    } finally {
      setBusy(null);
    }
  }

  function onAction(actionId: MemoActionId) {
    if (actionId === 'viewPdf') void viewPdf();
    else open(actionId);
  }

  return (
    <Stack spacing={2}>
      <MemoHeader
        memo={memo}
        account={account.data}
        actions={<ActionsMenu actions={actions} onAction={onAction} busy={busy} />}
      />
      {pdfError ? <ErrorAlert error={pdfError} title="The PDF could not be opened" /> : null}
      <BasicInformationSection
        memo={memo}
        account={account.data}
        edit={actionOf(actions, 'edit')}
        onEdit={() => open('edit')}
      />
      <ItemsSection
        memo={memo}
        items={items}
        editItem={actionOf(actions, 'editItem')}
        onEditItem={(itemId) => open('editItem', { itemId })}
      />
      <ApplicationsSection memo={memo} applications={applications} rows={linked.rows} />
      <FilesSection files={files} uploaded={uploadedFiles(history.data)} />
      <HistorySection memo={memo} history={history} numbers={linked.numbers} />
      <ActionDialogHost
        memo={memo}
        action={action}
        actions={actions}
        params={params}
        onClose={close}
        onSuccess={(n) => {
          close();
          setNotice(n);
        }}
      />
      <ActionSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Stack>
  );
}
