import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import AccountCircle from '@mui/icons-material/AccountCircle';
import { demoUsersQuery, fetchDemoToken, healthQuery } from '../api/sandbox.ts';
import { useSession } from '../api/session.tsx';

/** The signed-in user, and "Sign in as…" another demo user: what the page offers follows the new permissions. */
export function UserMenu() {
  const { user, signIn, signOut } = useSession();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // Demo users exist only in the sandbox; against a real tenant the menu only signs out.
  const sandbox = useQuery(healthQuery).data?.mode === 'sandbox';
  const users = useQuery({ ...demoUsersQuery, enabled: anchor !== null && sandbox });

  async function switchTo(id: string) {
    setAnchor(null);
    const target = users.data?.find((u) => u.id === id);
    if (!target) return;
    const token = await fetchDemoToken(id);
    signIn({ id: target.id, name: target.name, role: target.role }, token);
    await queryClient.resetQueries();
  }

  return (
    <>
      <Button
        color="inherit"
        startIcon={<AccountCircle />}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : 'false'}
        onClick={(e) => setAnchor(e.currentTarget)}
      >
        {user ? `${user.name} (${user.role})` : 'Not signed in'}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {sandbox && <ListSubheader>Sign in as…</ListSubheader>}
        {sandbox && users.isPending && <MenuItem disabled>Loading users…</MenuItem>}
        {users.data?.map((u) => (
          <MenuItem key={u.id} selected={u.id === user?.id} onClick={() => void switchTo(u.id)}>
            <ListItemText primary={u.name} secondary={u.role} />
          </MenuItem>
        ))}
        {sandbox && <Divider />}
        <MenuItem
          onClick={() => {
            setAnchor(null);
            signOut();
            queryClient.clear();
            void navigate('/sign-in');
          }}
        >
          Sign out
        </MenuItem>
      </Menu>
    </>
  );
}
