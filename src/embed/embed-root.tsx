import { useMemo, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { CacheProvider, type EmotionCache } from '@emotion/react';
import GlobalStyles from '@mui/material/GlobalStyles';
import ScopedCssBaseline from '@mui/material/ScopedCssBaseline';
import { ThemeProvider, type ThemeOptions } from '@mui/material/styles';
import { SessionProvider } from '../api/session.tsx';
import type { SessionStore } from '../lib/session-store.ts';
import { createEmbedTheme } from './embed-theme.ts';

export interface EmbedRootProps {
  cache: EmotionCache;
  queryClient: QueryClient;
  sessionStore: SessionStore;
  portal: HTMLElement;
  themeOverrides: ThemeOptions | undefined;
  children: ReactNode;
}

/**
 * The embedded app's providers: this mount's Emotion cache (its <style> elements live in the shadow
 * root), theme with portals into the shadow root, and a *scoped* baseline — nothing global reaches the host.
 */
export function EmbedRoot({ cache, queryClient, sessionStore, portal, themeOverrides, children }: EmbedRootProps) {
  const theme = useMemo(
    () => createEmbedTheme(() => portal, themeOverrides, hostRootFontSize()),
    [portal, themeOverrides],
  );
  return (
    <CacheProvider value={cache}>
      <QueryClientProvider client={queryClient}>
        <ThemeProvider theme={theme}>
          {/* Inside a shadow root this is scoped by construction: it styles the portal container only. */}
          <GlobalStyles
            styles={(t) => ({
              '[data-cdm-portal]': {
                fontFamily: t.typography.fontFamily,
                fontSize: t.typography.body1.fontSize,
                lineHeight: t.typography.body1.lineHeight,
                color: t.palette.text.primary,
                boxSizing: 'border-box',
                WebkitFontSmoothing: 'antialiased',
              },
              '[data-cdm-portal] *, [data-cdm-portal] *::before, [data-cdm-portal] *::after': { boxSizing: 'inherit' },
            })}
          />
          <ScopedCssBaseline sx={{ bgcolor: 'background.default' }}>
            <SessionProvider store={sessionStore}>{children}</SessionProvider>
          </ScopedCssBaseline>
        </ThemeProvider>
      </QueryClientProvider>
    </CacheProvider>
  );
}

/** The host's <html> font size in px (what 1rem means on this page). */
function hostRootFontSize(): number {
  const px = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(px) && px > 0 ? px : 16;
}
