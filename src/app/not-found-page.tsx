import { Link as RouterLink } from 'react-router';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';

export function NotFoundPage() {
  return (
    <>
      <Typography variant="h1" gutterBottom>
        Page not found
      </Typography>
      <Link component={RouterLink} to="/credit-memos">
        Go to Credit and Debit Memos
      </Link>
    </>
  );
}
