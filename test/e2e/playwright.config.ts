import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../../src/main/tools/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1366, height: 768 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    { name: 'de', use: { locale: 'de-DE', timezoneId: 'Europe/Berlin' } },
    { name: 'en', use: { locale: 'en-GB', timezoneId: 'Europe/Berlin' } },
  ],
});
