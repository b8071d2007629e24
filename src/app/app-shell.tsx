import { Suspense, useState } from 'react';
import { Link as RouterLink, Outlet, useLocation } from 'react-router';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import MenuIcon from '@mui/icons-material/Menu';
import { UserMenu } from './user-menu.tsx';

const NAV_WIDTH = 232;

/**
 * Left navigation (Billing > Credit and Debit Memos), top bar with the signed-in user, page outlet.
 * From the `md` breakpoint the navigation stays open beside the page; below it, it is a drawer the menu
 * button opens over the page, so a phone gives the page its whole width.
 */
export function AppShell() {
  const { pathname } = useLocation();
  const onMemos = /^\/(credit|debit)-memos/.test(pathname);
  const wide = useMediaQuery(useTheme().breakpoints.up('md'), { noSsr: true });
  const [navOpen, setNavOpen] = useState(false);
  const nav = (
    <nav aria-label="Main">
      <List dense subheader={<ListSubheader>Billing</ListSubheader>}>
        <ListItem disablePadding>
          <ListItemButton
            component={RouterLink}
            to="/credit-memos"
            selected={onMemos}
            aria-current={onMemos ? 'page' : undefined}
            onClick={() => setNavOpen(false)}
          >
            <ListItemText primary="Credit and Debit Memos" />
          </ListItemButton>
        </ListItem>
      </List>
    </nav>
  );
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (t) => t.zIndex.drawer + 1 }}>
        <Toolbar variant="dense">
          {!wide && (
            <IconButton
              color="inherit"
              edge="start"
              aria-label="Open navigation"
              aria-expanded={navOpen}
              onClick={() => setNavOpen(true)}
              sx={{ mr: 1 }}
            >
              <MenuIcon />
            </IconButton>
          )}
          <Typography component="div" sx={{ fontWeight: 700, flexGrow: 1 }}>
            Zuora Billing
          </Typography>
          <UserMenu />
        </Toolbar>
      </AppBar>
      {wide ? (
        <Drawer
          variant="permanent"
          sx={{ width: NAV_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: NAV_WIDTH, boxSizing: 'border-box' } }}
        >
          <Toolbar variant="dense" />
          {nav}
        </Drawer>
      ) : (
        <Drawer
          variant="temporary"
          open={navOpen}
          onClose={() => setNavOpen(false)}
          sx={{ '& .MuiDrawer-paper': { width: NAV_WIDTH, boxSizing: 'border-box' } }}
        >
          {nav}
        </Drawer>
      )}
      <Box component="main" sx={{ flexGrow: 1, minWidth: 0, p: { xs: 1.5, sm: 3 } }}>
        <Toolbar variant="dense" />
        <Suspense fallback={<LinearProgress aria-label="Loading page" />}>
          <Outlet />
        </Suspense>
      </Box>
    </Box>
  );
}
