import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { openMemoFile } from '../../api/memos/files.ts';
import type { MemoFile } from '../../contract/memos.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { EmptyNote, SectionCard } from './section-card.tsx';

/** PDF versions, newest first (generated and uploaded), each opened with the session's token. */
export function FilesSection({
  files,
  uploaded,
}: {
  files: UseQueryResult<MemoFile[]>;
  uploaded: Map<string, string>;
}) {
  const [error, setError] = useState<unknown>(null);
  const [opening, setOpening] = useState<string | null>(null);

  async function open(f: MemoFile) {
    setError(null);
    setOpening(f.id);
    try {
      await openMemoFile(f.pdfFileUrl);
    } catch (e) {
      setError(e);
    } finally {
      setOpening(null);
    }
  }

  const list = files.data ?? [];
  return (
    <SectionCard title="Files">
      {files.isPending && <LinearProgress aria-label="Loading files" />}
      {files.isError && <ErrorAlert error={files.error} onRetry={() => void files.refetch()} />}
      {error ? <ErrorAlert error={error} title="The file could not be opened" /> : null}
      {files.isSuccess && list.length === 0 && <EmptyNote>No PDF has been generated or uploaded yet.</EmptyNote>}
      {list.length > 0 && (
        <Table size="small" aria-label="PDF versions, newest first">
          <TableHead>
            <TableRow>
              <TableCell>Version</TableCell>
              <TableCell>Origin</TableCell>
              <TableCell align="right">File</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {list.map((f) => {
              const name = uploaded.get(f.id);
              return (
                <TableRow key={f.id}>
                  <TableCell>Version {f.versionNumber}</TableCell>
                  <TableCell>{name !== undefined ? `Uploaded${name ? `: ${name}` : ''}` : 'Generated'}</TableCell>
                  <TableCell align="right">
                    <Button
                      size="small"
                      onClick={() => void open(f)}
                      disabled={opening === f.id}
                      aria-label={`Download version ${f.versionNumber}`}
                    >
                      {opening === f.id ? 'Opening…' : 'Download'}
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </SectionCard>
  );
}
