import lighthouse, { desktopConfig } from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { SESSION_KEY } from './bench-ui-list.ts';

// Lighthouse 12.2.3 (pinned: 13 needs Node 22) performance scores of the list page, desktop and mobile
// presets, signed in: the session goes into sessionStorage before the page's own scripts run, and
// Lighthouse is told not to reset storage.

export interface LighthouseScores {
  desktop: LighthouseResult;
  mobile: LighthouseResult;
}
interface LighthouseResult {
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
}

export async function lighthouseScores(url: string, session: object, chromiumPath: string): Promise<LighthouseScores> {
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const one = async (config: typeof desktopConfig | undefined): Promise<LighthouseResult> => {
      const page = await browser.newPage();
      await page.evaluateOnNewDocument(
        (key: string, s: string) => sessionStorage.setItem(key, s),
        SESSION_KEY,
        JSON.stringify(session),
      );
      const result = await lighthouse(
        url,
        { output: 'json', logLevel: 'error', onlyCategories: ['performance'], disableStorageReset: true },
        config,
        page,
      );
      await page.close();
      const lhr = result!.lhr;
      const ms = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
      return {
        score: Math.round((lhr.categories.performance.score ?? 0) * 100),
        fcpMs: ms('first-contentful-paint'),
        lcpMs: ms('largest-contentful-paint'),
        tbtMs: ms('total-blocking-time'),
      };
    };
    return { desktop: await one(desktopConfig), mobile: await one(undefined) };
  } finally {
    await browser.close();
  }
}
