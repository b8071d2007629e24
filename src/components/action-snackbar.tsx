import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';

/** What the snackbar says after an action, with a link to any document it created. */
export interface ActionNotice {
  message: string;
  /** SPA path of a created or affected document, e.g. the debit memo a write-off created. */
  link?: { to: string; label: string };
}

/** The confirmation after an action, with a link to the document it created when there is one. */
export function ActionSnackbar({ notice, onClose }: { notice: ActionNotice | null; onClose: () => void }) {
  // A new notice while one is shown (Post, then Apply at once) gets a Snackbar of its own, and with it its own
  // eight seconds: the same Snackbar would keep the old notice's timer and hide the new one almost at once.
  const [shown, setShown] = useState({ notice, n: 0 });
  if (notice !== shown.notice) setShown({ notice, n: notice ? shown.n + 1 : shown.n });
  return (
    <Snackbar
      key={shown.n}
      open={Boolean(notice)}
      onClose={(_, reason) => reason !== 'clickaway' && onClose()}
      autoHideDuration={8000}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert
        severity="success"
        variant="filled"
        onClose={onClose}
        action={
          notice?.link ? (
            <Button component={RouterLink} to={notice.link.to} color="inherit" size="small" onClick={onClose}>
              Open {notice.link.label}
            </Button>
          ) : undefined
        }
        sx={{ alignItems: 'center' }}
      >
        {notice?.message}
      </Alert>
    </Snackbar>
  );
}
