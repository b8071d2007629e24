import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// Component tests run against the in-process sandbox on a 2-core machine that also runs the server
// suites in parallel: give async queries (findBy*, waitFor) room before calling a refetch missing.
configure({ asyncUtilTimeout: 10_000 });
// Testing Library unmounts after each test by itself only with Vitest's globals on; they are off here.
// The web files share a worker's module cache (isolate: false), so nothing may stay mounted.
afterEach(() => cleanup());
