import { chromium } from '@playwright/test';
import { stats, type Stats } from './benchStats';
import { chromiumLaunchOptions } from './chromium';

export type BrowserResults = {
  listFirstRender: Stats;
  scrollFrames: Stats & { over16ms: number };
  boardFirstRender: Stats;
  boardLiveMove: Stats;
  /** Frame times on the full board while cards move (changes made elsewhere arrive and are drawn). */
  boardFrames: Stats & { over16ms: number };
};

/** Time to first rendered ticket row, and frame times while scrolling the list, in headless Chromium. */
export async function browserBench(
  url: string,
  token: string,
  moveElsewhere: (id: number) => Promise<unknown>,
  loads = 5,
): Promise<BrowserResults> {
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
    // The board with every open ticket: time to the first card after a reload.
    const boardRender: number[] = [];
    await page.goto(`${url}/#/board`);
    await page.waitForSelector('[data-card]');
    for (let i = 0; i < loads; i += 1) {
      await page.reload();
      await page.waitForSelector('[data-card]');
      boardRender.push(await page.evaluate(() => performance.now()));
    }
    // Live: a change made elsewhere until the board shows it, with every frame drawn meanwhile recorded.
    await page.evaluate(() => {
      const recorder = { deltas: [] as number[], last: 0, on: true };
      (window as unknown as { frameRecorder: typeof recorder }).frameRecorder = recorder;
      const step = (now: number) => {
        if (recorder.last) recorder.deltas.push(now - recorder.last);
        recorder.last = now;
        if (recorder.on) requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    const liveMoves: number[] = [];
    for (let i = 0; i < loads * 4; i += 1) {
      const id = await page.locator('[data-testid$="-new"] [data-card]').first().getAttribute('data-card');
      const started = performance.now();
      await moveElsewhere(Number(id));
      // The card leaves "new" (in "in progress" it may sort below the cell's first 50).
      await page.waitForSelector(`[data-testid$="-new"] [data-card="${id}"]`, { state: 'detached' });
      liveMoves.push(performance.now() - started);
    }
    const boardFrames = await page.evaluate(() => {
      const recorder = (window as unknown as { frameRecorder: { deltas: number[]; on: boolean } }).frameRecorder;
      recorder.on = false;
      return recorder.deltas;
    });
    return {
      boardFrames: { ...stats(boardFrames), over16ms: boardFrames.filter((d) => d > 17).length / boardFrames.length },
      boardFirstRender: stats(boardRender),
      boardLiveMove: stats(liveMoves),
      listFirstRender: stats(firstRender),
      scrollFrames: { ...frameStats, over16ms: frames.filter((d) => d > 17).length / frames.length },
    };
  } finally {
    await browser.close();
  }
}
