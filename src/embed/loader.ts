import type { EmbedOptions } from './options.ts';
import { createElementClass } from './custom-element.ts';
import type { EmbedHandle } from './embed-handle.ts';

export type { EmbedOptions, AccessToken } from './options.ts';
export type { EmbedHandle } from './embed-handle.ts';

// The small module a host imports (dist/lib/credit-debit-memos.js). Every mount imports the app
// module under its own URL (`?mount=<n>`), so the browser evaluates a fresh copy: its own React,
// QueryClient, Emotion cache and API client configuration. Two mounts never share state, and a host
// running another React version never meets ours ("Invalid hook call" cannot happen).

interface AppModule {
  renderApp(element: HTMLElement, options: EmbedOptions, mountNumber: number): EmbedHandle;
}

// Not a string literal: Vite must not resolve it at build time; it sits next to this file in dist/lib.
const APP_FILE = './credit-debit-memos-app.js';
let mounts = 0;

/**
 * Render the Credit and Debit Memos app into `element` (inside a shadow root it attaches).
 * Asynchronous: resolves once the app module has loaded and the first render is scheduled.
 */
export async function mount(element: HTMLElement, options: EmbedOptions = {}): Promise<EmbedHandle> {
  if (!(element instanceof HTMLElement)) throw new TypeError('mount(element, options): element must be an HTMLElement');
  const n = ++mounts;
  const url = new URL(`${APP_FILE}?mount=${n}`, import.meta.url).href;
  const app = (await import(/* @vite-ignore */ url)) as AppModule;
  return app.renderApp(element, options, n);
}

/** Register <credit-debit-memos> (or another tag name); safe to call twice. */
export function defineCreditDebitMemos(tagName = 'credit-debit-memos'): CustomElementConstructor {
  const existing = customElements.get(tagName);
  if (existing) return existing;
  const cls = createElementClass(mount);
  customElements.define(tagName, cls);
  return cls;
}
