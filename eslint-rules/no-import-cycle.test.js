import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import noImportCycle from './no-import-cycle.js';

// The rule reads the files an import leads to from disk, so each case writes a small project to a temp folder.
const dirs = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function lint(files, target) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'no-import-cycle-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const config = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: { local: { rules: { 'no-import-cycle': noImportCycle } } },
      rules: { 'local/no-import-cycle': 'error' },
    },
  ];
  return new Linter({ cwd: dir }).verify(files[target], config, { filename: path.join(dir, target) });
}

describe('no-import-cycle', () => {
  it('reports a cycle made only of type imports, which import-x/no-cycle skips', () => {
    const messages = lint(
      {
        'a.ts': "import type { B } from './b.ts';\nexport type A = { b?: B };\n",
        'b.ts': "import type { A } from './a.ts';\nexport type B = { a?: A };\n",
      },
      'a.ts',
    );
    expect(messages.map((m) => m.message)).toEqual(['Import cycle: a.ts → b.ts → a.ts.']);
  });

  it('follows a longer cycle through re-exports', () => {
    const messages = lint(
      {
        'a.ts': "import { c } from './b.ts';\nexport const a = () => c;\n",
        'b.ts': "export { c } from './c.ts';\n",
        'c.ts': "import { a } from './a.ts';\nexport const c = () => a;\n",
      },
      'a.ts',
    );
    expect(messages.map((m) => m.message)).toEqual(['Import cycle: a.ts → b.ts → c.ts → a.ts.']);
  });

  it('accepts imports that run one way', () => {
    const messages = lint(
      {
        'a.ts': "import { b } from './b.ts';\nimport type { C } from './c.ts';\nexport const a: C = b;\n",
        'b.ts': "import type { C } from './c.ts';\nexport const b: C = 1;\n",
        'c.ts': 'export type C = number;\n',
      },
      'a.ts',
    );
    expect(messages).toEqual([]);
  });
});
