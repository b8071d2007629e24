import type { EmbedOptions } from './options.ts';

// What mount(el, options) and the custom element give a host back (the loader re-exports it as public API).

export interface EmbedHandle {
  /** Merge new options (token source, theme, permissions, locale…); `initialPath` navigates there. */
  update(options: EmbedOptions): void;
  /** Unmount React, empty the shadow root, remove every listener this mount added. */
  unmount(): void;
  /** Refetch this mount's memo queries (e.g. after the host knows another instance changed data). */
  refresh(): Promise<void>;
  /** Go to an app path, e.g. '/debit-memos/<id>'. */
  navigate(path: string): void;
}
