import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// No import cycles, type-only imports included. import-x/no-cycle skips `import type` edges by design, but a
// cycle of types still ties two modules together so that neither can be read or moved alone. This rule reads every
// relative import, re-export and dynamic import() of the project's own files (ts.preProcessFile, no type checking)
// and reports an import whose target leads back to the importing file.

const graph = new Map(); // file -> { mtimeMs, deps: string[] }

function resolveSpecifier(fromFile, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (/\.tsx?$/.test(candidate) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function depsOf(file) {
  let mtimeMs;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    return [];
  }
  const cached = graph.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.deps;
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  const deps = [
    ...new Set(info.importedFiles.map((f) => resolveSpecifier(file, f.fileName)).filter((f) => f !== null)),
  ];
  graph.set(file, { mtimeMs, deps });
  return deps;
}

/** A path of files from `start` back to `target`, or null. */
function pathBack(start, target) {
  const seen = new Set([start]);
  const stack = [[start, [start]]];
  while (stack.length > 0) {
    const [file, route] = stack.pop();
    for (const dep of depsOf(file)) {
      if (dep === target) return route;
      if (!seen.has(dep)) {
        seen.add(dep);
        stack.push([dep, [...route, dep]]);
      }
    }
  }
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles between project files, type-only imports included.' },
    schema: [],
    messages: { cycle: 'Import cycle: {{route}}.' },
  },
  create(context) {
    const file = context.physicalFilename;
    const root = context.cwd;
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const target = resolveSpecifier(file, node.source.value);
      if (!target || target === file) return;
      const route = pathBack(target, file);
      if (route) {
        const names = [file, ...route, file].map((f) => path.relative(root, f));
        context.report({ node: node.source, messageId: 'cycle', data: { route: names.join(' → ') } });
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
