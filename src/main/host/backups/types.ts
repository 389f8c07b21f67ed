import type { z } from 'zod';
import type { backupCountsSchema } from '../../../shared/contract/backups';
import type { BackupKeys } from '../../../shared/domain/backups';

export type BackupCounts = z.infer<typeof backupCountsSchema>;

/** What a backup job gets from the host: where from, where to, and the public half of the keys. */
export type BackupJob = {
  kind: 'backup';
  dataDir: string;
  root: string;
  keys: BackupKeys | null;
  keep: { hourly: number; daily: number; monthly: number };
  appVersion: string;
};
export type VerifyJob = { kind: 'verify'; dataDir: string; root: string; id: string; passphrase?: string };
export type RestoreJob = {
  kind: 'restore';
  dataDir: string;
  root: string;
  id: string;
  to: string;
  passphrase?: string;
};
export type KeysJob = { kind: 'keys'; root: string; passphrase: string; previous: BackupKeys | null };
export type Job = BackupJob | VerifyJob | RestoreJob | KeysJob;
