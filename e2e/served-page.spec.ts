import { expect, test } from '@playwright/test';

// The built index.html as the server sends it: every script is an external file, so the CSP's
// `script-src 'self'` (no 'unsafe-inline') blocks nothing. The headers themselves are tested in
// server/security-served.test.ts; this is here because it needs the build, which `npm test` makes while
// Vitest runs.

test('the served index.html has no inline script or inline handler for the CSP to block', async ({ request }) => {
  const res = await request.get('/');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-security-policy']).toContain("script-src 'self';");
  const html = await res.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attrs, body] of scripts) {
    expect(attrs).toMatch(/\bsrc=/);
    expect(body.trim()).toBe('');
  }
  expect(html).not.toMatch(/\son[a-z]+=/i);
});
