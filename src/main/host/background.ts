import type { StoreClient } from '../app/client';
import { withHostMethods } from '../app/hostRouting';
import { backupService, type JobRunner } from './backups/service';
import { exportService } from './exports/service';
import { monitoringHost } from './monitoring/service';
import { mailHost } from './mail/service';
import { memorySecrets, type SecretStore } from './mail/secrets';
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
  /** When the first look for overdue action items starts after start-up (then hourly). */
  remindersFirstMs?: number;
  /** Reopens the desk on a restored folder (see backupService). */
  reopen?: (restored: string) => Promise<string>;
  /** Where mailbox passwords are kept: the OS keychain in Electron; memory only in the headless host. */
  secrets?: SecretStore;
  mailOutboxTickMs?: number;
};

const DAY_MS = 24 * 3_600_000;

/** Runs `work` some time after start and then every `everyMs`; a failure is logged and tried again next time. */
function startPeriodic(
  name: string,
  work: () => Promise<void>,
  firstMs: number,
  everyMs = DAY_MS,
): { stop: () => void } {
  const run = () => void work().catch((error: unknown) => console.warn(`[leitstand] ${name} failed`, error));
  const first = setTimeout(run, firstMs);
  const daily = setInterval(run, everyMs);
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
 * watch, the backups, the daily retention run (GDPR), the hourly reminders of overdue action items and of the monthly report, the monitoring's runner. Each writes through the store's methods like any caller.
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
  const retention = startPeriodic(
    'retention run',
    () => store.call('privacy.retention.run', {}).then(() => undefined),
    options.retentionFirstMs ?? 5 * 60_000,
  );
  // Overdue action items of problems are reminded once each; an hourly look finds them the day they fall due.
  const reminders = startPeriodic(
    'action reminders',
    () => store.call('problems.actions.remind', {}).then(() => undefined),
    options.remindersFirstMs ?? 60_000,
    3_600_000,
  );
  // The monthly report is due on the first working day of a month: reminded once, looked for hourly.
  const reportReminder = startPeriodic(
    'report reminder',
    () => store.call('reports.remind', {}).then(() => undefined),
    options.remindersFirstMs ?? 60_000,
    3_600_000,
  );
  // Raw monitoring runs are kept a week, hourly aggregates 13 months: pruned daily.
  const monitoringRetention = startPeriodic(
    'monitoring retention',
    () => store.call('monitoring.retention.run', {}).then(() => undefined),
    options.retentionFirstMs ?? 5 * 60_000,
  );
  const monitoring = monitoringHost(store);
  monitoring.start();
  const mail = mailHost(store, {
    secrets: options.secrets ?? memorySecrets(),
    ...(options.mailOutboxTickMs ? { outboxTickMs: options.mailOutboxTickMs } : {}),
  });
  mail.start();
  // A reply queued is sent right after its commit, not at the next tick.
  const unwatchMail = store.onChange((change) => {
    if (change.entity === 'mail') void mail.sendDue();
  });
  return {
    client: withHostMethods(store, {
      ...backups.handlers,
      ...exportService({ dataDir: options.dataDir }).handlers,
      ...monitoring.handlers,
      ...mail.handlers,
    }),
    sla,
    stop: async (stopOptions) => {
      sla.stop();
      retention.stop();
      reminders.stop();
      reportReminder.stop();
      monitoringRetention.stop();
      await monitoring.stop();
      unwatchMail();
      await mail.stop();
      await backups.stop(stopOptions);
    },
  };
}
