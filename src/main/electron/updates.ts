/**
 * Updates are off unless an administrator names a feed: offline companies get no network traffic from the app,
 * and nothing about its use is ever sent (no telemetry). The feed is an electron-builder "generic" provider — a
 * plain HTTPS folder holding `latest.yml` and the installers — set machine-wide, e.g. by group policy, as the
 * environment variable `LEITSTAND_UPDATE_FEED`.
 */
export function updateFeed(env: Record<string, string | undefined>): string | null {
  const value = env.LEITSTAND_UPDATE_FEED?.trim();
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '' ? url.toString() : null;
  } catch {
    return null;
  }
}

export type Updater = {
  autoDownload: boolean;
  setFeedURL: (options: { provider: 'generic'; url: string }) => void;
  checkForUpdatesAndNotify: () => Promise<unknown>;
};

/** Checks the feed once at start; the download asks nobody, the install waits for the next quit. */
export async function startUpdates(
  feed: string | null,
  loadUpdater: () => Promise<Updater>,
  log: (message: string, error: unknown) => void,
): Promise<boolean> {
  if (!feed) return false;
  try {
    const updater = await loadUpdater();
    updater.autoDownload = true;
    updater.setFeedURL({ provider: 'generic', url: feed });
    await updater.checkForUpdatesAndNotify();
  } catch (error) {
    // An unreachable feed must never stop the desk.
    log('[leitstand] update check failed', error);
  }
  return true;
}
