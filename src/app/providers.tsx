import type { ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { SessionProvider } from '../api/session.tsx';
import type { SessionStore } from '../lib/session-store.ts';
import { theme } from './theme.ts';

/** React Query, MUI theme and the session: shared by the standalone app and the embedded mount. */
export function AppProviders({
  queryClient,
  sessionStore,
  children,
}: {
  queryClient: QueryClient;
  sessionStore: SessionStore;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <SessionProvider store={sessionStore}>{children}</SessionProvider>
      </ThemeProvider>
    </QueryClientProvider>
  );
}
