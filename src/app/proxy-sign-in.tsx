import { useEffect, useRef, useState, type FormEvent } from 'react';
import { z } from 'zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { zuoraRequest } from '../api/client.ts';
import { ZuoraApiError } from '../lib/zuora-error.ts';
import type { ProxyAuthMode } from '../api/sandbox.ts';
import type { TokenResponse } from '../contract/oauth-token.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { PERMISSIONS, scopeOf } from '../contract/permissions.ts';
import type { SessionUser } from '../lib/session-store.ts';

// Sign-in against a real tenant (proxy mode). The tenant decides what the OAuth client may do, so the
// UI offers every action and shows the tenant's refusal. Sessions last the tab (sessionStorage).

const TENANT_SCOPE = scopeOf(PERMISSIONS);
const SESSION_SECONDS = 8 * 60 * 60;

type OnSignedIn = (user: SessionUser, token: TokenResponse) => void;

const tenantToken = (key: string): TokenResponse => ({
  access_token: key,
  token_type: 'bearer',
  expires_in: SESSION_SECONDS,
  scope: TENANT_SCOPE,
});

/** Access key form (shared secret), straight in (trusted header), or an explanation (unconfigured). */
export function ProxySignIn({ auth, onSignedIn }: { auth: ProxyAuthMode | undefined; onSignedIn: OnSignedIn }) {
  // Behind a trusted reverse proxy the user is already authenticated: each request carries its header.
  // Once: signing in changes the session, which gives the parent a new onSignedIn.
  const entered = useRef(false);
  useEffect(() => {
    if (auth !== 'trusted-header' || entered.current) return;
    entered.current = true;
    onSignedIn({ id: 'tenant-user', name: 'Signed in by your proxy', role: 'tenant' }, tenantToken(''));
  }, [auth, onSignedIn]);

  if (auth === 'trusted-header') return <Typography>Signing you in…</Typography>;
  if (auth !== 'shared-secret') {
    return (
      <Alert severity="error">
        This server is connected to a Zuora tenant but does not accept browser sign-in yet: set PROXY_AUTH
        (shared-secret or trusted-header) on the server.
      </Alert>
    );
  }
  return <AccessKeyForm onSignedIn={onSignedIn} />;
}

function AccessKeyForm({ onSignedIn }: { onSignedIn: OnSignedIn }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // A route the server answers itself behind the same check: the key is verified without calling the tenant.
      await zuoraRequest('/settings/reason-codes', {
        schema: z.unknown(),
        headers: { authorization: `Bearer ${key.trim()}` },
      });
      onSignedIn({ id: 'tenant-user', name: 'Tenant user', role: 'tenant' }, tenantToken(key.trim()));
    } catch (err) {
      setError(
        err instanceof ZuoraApiError && err.status === 401
          ? new ZuoraApiError(401, [{ code: 90000011, message: 'That access key is not valid.' }])
          : err,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack component="form" spacing={2} onSubmit={(e) => void submit(e)} noValidate>
      <Typography color="text.secondary">
        This server is connected to your Zuora tenant. Enter the access key your administrator gave you.
      </Typography>
      <ErrorAlert error={error} />
      <TextField
        label="Access key"
        type="password"
        autoComplete="current-password"
        value={key}
        onChange={(e) => setKey(e.target.value)}
        required
        autoFocus
      />
      <Button type="submit" variant="contained" disabled={busy || key.trim().length === 0}>
        Sign in
      </Button>
    </Stack>
  );
}
