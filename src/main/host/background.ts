import type { StoreClient } from '../app/client';
import { withHostMethods } from '../app/hostRouting';
import { backupService, type JobRunner } from './backups/service';
import { startSlaWatch, type SlaWatch, type SlaWatchOptions } from './slaWatch';

export type Background = {
  /** The store with the background services' methods added: what the dispatcher is given. */
  client: StoreClient;
  sla: SlaWatch;
  /** Stops every service; `finalBackup` makes the backup on quit first (when something changed). */
  stop: (options?: { finalBackup?: boolean }) => Promise<void>;
};

export type BackgroundOptions = {
  dataDir: string;
  runJob: JobRunner;
  appVersion: string;
  sla?: SlaWatchOptions;
  backupTickMs?: number;
  /** When the first retention run starts after start-up (then daily). */
  retentionFirstMs?: number;
  /** Reopens the desk on a restored folder (see backupService). */
  reopen?: (restored: string) => Promise<string>;
};

const DAY_MS = 24 * 3_600_000;

/** Runs `work` some time after start and then once a day; a failure is logged and tried again the next day. */
function startDaily(work: () => Promise<void>, firstMs: number): { stop: () => void } {
  const run = () => void work().catch((error: unknown) => console.warn('[leitstand] retention run failed', error));
  const first = setTimeout(run, firstMs);
  const daily = setInterval(run, DAY_MS);
  first.unref?.();
  daily.unref?.();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(daily);
    },
  };
}

/**
 * The one list of background services in main (off the store's thread), started and stopped together: the SLA
 * watch, the backups and the daily retention run (GDPR). Each writes through the store's methods like any caller.
 */
export function startBackground(store: StoreClient, options: BackgroundOptions): Background {
  const backups = backupService({
    store,
    dataDir: options.dataDir,
    runJob: options.runJob,
    appVersion: options.appVersion,
    ...(options.backupTickMs ? { tickMs: options.backupTickMs } : {}),
    ...(options.reopen ? { reopen: options.reopen } : {}),
  });
  const sla = startSlaWatch(store, options.sla);
  backups.start();
  const retention = startDaily(
    () => store.call('privacy.retention.run', {}).then(() => undefined),
    options.retentionFirstMs ?? 5 * 60_000,
  );
  return {
    client: withHostMethods(store, backups.handlers),
    sla,
    stop: async (stopOptions) => {
      sla.stop();
      retention.stop();
      await backups.stop(stopOptions);
    },
  };
}
