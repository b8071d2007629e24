import MoreVertIcon from '@mui/icons-material/MoreVert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useState, type MouseEvent } from 'react';
import type { MemoActionId } from './action-ids.ts';
import type { AvailableAction } from './available-actions.ts';
import { prefetchDialogs } from './dialog-registry.ts';

// The header's action area: the primary buttons of the memo's status, and a "More actions" menu with
// the rest. A disabled action stays visible and says why, in text (not only a tooltip), and stays
// focusable in the menu (aria-disabled) so a keyboard or screen-reader user can read the reason too.

export interface ActionsMenuProps {
  actions: readonly AvailableAction[];
  onAction: (id: MemoActionId) => void;
  /** Set while View PDF downloads, so the button shows progress and cannot be pressed twice. */
  busy?: MemoActionId | null;
}

export function ActionsMenu({ actions, onAction, busy }: ActionsMenuProps) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const buttonId = useId();
  const reasonsId = useId();
  const primary = actions.filter((a) => a.placement === 'primary' && a.relevant);
  const menuItems = actions.filter((a) => a.placement === 'menu');
  // Primary actions of other statuses go to the menu's end, disabled with their reason ("Cannot cancel:
  // the memo is Posted"), so "why can I not cancel?" has an answer on the page.
  const otherStatus = actions.filter((a) => a.placement === 'primary' && !a.relevant);
  const disabledPrimary = primary.filter((a) => !a.enabled);

  function openMenu(e: MouseEvent<HTMLElement>) {
    setAnchor(e.currentTarget);
    prefetchDialogs(menuItems.filter((a) => a.enabled).map((a) => a.id));
  }

  function choose(a: AvailableAction) {
    if (!a.enabled) return;
    setAnchor(null);
    onAction(a.id);
  }

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-end', gap: 0.5 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', justifyContent: 'flex-end' }}>
        {primary.map((a) => (
          <Button
            key={a.id}
            variant={a.id === 'post' ? 'contained' : 'outlined'}
            color={a.id === 'delete' || a.id === 'cancel' ? 'error' : 'primary'}
            disabled={!a.enabled || busy === a.id}
            aria-describedby={a.enabled ? undefined : reasonsId}
            onMouseEnter={() => a.enabled && prefetchDialogs([a.id])}
            onFocus={() => a.enabled && prefetchDialogs([a.id])}
            onClick={() => onAction(a.id)}
          >
            {busy === a.id ? `${a.label}…` : a.label}
          </Button>
        ))}
        <IconButton
          id={buttonId}
          aria-label="More actions"
          aria-haspopup="menu"
          aria-controls={anchor ? menuId : undefined}
          aria-expanded={anchor ? 'true' : undefined}
          onClick={openMenu}
        >
          <MoreVertIcon />
        </IconButton>
      </Stack>
      {disabledPrimary.length > 0 && (
        <Box id={reasonsId} sx={{ textAlign: 'right' }}>
          {disabledPrimary.map((a) => (
            <Typography key={a.id} variant="caption" component="p" color="text.secondary">
              {/* "Cannot view the PDF: …" names its action already; a permission reason needs the label. */}
              {a.reason?.startsWith('Cannot ') ? a.reason : `${a.label}: ${a.reason}`}
            </Typography>
          ))}
        </Box>
      )}
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={Boolean(anchor)}
        onClose={() => setAnchor(null)}
        // In place (not portalled to <body>), so the open menu stays inside the page's landmarks.
        disablePortal
        // Disabled items stay reachable by the arrow keys, so a keyboard user can read why.
        slotProps={{
          list: { 'aria-labelledby': buttonId, dense: true, disabledItemsFocusable: true, sx: { maxWidth: 380 } },
        }}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        {menuItems.map((a) => (
          <ActionMenuItem key={a.id} action={a} onChoose={choose} />
        ))}
        {otherStatus.length > 0 && <Divider />}
        {otherStatus.map((a) => (
          <ActionMenuItem key={a.id} action={a} onChoose={choose} />
        ))}
      </Menu>
    </Box>
  );
}

function ActionMenuItem({ action, onChoose }: { action: AvailableAction; onChoose: (a: AvailableAction) => void }) {
  const labelId = useId();
  const reasonId = useId();
  return (
    <MenuItem
      aria-disabled={action.enabled ? undefined : 'true'}
      aria-labelledby={labelId}
      aria-describedby={action.reason ? reasonId : undefined}
      onClick={() => onChoose(action)}
      sx={{
        alignItems: 'flex-start',
        whiteSpace: 'normal',
        ...(action.enabled ? {} : { cursor: 'default', '&:hover': { bgcolor: 'transparent' } }),
      }}
    >
      <ListItemText
        slotProps={{
          primary: { id: labelId, color: action.enabled ? 'text.primary' : 'text.secondary' },
          secondary: {
            id: reasonId,
            color: 'text.secondary',
            variant: 'caption',
            component: 'span',
            sx: { display: 'block', lineHeight: 1.4 },
          },
        }}
        primary={action.label}
        secondary={action.reason}
      />
    </MenuItem>
  );
}
