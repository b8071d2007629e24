import { Suspense } from 'react';
import { Link as RouterLink, Outlet, useLocation } from 'react-router';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { UserMenu } from './user-menu.tsx';

const NAV_WIDTH = 232;

/** Left navigation (Billing > Credit and Debit Memos), top bar with the signed-in user, page outlet. */
export function AppShell() {
  const { pathname } = useLocation();
  const onMemos = /^\/(credit|debit)-memos/.test(pathname);
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (t) => t.zIndex.drawer + 1 }}>
        <Toolbar variant="dense">
          <Typography component="div" sx={{ fontWeight: 700, flexGrow: 1 }}>
            Zuora Billing
          </Typography>
          <UserMenu />
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{ width: NAV_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: NAV_WIDTH, boxSizing: 'border-box' } }}
      >
        <Toolbar variant="dense" />
        <nav aria-label="Main">
          <List dense subheader={<ListSubheader>Billing</ListSubheader>}>
            <ListItem disablePadding>
              <ListItemButton
                component={RouterLink}
                to="/credit-memos"
                selected={onMemos}
                aria-current={onMemos ? 'page' : undefined}
              >
                <ListItemText primary="Credit and Debit Memos" />
              </ListItemButton>
            </ListItem>
          </List>
        </nav>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, minWidth: 0, p: 3 }}>
        <Toolbar variant="dense" />
        <Suspense fallback={<LinearProgress aria-label="Loading page" />}>
          <Outlet />
        </Suspense>
      </Box>
    </Box>
  );
}
