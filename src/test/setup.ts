import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// Component tests run against the in-process sandbox on a 2-core machine that also runs the server
// suites in parallel: give async queries (findBy*, waitFor) room before calling a refetch missing.
configure({ asyncUtilTimeout: 10_000 });
