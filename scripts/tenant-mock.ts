import { ACCESS_KEY, startMockTenant } from '../e2e/mock-tenant/tenant.ts';

// `npm run tenant:mock`: the built product in proxy mode in front of a mock Zuora tenant (Prism serving Zuora's
// spec and examples, docs/zuora/openapi/). Prints where to sign in; Ctrl-C stops both.
const tenant = await startMockTenant();
console.log(`Mock tenant ready: open ${tenant.baseUrl} and sign in with the access key ${ACCESS_KEY}`);
console.log('Requests that Zuora’s spec refuses are printed here as they happen.');
let shown = 0;
const timer = setInterval(() => {
  const v = tenant.requestViolations();
  for (const line of v.slice(shown)) console.log(line);
  shown = v.length;
}, 1000);
const stop = async () => {
  clearInterval(timer);
  await tenant.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
