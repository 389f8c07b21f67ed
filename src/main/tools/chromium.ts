import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

/**
 * How tests and the bench start Chromium: Playwright's own build where one is installed, else Debian's,
 * with the flags a closed network and a root sandbox need.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  let own = false;
  try {
    own = existsSync(chromium.executablePath());
  } catch {
    own = false;
  }
  return {
    ...(own ? {} : { executablePath: '/usr/bin/chromium' }),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}
