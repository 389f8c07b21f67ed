import { chromium } from '@playwright/test';
import { stats, type Stats } from './benchStats';
import { chromiumLaunchOptions } from './chromium';

export type BrowserResults = { listFirstRender: Stats; scrollFrames: Stats & { over16ms: number } };

/** Time to first rendered ticket row, and frame times while scrolling the list, in headless Chromium. */
export async function browserBench(url: string, token: string, loads = 5): Promise<BrowserResults> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' });
    const firstRender: number[] = [];
    await page.goto(`${url}/#token=${token}`);
    await page.waitForSelector('[data-testid=ticket-row]');
    for (let i = 0; i < loads; i += 1) {
      await page.reload();
      await page.waitForSelector('[data-testid=ticket-row]');
      firstRender.push(await page.evaluate(() => performance.now()));
    }
    // All tickets, so there are 100,000 rows to scroll through.
    await page.getByRole('button', { name: 'Alle' }).click();
    await page.waitForSelector('[data-testid=ticket-row]');
    const frames = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const grid = document.querySelector('[data-testid=ticket-grid]') as HTMLElement;
          const deltas: number[] = [];
          let last = 0;
          let count = 0;
          const step = (now: number) => {
            if (last) deltas.push(now - last);
            last = now;
            grid.scrollTop += 240;
            if (++count < 400) requestAnimationFrame(step);
            else resolve(deltas);
          };
          requestAnimationFrame(step);
        }),
    );
    const frameStats = stats(frames);
    return {
      listFirstRender: stats(firstRender),
      scrollFrames: { ...frameStats, over16ms: frames.filter((d) => d > 17).length / frames.length },
    };
  } finally {
    await browser.close();
  }
}
