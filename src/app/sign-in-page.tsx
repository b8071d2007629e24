import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '../components/error-alert.tsx';
import { demoUsersQuery, fetchDemoToken, healthQuery, type DemoUser } from '../api/sandbox.ts';
import type { TokenResponse } from '../contract/oauth-token.ts';
import { ProxySignIn } from './proxy-sign-in.tsx';
import { useSession, type Session } from '../api/session.tsx';

/**
 * Sandbox sign-in: pick a demo user; the server issues its token (no secret in the browser).
 * Against a real tenant (proxy mode) there are no demo users: ask for the access key, or go straight in.
 */
export default function SignInPage() {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const health = useQuery(healthQuery);
  const mode = health.data?.mode;
  const users = useQuery({ ...demoUsersQuery, enabled: mode === 'sandbox' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  // Only same-app paths: a pasted `next=https://evil` must not become an open redirect.
  const nextParam = params.get('next') ?? '';
  const next = nextParam.startsWith('/') && !nextParam.startsWith('//') ? nextParam : '/credit-memos';

  const enter = useCallback<Session['signIn']>(
    (user, token: TokenResponse) => {
      signIn(user, token);
      void navigate(next, { replace: true });
    },
    [signIn, navigate, next],
  );

  async function choose(user: DemoUser) {
    setBusy(user.id);
    setError(null);
    try {
      const token = await fetchDemoToken(user.id);
      enter({ id: user.id, name: user.name, role: user.role }, token);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2 }}>
      <Card sx={{ width: 420, maxWidth: '100%' }}>
        <CardContent>
          <Typography variant="h1" gutterBottom>
            Sign in
          </Typography>
          {mode === 'proxy' ? (
            <ProxySignIn auth={health.data?.auth} onSignedIn={enter} />
          ) : (
            <>
              <Typography color="text.secondary" sx={{ mb: 2 }}>
                Credit and Debit Memos sandbox: choose a demo user. What you can do follows the user&apos;s permissions.
              </Typography>
              <ErrorAlert
                error={error ?? health.error ?? users.error}
                onRetry={users.error ? () => void users.refetch() : undefined}
              />
              <Stack spacing={1} sx={{ mt: 1 }}>
                {users.isPending &&
                  !health.isError &&
                  [0, 1, 2].map((i) => <Skeleton key={i} variant="rounded" height={40} />)}
                {users.data?.map((u) => (
                  <Button
                    key={u.id}
                    variant="outlined"
                    disabled={busy !== null}
                    onClick={() => void choose(u)}
                    sx={{ justifyContent: 'space-between' }}
                  >
                    <span>Sign in as {u.name}</span>
                    <Typography component="span" variant="body2" color="text.secondary">
                      {u.role}
                    </Typography>
                  </Button>
                ))}
              </Stack>
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
