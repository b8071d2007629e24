import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { memoKindLabel, type MemoKind } from '../lib/memo-kind.ts';
import { memoRouteBase } from '../lib/memo-routes.ts';
import { permissionReason, type Permission } from '../contract/permissions.ts';
import { useSession } from '../api/session.tsx';

/**
 * A page that needs a permission, opened by a user without it (a bookmarked or shared URL): the reason
 * on arrival, in the words the disabled buttons use, instead of a form that is refused only on Save.
 */
export function RequirePermission({
  kind,
  permission,
  doing,
  children,
}: {
  kind: MemoKind;
  permission: Permission;
  /** What the page is for, e.g. "create" → "You cannot create debit memos". */
  doing: string;
  children: ReactNode;
}) {
  const { permissions } = useSession();
  if (permissions.has(permission)) return children;
  const plural = `${memoKindLabel(kind).toLowerCase()}s`;
  return (
    <>
      <Typography variant="h1" gutterBottom>
        {`${doing[0].toUpperCase()}${doing.slice(1)} ${memoKindLabel(kind)}s`}
      </Typography>
      <Alert severity="warning" sx={{ mb: 2 }}>
        <AlertTitle>{`You cannot ${doing} ${plural}`}</AlertTitle>
        {permissionReason(permission)}. Ask an administrator for it, or go back to the list.
      </Alert>
      <Link component={RouterLink} to={memoRouteBase(kind)}>
        Go to {plural}
      </Link>
    </>
  );
}
