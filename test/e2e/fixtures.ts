import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, type Page } from '@playwright/test';

export type Host = {
  url: string;
  token: string;
  dataDir: string;
  api: (method: string, input: unknown) => Promise<unknown>;
};

const root = resolve(__dirname, '../..');

/** Starts the built headless host on a fresh data directory and waits for its one line. */
async function startHost(dataDir: string): Promise<{ child: ChildProcess; url: string; token: string }> {
  const child = spawn(process.execPath, [join(root, 'out/main/serve.js'), '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start: ${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Leitstand listening on (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/.exec(output);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        resolvePromise({ child, url: match[1], token: match[2] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`host exited with ${code}: ${output}`)));
  });
}

export const test = base.extend<{ host: Host; lang: 'de' | 'en' }>({
  lang: async ({ locale }, use) => use(locale?.startsWith('de') ? 'de' : 'en'),
  host: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'leitstand-e2e-'));
    const { child, url, token } = await startHost(dataDir);
    const api = async (method: string, input: unknown) => {
      const response = await fetch(`${url}/api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
      if (!body.ok) throw new Error(JSON.stringify(body.error));
      return body.value;
    };
    await use({ url, token, dataDir, api });
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
    // The backup made on quit lands beside the data folder.
    rmSync(`${dataDir}-backups`, { recursive: true, force: true });
  },
});

export const expect = test.expect;

export async function openApp(page: Page, host: Host): Promise<void> {
  await page.goto(`${host.url}/#token=${host.token}`);
  await page.locator('.app').waitFor();
}

export const screenshotPath = (lang: string, name: string) =>
  resolve(root, 'test-results/screenshots', `${lang}-${name}.png`);

/** A text box by its label; the label may carry a required-field star, and a picker is a combobox. */
export const field = (page: Page, label: string) =>
  page
    .getByRole('textbox', { name: label })
    .or(page.getByRole('combobox', { name: label }))
    .first();

/** Picks answer `n` (1-based) of a quick-choice question by keyboard: focus the group, press the digit. */
export async function choose(page: Page, group: string, n: number): Promise<void> {
  await page.getByTestId(`choice-${group}`).locator('input').first().focus();
  await page.keyboard.press(String(n));
}
