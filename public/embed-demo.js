// The host page's script: supplies sandbox tokens and wires the two embedded instances.
import { defineCreditDebitMemos, mount } from '/lib/credit-debit-memos.js';

// The host's own sign-in: in the sandbox, the Billing Admin demo user's token. A real host would call
// its identity provider here. The module asks before every request and never keeps the token.
let cached = null;
async function getAccessToken() {
  if (cached && cached.expiresAt > Date.now() + 60_000) return cached.token;
  const users = await (await fetch('/sandbox/users')).json();
  const admin = users.users.find((u) => u.name === 'Billing Admin') ?? users.users[0];
  const res = await fetch('/sandbox/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: admin.id }) });
  if (!res.ok) throw new Error(`The sandbox refused a token (HTTP ${res.status})`);
  const token = await res.json();
  // The token response (with its scope) lets the module gate actions by the user's permissions.
  cached = { token, expiresAt: Date.now() + token.expires_in * 1000 };
  return token;
}

const status = document.getElementById('host-status');
const show = (id) => (path) => {
  document.getElementById(id).textContent = path;
};

// Instance A: the custom element. Properties first, then define (it mounts on upgrade).
const elementA = document.getElementById('instance-a');
elementA.getAccessToken = getAccessToken;
elementA.onNavigate = show('path-a');
defineCreditDebitMemos();

// Instance B: mount() with options; asynchronous (it loads its own copy of the app module).
const handleB = await mount(document.getElementById('instance-b'), {
  apiBaseUrl: '',
  getAccessToken,
  initialPath: '/debit-memos',
  onNavigate: show('path-b'),
  theme: { palette: { primary: { main: '#6a1b9a' } } },
});

document.getElementById('refresh-a').addEventListener('click', () => void elementA.refresh());
document.getElementById('refresh-b').addEventListener('click', () => void handleB.refresh());
status.textContent = 'Both instances are mounted.';

// For tests and the curious: the handles.
window.embedDemo = { elementA, handleB, mount, getAccessToken };
