import { defineConfig } from 'vite';
import { configDefaults } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { codeSplittingGroups, lazyMuiSlots, preloadListPage } from './scripts/build-chunking.ts';
import { compressedCopies } from './scripts/build-compress.ts';

const SERVER_TESTS = [
  'server/**/*.test.ts',
  'src/contract/**/*.test.ts',
  'src/lib/**/*.test.ts',
  'eslint-rules/*.test.js',
];
// Server tests that hold no database of the harness (they start their own processes on fixed ports,
// or scan files): run once, in the PGlite project.
// Seeded PGlite databases that every test file's harness loads instead of migrating and seeding its own.
const PGLITE_TEMPLATES = 'server/testing/pglite-templates.ts';
const NOT_ON_POSTGRES = ['server/security-served.test.ts', 'server/reliability/soak-short.test.ts', 'server/proxy/**'];

// One config for the SPA build, the embeddable library build (`--mode lib`) and the tests.
export default defineConfig(({ command, mode }) => ({
  // The lazy MUI slots only in the SPA build: the library is one file anyway, the tests import MUI as is.
  // Every build writes .br and .gz copies of its files (scripts/build-compress.ts).
  plugins:
    command === 'build'
      ? [...(mode.startsWith('lib') ? [] : [lazyMuiSlots(), preloadListPage()]), react(), compressedCopies()]
      : [react()],
  server: {
    proxy: {
      '/v1': 'http://127.0.0.1:8080',
      '/oauth': 'http://127.0.0.1:8080',
      '/sandbox': 'http://127.0.0.1:8080',
      '/object-query': 'http://127.0.0.1:8080',
    },
  },
  // Library modes: React reads process.env.NODE_ENV, which Vite's lib mode leaves for the consumer;
  // this library is used as built, so make it the production build.
  define: mode.startsWith('lib') ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  build:
    mode === 'lib-app'
      ? {
          // The whole embedded app as ONE file: the loader imports it once per mount (`?mount=<n>`),
          // and a query string on a split chunk's imports would not follow, so nothing is split.
          outDir: 'dist/lib',
          lib: { entry: 'src/embed/app-entry.tsx', formats: ['es'], fileName: () => 'credit-debit-memos-app.js' },
          emptyOutDir: true,
          copyPublicDir: false,
          minify: true,
          // output.minify also strips whitespace, which Vite's lib mode keeps for es output (consumers re-bundling); this file is final.
          rolldownOptions: { output: { codeSplitting: false, minify: true } },
        }
      : mode === 'lib'
        ? {
            // The small loader the host imports: mount() and the custom element. Built after lib-app.
            outDir: 'dist/lib',
            lib: { entry: 'src/embed/loader.ts', formats: ['es'], fileName: () => 'credit-debit-memos.js' },
            emptyOutDir: false,
            copyPublicDir: false,
            minify: true,
          }
        : {
            outDir: 'dist/app',
            emptyOutDir: true,
            // Groups and why: scripts/build-chunking.ts.
            rolldownOptions: { output: { codeSplitting: { groups: codeSplittingGroups() } } },
          },
  test: {
    // Worker threads, one and a half per core (three on the 2-core CI machine): the test files spend much of
    // their time waiting on PGlite, PostgreSQL and timers, and threads start faster than processes. Whole suite
    // on 2 cores: forks ×2 429 s, threads ×2 371 s, threads ×3 281 s, threads ×4 281 s (README, "What the test
    // run costs").
    pool: 'threads',
    maxWorkers: '150%',
    // A worker keeps its module cache from one test file to the next instead of importing React, MUI, Hono and
    // Kysely afresh for each (web alone: 143 s → 94 s, server on PGlite 136 s → 111 s on this machine). Each
    // file still starts its own sandbox and QueryClient, and src/test/setup.ts unmounts after every test.
    isolate: false,
    projects: [
      // The server suite runs on PGlite (the product's default database) always, and again on PostgreSQL
      // when TEST_DATABASE_URL names one (.ci/run sets it when a local server answers). The PostgreSQL run
      // also answers sparsely (SANDBOX_NULL_FIELDS=omit, as Object Query and some tenants do): the suite passes
      // in both modes at no extra cost.
      {
        extends: true,
        test: {
          name: 'server',
          include: SERVER_TESTS,
          globalSetup: [PGLITE_TEMPLATES],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: { TEST_DATABASE_URL: '' },
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              extends: true as const,
              test: {
                name: 'server-postgres',
                include: ['server/**/*.test.ts'],
                exclude: [...configDefaults.exclude, ...NOT_ON_POSTGRES],
                environment: 'node',
                env: { SANDBOX_NULL_FIELDS: 'omit' },
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'web',
          include: ['src/**/*.test.tsx', 'src/{api,features,components,app,embed}/**/*.test.ts'],
          environment: 'jsdom',
          globalSetup: [PGLITE_TEMPLATES],
          setupFiles: ['src/test/setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
}));
