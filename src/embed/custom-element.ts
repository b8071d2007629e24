import { OBSERVED_ATTRIBUTES, optionsFromAttributes, type AccessToken, type EmbedOptions } from './options.ts';
import type { EmbedHandle } from './embed-handle.ts';

type MountFn = (element: HTMLElement, options: EmbedOptions) => Promise<EmbedHandle>;

/** Options that are functions or objects: properties of the element, not attributes. */
const PROPERTIES = ['getAccessToken', 'theme', 'onNavigate', 'onUnauthorized', 'extraHeaders'] as const;
type PropertyName = (typeof PROPERTIES)[number];

/**
 * <credit-debit-memos api-base-url initial-path basename locale permissions>: mounts when connected,
 * unmounts when disconnected, and passes attribute or property changes to update(). Navigation is
 * also announced as a `cdm-navigate` event ({ detail: { path } }). The mount function is injected so
 * the attribute mapping is testable without loading the app.
 */
export function createElementClass(mountFn: MountFn) {
  return class CreditDebitMemosElement extends HTMLElement {
    static observedAttributes = OBSERVED_ATTRIBUTES;
    #props: Partial<Pick<EmbedOptions, PropertyName>> = {};
    #handle: Promise<EmbedHandle | null> | null = null;

    constructor() {
      super();
      // A host may set properties before the element is defined: they are own properties of the
      // not-yet-upgraded element; move them behind the accessors.
      for (const name of PROPERTIES) {
        if (Object.prototype.hasOwnProperty.call(this, name)) {
          const value = (this as Record<string, unknown>)[name];
          delete (this as Record<string, unknown>)[name];
          (this as Record<string, unknown>)[name] = value;
        }
      }
    }

    get getAccessToken() {
      return this.#props.getAccessToken;
    }
    set getAccessToken(fn: (() => AccessToken | Promise<AccessToken>) | undefined) {
      this.#set('getAccessToken', fn);
    }
    get theme() {
      return this.#props.theme;
    }
    set theme(theme: EmbedOptions['theme']) {
      this.#set('theme', theme);
    }
    get onNavigate() {
      return this.#props.onNavigate;
    }
    set onNavigate(fn: EmbedOptions['onNavigate']) {
      this.#set('onNavigate', fn);
    }
    get onUnauthorized() {
      return this.#props.onUnauthorized;
    }
    set onUnauthorized(fn: EmbedOptions['onUnauthorized']) {
      this.#set('onUnauthorized', fn);
    }
    get extraHeaders() {
      return this.#props.extraHeaders;
    }
    set extraHeaders(headers: EmbedOptions['extraHeaders']) {
      this.#set('extraHeaders', headers);
    }

    /** Everything the element says now: attributes plus properties. */
    get options(): EmbedOptions {
      return {
        ...optionsFromAttributes(this),
        ...this.#props,
        // The token is asked through the element, so a later property change needs no update().
        getAccessToken: () => this.#props.getAccessToken?.(),
        onNavigate: (path) => {
          this.#props.onNavigate?.(path);
          this.dispatchEvent(new CustomEvent('cdm-navigate', { detail: { path }, bubbles: true, composed: true }));
        },
      };
    }

    connectedCallback() {
      if (this.#handle) return;
      this.#handle = mountFn(this, this.options).catch((err: unknown) => {
        console.error('<credit-debit-memos> could not mount', err);
        return null;
      });
    }

    disconnectedCallback() {
      const pending = this.#handle;
      this.#handle = null;
      void pending?.then((h) => h?.unmount());
    }

    attributeChangedCallback(_name: string, oldValue: string | null, newValue: string | null) {
      if (oldValue !== newValue) this.#update();
    }

    /** Refetch this instance's memo lists and memos. */
    async refresh(): Promise<void> {
      await (await this.#handle)?.refresh();
    }

    navigate(path: string): void {
      void this.#handle?.then((h) => h?.navigate(path));
    }

    #set<K extends PropertyName>(name: K, value: EmbedOptions[K]) {
      this.#props[name] = value;
      if (name !== 'getAccessToken' && name !== 'onNavigate') this.#update();
    }

    #update() {
      const options = this.options;
      void this.#handle?.then((h) => h?.update(options));
    }
  };
}
