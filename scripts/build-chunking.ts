import { resolve } from 'node:path';
import type { Plugin } from 'vite';

// How the SPA build (vite.config.ts) splits its JavaScript so the list page, the page opened first,
// loads only what it renders (gzipped JS before the first row). Measured with scripts/bench-ui.ts.

/**
 * MUI's own TablePaginationActions (the list's Previous/Next) imports Tooltip, and with it Popper and
 * popper.js; none is drawn before the first row (a Tooltip shows on hover). For that importer only, the
 * import becomes a React.lazy wrapper with its own Suspense boundary (the Tooltip renders its child
 * meanwhile), and the component loads on first use.
 */
const LAZY_IMPORTS: { importer: RegExp; modules: Record<string, 'children' | 'nothing'> }[] = [
  {
    importer: /@mui[\\/]material[\\/]TablePaginationActions[\\/]TablePaginationActions\.mjs$/,
    modules: { Tooltip: 'children' },
  },
];
const LAZY_PREFIX = '\0lazy-mui:';

export function lazyMuiSlots(): Plugin {
  return {
    name: 'lazy-mui-slots',
    enforce: 'pre',
    resolveId(source, importer) {
      const name = /^@mui\/material\/(\w+)$/.exec(source)?.[1];
      if (!importer || !name) return null;
      const rule = LAZY_IMPORTS.find((r) => r.importer.test(importer) && name in r.modules);
      return rule ? `${LAZY_PREFIX}${name}:${rule.modules[name]}` : null;
    },
    load(id) {
      if (!id.startsWith(LAZY_PREFIX)) return null;
      const [name, fallback] = id.slice(LAZY_PREFIX.length).split(':');
      return `import * as React from 'react';
const Lazy = React.lazy(() => import('@mui/material/${name}'));
export default React.forwardRef(function Lazy${name}(props, ref) {
  return React.createElement(React.Suspense, { fallback: ${fallback === 'children' ? 'props.children' : 'null'} }, React.createElement(Lazy, { ...props, ref }));
});`;
    },
  };
}

// MUI and the packages its modules import (CommonJS ones included: a CJS helper left in a page chunk
// made a circular chunk import that crashed the app at start).
const MUI =
  /node_modules[\\/](@mui[\\/](material|system|utils|styled-engine|private-theming|core-downloads-tracker)|@emotion|@base-ui|@popperjs|stylis|react-transition-group|hoist-non-react-statics|react-is|prop-types|@babel[\\/]runtime|dom-helpers|reselect|use-sync-external-store)/;
const LIST_ROOTS = ['src/main.tsx', 'src/features/memo-list/memo-list-page.tsx'].map((p) =>
  resolve(import.meta.dirname, '..', p),
);

interface Graph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/** Every module the app start and the list page import statically (dynamic imports not followed). */
function listClosure(graph: Graph): Set<string> {
  const seen = new Set<string>();
  const stack = [...LIST_ROOTS];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

/**
 * The rolldown codeSplitting groups. MUI is two chunks, never one per page: `mui` holds what the
 * start and the list import statically, `mui-extra` the rest (dialogs, forms, lazily loaded Tooltips).
 * mui-extra imports mui, never the reverse, and the date pickers import both: no chunk cycle, so no
 * `styled()` of a not-yet-evaluated component (seen as "reading '__emotion_styles'" / "'muiName'").
 */
export function codeSplittingGroups() {
  let closure: Set<string> | undefined; // one build per config call
  return [
    {
      name: 'react',
      test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
      includeDependenciesRecursively: false,
    },
    {
      name: (id: string, graph: Graph) => {
        if (!MUI.test(id)) return null;
        closure ??= listClosure(graph);
        return closure.has(id) ? 'mui' : 'mui-extra';
      },
      includeDependenciesRecursively: false,
    },
    {
      name: 'mui-x-date-pickers',
      test: /node_modules[\\/]@mui[\\/]x-date-pickers/,
      includeDependenciesRecursively: false,
    },
    // dayjs is also used by src/lib/dates on every route: its own chunk, so the list does not load the pickers.
    { name: 'dayjs', test: /node_modules[\\/]dayjs/, includeDependenciesRecursively: false },
  ];
}

interface OutputChunkLike {
  type: 'chunk' | 'asset';
  fileName: string;
  facadeModuleId?: string | null;
  imports?: string[];
}

/**
 * `<link rel="modulepreload">` in index.html for the list page's chunk and the chunks it imports,
 * so the browser fetches them with the entry instead of after the entry has run (the list is the
 * page opened first; other pages still load on demand). Vite preloads only the entry's own imports.
 */
export function preloadListPage(): Plugin {
  const listPage = LIST_ROOTS[1];
  return {
    name: 'preload-list-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = (ctx.bundle ?? {}) as Record<string, OutputChunkLike>;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const page = chunks.find((c) => c.facadeModuleId === listPage);
        if (!page || !ctx.chunk) return [];
        const closure = (start: string) => {
          const seen = new Set<string>();
          const stack = [start];
          while (stack.length) {
            const file = stack.pop()!;
            if (seen.has(file)) continue;
            seen.add(file);
            stack.push(...(bundle[file]?.imports ?? []));
          }
          return seen;
        };
        const loaded = closure(ctx.chunk.fileName);
        return [...closure(page.fileName)]
          .filter((file) => !loaded.has(file))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}
