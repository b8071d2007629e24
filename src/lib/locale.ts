// The display locale of amounts and dates. One value per module instance: the standalone app leaves it
// to the browser; each embedded mount (its own copy of the app module) sets the host's `locale` option.
let displayLocale: string | undefined;

export function setDisplayLocale(locale: string | undefined): void {
  displayLocale = locale || undefined;
}

/** undefined = the browser's default locale. */
export const getDisplayLocale = (): string | undefined => displayLocale;
