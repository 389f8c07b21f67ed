import { accessSync, constants, existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupList, BackupSettingsView, BackupSummary } from '../../../shared/contract/backups';
import type { BackupConfig, BackupKeys } from '../../../shared/domain/backups';
import { AppError } from '../../../shared/errors';
import type { StoreClient } from '../../app/client';
import type { HostHandlers } from '../../app/hostMethods';
import { findBackups, summary } from './catalogue';
import { backupIdAt, defaultBackupRoot } from './format';
import type { RestoreOutcome } from './job';
import type { Job } from './types';

/** Runs a job where it cannot hold up the desk: a thread of its own in the app, in-process in tests. */
export type JobRunner = {
  (job: Extract<Job, { kind: 'backup' }>): Promise<BackupSummary>;
  (job: Extract<Job, { kind: 'verify' }>): Promise<BackupSummary>;
  (job: Extract<Job, { kind: 'restore' }>): Promise<RestoreOutcome>;
  (job: Extract<Job, { kind: 'keys' }>): Promise<BackupKeys>;
};

export type BackupServiceOptions = {
  store: Pick<StoreClient, 'call'>;
  dataDir: string;
  runJob: JobRunner;
  appVersion: string;
  now?: () => Date;
  /** How often the schedule is looked at; the first look waits as long (not during start-up). */
  tickMs?: number;
  log?: (message: string, error?: unknown) => void;
  /** Where backups go when no folder is chosen (default: beside the data directory). */
  defaultRoot?: string;
  /**
   * Puts a restored desk (a folder inside the data folder) in place of the current one and reopens the store on it;
   * answers where the current desk was kept. Without it, restores go only into a new folder.
   */
  reopen?: (restored: string) => Promise<string>;
};

const STALE_MS = 24 * 3_600_000;

export type BackupService = {
  handlers: Pick<HostHandlers, `backups.${'list' | 'run' | 'verify' | 'restore' | 'settings.get' | 'settings.update'}`>;
  start: () => void;
  /** Stops the schedule; with `finalBackup`, first makes a backup if anything changed since the last one. */
  stop: (options?: { finalBackup?: boolean }) => Promise<void>;
};

/**
 * The backup service in main: the schedule (every N hours, and on quit when something changed), one job at a
 * time in a thread of its own, and the answers to `backups.*`. The database is only read (a snapshot on its own
 * connection); settings are written through the store like any other change.
 */
