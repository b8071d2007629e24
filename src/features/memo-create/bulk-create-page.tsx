import { useRef } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import UploadFile from '@mui/icons-material/UploadFile';
import { memoRouteBase } from '../../lib/memo-routes.ts';
import { memoKindLabel, type MemoKind } from '../../lib/memo-kind.ts';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BulkMemoTable } from './bulk/bulk-memo-table.tsx';
import { CsvFormatHelp } from './bulk/csv-format-help.tsx';
import { useBulkUpload } from './bulk/use-bulk-upload.ts';
import { FormSection } from './form-section.tsx';
import { visuallyHidden } from '../../components/visually-hidden.ts';

/** Bulk create (beyond Zuora's UI): standalone memos from a CSV file, sent through the bulk endpoint. */
/** The route table says which kind the page is for. */
export default function BulkCreatePage({ kind }: { kind: MemoKind }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const { state, error, load, send, reset } = useBulkUpload(kind);
  const label = memoKindLabel(kind);
  const plural = `${label.toLowerCase()}s`;
  const hasFile = state.step === 'preview' || state.step === 'sending' || state.step === 'done';
  const ready = hasFile ? state.memos.filter((m) => m.body).length : 0;
  const orphanRows = hasFile ? state.rows.filter((r) => !r.memoRef) : [];
  const existing = hasFile ? state.outcomes.filter((o) => o.state === 'created' && o.earlier).length : 0;
  const created = hasFile ? state.outcomes.filter((o) => o.state === 'created' && !o.earlier).length : 0;
  const fresh = ready - (state.step === 'preview' ? existing : 0);
  const failed = hasFile ? state.outcomes.filter((o) => o.state === 'failed').length : 0;

  return (
    <Box>
      <Typography variant="h1" gutterBottom>
        Bulk Create {label}s
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Upload a CSV file of standalone {plural}. Every row is checked in the browser first; each valid memo is sent on
        its own, and a memo that fails does not stop the others. Uploading the file again, as it was or with bad rows
        fixed, does not create a memo twice.
      </Typography>
      <FormSection id="upload-title" title="Upload">
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button
            variant="contained"
            startIcon={<UploadFile />}
            onClick={() => fileInput.current?.click()}
            disabled={state.step === 'sending' || state.step === 'reading'}
          >
            Choose CSV file
          </Button>
          {/* The button opens the picker; the input stays out of the tab order but keeps its label. */}
          <Box
            component="input"
            ref={fileInput}
            type="file"
            tabIndex={-1}
            aria-label="CSV file"
            accept=".csv,text/csv"
            sx={visuallyHidden}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void load(file);
            }}
          />
          {'fileName' in state && <Typography>{state.fileName}</Typography>}
        </Box>
        {state.step === 'reading' && <LinearProgress aria-label="Reading the file" sx={{ mt: 2 }} />}
        <Box sx={{ mt: 2 }}>
          <ErrorAlert error={error} title="The file could not be checked" />
        </Box>
        {state.step === 'refused' && (
          <Alert severity="error" sx={{ mt: 2 }}>
            <AlertTitle>The file was not read</AlertTitle>
            {state.errors.map((e) => (
              <div key={e}>{e}</div>
            ))}
          </Alert>
        )}
      </FormSection>
      {hasFile && (
        <FormSection id="preview-title" title={state.step === 'preview' ? 'Preview' : 'Outcome'}>
          <Box role="status" aria-live="polite" sx={{ mb: 2 }}>
            <Alert severity={state.step === 'done' && (failed > 0 || ready < state.memos.length) ? 'warning' : 'info'}>
              {state.step === 'preview' &&
                `${state.rows.length} rows, ${state.memos.length} memos: ${fresh} new, ${existing} already created by an earlier upload, ${state.memos.length - ready} with errors.`}
              {state.step === 'sending' && `Sending… ${state.outcomes.length} of ${ready} done.`}
              {state.step === 'done' &&
                `${created} created, ${existing} already existed, ${failed} failed, ${state.memos.length - ready} not sent because of errors in the file.`}
            </Alert>
          </Box>
          {state.step === 'sending' && (
            <LinearProgress
              variant="determinate"
              value={(100 * state.outcomes.length) / Math.max(ready, 1)}
              aria-label="Sending progress"
              sx={{ mb: 2 }}
            />
          )}
          {orphanRows.length > 0 && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {orphanRows.map((r) => (
                <div key={r.line}>
                  Line {r.line}: {r.errors.join(' ')}
                </div>
              ))}
            </Alert>
          )}
          <BulkMemoTable kind={kind} memos={state.memos} outcomes={state.outcomes} sent={state.step !== 'preview'} />
          <Box sx={{ display: 'flex', gap: 2, justifyContent: 'flex-end', mt: 2 }}>
            {state.step === 'done' ? (
              <>
                <Button onClick={reset}>Upload another file</Button>
                <Button variant="contained" onClick={() => void navigate(memoRouteBase(kind))}>
                  Go to {plural}
                </Button>
              </>
            ) : (
              <>
                <Button onClick={reset} disabled={state.step === 'sending'}>
                  Cancel
                </Button>
                <Button
                  variant="contained"
                  onClick={() => void send()}
                  disabled={fresh === 0 || state.step === 'sending'}
                >
                  Create {fresh} {fresh === 1 ? label.toLowerCase() : plural}
                </Button>
              </>
            )}
          </Box>
        </FormSection>
      )}
      <FormSection id="format-title" title="CSV format">
        <CsvFormatHelp kind={kind} />
      </FormSection>
    </Box>
  );
}
