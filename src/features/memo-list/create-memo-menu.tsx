import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import ArrowDropDown from '@mui/icons-material/ArrowDropDown';
import { memoRouteBase } from '../../lib/memo-routes.ts';
import { memoKindLabel, type MemoKind } from '../../lib/memo-kind.ts';

/** "Create Credit Memo" / "Create Debit Memo" with From Invoice, Standalone and Bulk upload. */
export function CreateMemoMenu({ kind, disabledReason }: { kind: MemoKind; disabledReason?: string }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const base = memoRouteBase(kind);
  const label = `Create ${memoKindLabel(kind)}`;
  const menuId = `create-${kind}-menu`;
  const reasonId = `create-${kind}-reason`;
  return (
    <>
      <Button
        variant="contained"
        endIcon={<ArrowDropDown />}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : 'false'}
        disabled={Boolean(disabledReason)}
        aria-describedby={disabledReason ? reasonId : undefined}
        onClick={(e) => setAnchor(e.currentTarget)}
      >
        {label}
      </Button>
      {/* A disabled button shows no tooltip: the reason is written out, as on the detail page. */}
      {disabledReason && (
        <Typography
          id={reasonId}
          variant="caption"
          color="text.secondary"
          sx={{ flexBasis: '100%', textAlign: 'right' }}
        >
          {disabledReason}
        </Typography>
      )}
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem component={RouterLink} to={`${base}/new/from-invoice`} onClick={() => setAnchor(null)}>
          From Invoice
        </MenuItem>
        <MenuItem component={RouterLink} to={`${base}/new/standalone`} onClick={() => setAnchor(null)}>
          Standalone
        </MenuItem>
        <MenuItem component={RouterLink} to={`${base}/new/bulk`} onClick={() => setAnchor(null)}>
          Bulk upload
        </MenuItem>
      </Menu>
    </>
  );
}