export function backupService(options: BackupServiceOptions): BackupService {
  const { store, dataDir, runJob, appVersion, now = () => new Date(), tickMs = 60_000 } = options;
  const log =
    options.log ?? ((message: string, error?: unknown) => console.warn(`[leitstand] ${message}`, error ?? ''));
  let running: Promise<BackupSummary> | null = null;
  let lastError: string | null = null;
  let timer: NodeJS.Timeout | null = null;

  const config = () => store.call('backups.config.get', {});
  const defaultRoot = options.defaultRoot ?? defaultBackupRoot(dataDir);
  const rootOf = (c: BackupConfig) => c.target || defaultRoot;

  const targetState = (c: BackupConfig): BackupList['targetState'] => {
    const root = rootOf(c);
    // A chosen folder must be there (a stick that is not plugged in is not silently replaced by the laptop's disk);
    // the default one is created with the first backup.
    const probe = existsSync(root) ? root : c.target ? null : dataDir;
    if (!probe || !statSync(probe).isDirectory()) return 'missing';
    try {
      accessSync(probe, constants.W_OK);
      return 'ok';
    } catch {
      return 'unwritable';
    }
  };

  const run = (): Promise<BackupSummary> => {
    running ??= (async () => {
      const c = await config();
      const state = targetState(c);
      if (state === 'missing') throw new AppError('store_unavailable', 'backup_target_missing', { target: rootOf(c) });
      if (state === 'unwritable')
        throw new AppError('store_unavailable', 'backup_target_readonly', { target: rootOf(c) });
      return runJob({ kind: 'backup', dataDir, root: rootOf(c), keys: c.keys, keep: c.keep, appVersion });
    })()
      .then((made) => {
        lastError = null;
        return made;
      })
      .catch((error: unknown) => {
        lastError = error instanceof AppError ? error.messageKey : String(error);
        throw error;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  /** Without any verified backup, the desk counts as unprotected once it has existed for a day. */
  const since = async () => (await store.call('audit.head', {})).firstAt ?? now().toISOString();

  const list = async (): Promise<BackupList> => {
    const c = await config();
    const state = targetState(c);
    const backups = state === 'missing' ? [] : findBackups(rootOf(c)).backups.map(summary);
    const lastVerified = backups.find((b) => b.verification.state === 'ok');
    return {
      target: rootOf(c),
      targetState: state,
      running: running !== null,
      lastVerifiedAt: lastVerified?.createdAt ?? null,
      stale: state !== 'ok' || now().getTime() - Date.parse(lastVerified?.createdAt ?? (await since())) > STALE_MS,
      lastError,
      backups,
    };
  };

  const view = (c: BackupConfig): BackupSettingsView => ({
    enabled: c.enabled,
    target: c.target,
    defaultTarget: defaultRoot,
    everyHours: c.everyHours,
    keep: c.keep,
    encrypted: c.keys !== null,
  });

  /** Due when the newest backup (verified or not) is older than the interval; a missing folder is tried again. */
  const due = async (): Promise<boolean> => {
    const c = await config();
    if (!c.enabled || targetState(c) !== 'ok') return false;
    const newest = findBackups(rootOf(c)).backups[0];
    return !newest || now().getTime() - Date.parse(newest.manifest.createdAt) >= c.everyHours * 3_600_000;
  };

  const tick = () => {
    if (running) return;
    void due()
      .then((isDue) => (isDue ? run().then(() => undefined) : undefined))
      .catch((error: unknown) => log('backup failed', error));
  };

  return {
    handlers: {
      'backups.list': list,
      'backups.run': () => run(),
      'backups.verify': async ({ id, passphrase }) => {
        const c = await config();
        return runJob({ kind: 'verify', dataDir, root: rootOf(c), id, ...(passphrase ? { passphrase } : {}) });
      },
      'backups.restore': async ({ id, to, reopen, passphrase }) => {
        const c = await config();
        const secret = passphrase ? { passphrase } : {};
        if (!reopen) return runJob({ kind: 'restore', dataDir, root: rootOf(c), id, to: to ?? '', ...secret });
        if (!options.reopen) throw new AppError('conflict', 'restore_reopen_unavailable');
        // Restored inside the data folder (one file system: the swap is renames only), then swapped in.
        const inside = join(dataDir, `.restore-${backupIdAt(now())}`);
        const outcome = await runJob({ kind: 'restore', dataDir, root: rootOf(c), id, to: inside, ...secret });
        const keptAside = await options.reopen(inside);
        rmSync(inside, { recursive: true, force: true });
        return { ...outcome, dataDir, keptAside };
      },
      'backups.settings.get': async () => view(await config()),
      'backups.settings.update': async (patch) => {
        const before = await config();
        const next: BackupConfig = {
          ...before,
          ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
          ...(patch.target !== undefined ? { target: patch.target } : {}),
          ...(patch.everyHours !== undefined ? { everyHours: patch.everyHours } : {}),
          ...(patch.keep ? { keep: patch.keep } : {}),
        };
        if (patch.encryption?.enabled === false) next.keys = null;
        if (patch.encryption?.enabled === true)
          next.keys = await runJob({
            kind: 'keys',
            root: rootOf(next),
            passphrase: patch.encryption.passphrase,
            previous: before.keys,
          });
        return view(await store.call('backups.config.save', { config: next }));
      },
    },
    start: () => {
      timer ??= setInterval(tick, tickMs);
      timer.unref?.();
    },
    stop: async ({ finalBackup = false } = {}) => {
      if (timer) clearInterval(timer);
      timer = null;
      if (running) await running.catch(() => undefined);
      if (!finalBackup) return;
      try {
        const c = await config();
        if (!c.enabled || targetState(c) !== 'ok') return;
        const newest = findBackups(rootOf(c)).backups[0];
        const head = await store.call('audit.head', {});
        if (newest && newest.manifest.chainHead.eventId === head.eventId) return;
        await run();
      } catch (error) {
        log('backup on quit failed', error);
      }
    },
  };
}
