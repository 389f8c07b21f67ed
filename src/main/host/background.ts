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
};

/**
 * The one list of background services in main (off the store's thread), started and stopped together: the SLA
 * watch and the backups. Each writes through the store's methods like any caller.
 */
export function startBackground(store: StoreClient, options: BackgroundOptions): Background {
  const backups = backupService({
    store,
    dataDir: options.dataDir,
    runJob: options.runJob,
    appVersion: options.appVersion,
    ...(options.backupTickMs ? { tickMs: options.backupTickMs } : {}),
  });
  const sla = startSlaWatch(store, options.sla);
  backups.start();
  return {
    client: withHostMethods(store, backups.handlers),
    sla,
    stop: async (stopOptions) => {
      sla.stop();
      await backups.stop(stopOptions);
    },
  };
}
