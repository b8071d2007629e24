import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { Link as RouterLink } from 'react-router';

/** What the snackbar says after an action, with a link to any document it created. */
export interface ActionNotice {
  message: string;
  /** SPA path of a created or affected document, e.g. the debit memo a write-off created. */
  link?: { to: string; label: string };
}

/** The confirmation after an action, with a link to the document it created when there is one. */
export function ActionSnackbar({ notice, onClose }: { notice: ActionNotice | null; onClose: () => void }) {
  return (
    <Snackbar
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
