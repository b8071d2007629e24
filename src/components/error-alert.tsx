import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { ZuoraApiError } from '../lib/zuora-error.ts';

/** Shows Zuora's reasons (message and code) of a failed request, with an optional retry. */
export function ErrorAlert({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  if (!error) return null;
  const reasons =
    error instanceof ZuoraApiError
      ? error.reasons
      : [{ code: 0, message: error instanceof Error ? error.message : String(error) }];
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            Retry
          </Button>
        ) : undefined
      }
    >
      {title && <AlertTitle>{title}</AlertTitle>}
      {reasons.map((r, i) => (
        <div key={i}>
          {r.message}
          {r.code ? <span style={{ opacity: 0.75 }}> (code {r.code})</span> : null}
        </div>
      ))}
    </Alert>
  );
}
