import fs from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import noImportCycle from './eslint-rules/no-import-cycle.js';

// The layers of the SPA (README "Project layout", docs/architecture.md): imports run one way,
// lib → contract → api → features → app/embed (main.tsx on top); components never reach the API; a feature is used
// by other features and by the app only through its index.ts; no import cycles, type-only ones included. src/test
// (cross-cutting tests and test support) stands outside the layers and may look inside a feature.
const root = import.meta.dirname;
const features = fs.readdirSync(`${root}/src/features`, { withFileTypes: true }).filter((d) => d.isDirectory());
const below = (layer, ...higher) => ({
  target: `./src/${layer}`,
  from: higher.map((h) => `./src/${h}`),
  message: `src/${layer} sits below ${higher.join(', ')} and may not import them (README "Project layout").`,
});
const layerZones = [
  below('lib', 'contract', 'api', 'components', 'features', 'app', 'embed', 'main.tsx'),
  below('contract', 'api', 'components', 'features', 'app', 'embed', 'main.tsx'),
  below('api', 'components', 'features', 'app', 'embed', 'main.tsx'),
  below('components', 'api', 'features', 'app', 'embed', 'main.tsx'),
  below('features', 'app', 'embed', 'main.tsx'),
  below('app', 'embed', 'main.tsx'),
  ...features.map(({ name }) => ({
    target: `./src/features/${name}`,
    from: './src/features',
    except: [`./${name}`, ...features.filter((f) => f.name !== name).map((f) => `./${f.name}/index.ts`)],
    message: 'A feature uses another feature only through its index.ts.',
  })),
  ...['app', 'embed', 'main.tsx'].map((outside) => ({
    target: `./src/${outside}`,
    from: './src/features',
    except: features.map((f) => `./${f.name}/index.ts`),
    message: 'Outside a feature, import it only through its index.ts.',
  })),
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'demo-output', 'bench-output', '.data*'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=1][arguments.0.type='Literal']",
          message: 'Dates are yyyy-mm-dd strings: use src/lib/dates.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: root, zones: layerZones }] },
  },
  {
    // One shape per write (README "Project layout"): a screen calls a mutation hook, which invalidates.
    files: ['src/{features,app,components,embed}/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '/api/memos/invalidate(\\.ts)?$',
              importNames: ['invalidateMemoEffects'],
              message:
                'Screens do not invalidate: write through a mutation hook in src/api (batch-mutations.ts for many).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.ts'],
    plugins: { local: { rules: { 'no-import-cycle': noImportCycle } } },
    rules: { 'local/no-import-cycle': 'error' },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/(?!contract/|lib/)',
              message: 'server/ may import only src/contract and src/lib.',
            },
          ],
        },
      ],
    },
  },
);
