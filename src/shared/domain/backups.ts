import { z } from 'zod';
import { line } from './fields';
import { rule } from './rule';

/** A folder named in full (POSIX `/…`, Windows `C:\…` or a share `\\server\…`): never relative to wherever the host runs. */
export const absoluteFolder = line(1000)
  .min(1)
  .refine((path) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path), rule('rule_absolute_folder', 'must be a full folder path'));

/** How many backups of each kind rotation keeps: the newest of each hour, day and month. */
export const backupKeepSchema = z.strictObject({
  hourly: z.int().min(0).max(168),
  daily: z.int().min(0).max(366),
  monthly: z.int().min(0).max(120),
});
export type BackupKeep = z.infer<typeof backupKeepSchema>;

export const defaultBackupKeep: BackupKeep = { hourly: 24, daily: 14, monthly: 12 };

/**
 * The key material of encrypted backups. Backups are sealed to `publicKey`, so a scheduled backup needs no
 * passphrase; the secret key is stored only encrypted under a key derived from the passphrase (Argon2id).
 */
export const backupKeysSchema = z.strictObject({
  version: z.literal(1),
  kdf: z.literal('argon2id13'),
  opsLimit: z.int().positive(),
  memLimit: z.int().positive(),
  salt: z.base64(),
  publicKey: z.base64(),
  nonce: z.base64(),
  sealedSecretKey: z.base64(),
  /** Names the attachment copies of encrypted backups, so their names do not reveal the files' hashes. */
  poolKey: z.base64(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type BackupKeys = z.infer<typeof backupKeysSchema>;

/** What the store keeps about backups (the settings a coordinator makes, and the public half of the keys). */
export const backupConfigSchema = z.strictObject({
  enabled: z.boolean(),
  /** Folder of the backups; empty: next to the data directory (`<data>-backups`). */
  target: z.union([z.literal(''), absoluteFolder]),
  everyHours: z.int().min(1).max(168),
  keep: backupKeepSchema,
  keys: backupKeysSchema.nullable(),
});
export type BackupConfig = z.infer<typeof backupConfigSchema>;

export const defaultBackupConfig: BackupConfig = {
  enabled: true,
  target: '',
  everyHours: 4,
  keep: defaultBackupKeep,
  keys: null,
};

export const MIN_PASSPHRASE_LENGTH = 12;

type Dated = { id: string; createdAt: string };

const hourKey = (at: string) => at.slice(0, 13);
const dayKey = (at: string) => at.slice(0, 10);
const monthKey = (at: string) => at.slice(0, 7);

/**
 * Which backups rotation keeps: the newest backup of each of the last `hourly` hours, `daily` days and `monthly`
 * months that have one (UTC), and always the newest of all. Pure; the caller deletes the rest.
 */
export function backupsToKeep<T extends Dated>(backups: readonly T[], keep: BackupKeep): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const kept = new Set<string>();
  if (newestFirst[0]) kept.add(newestFirst[0].id);
  const slots: [(at: string) => string, number][] = [
    [hourKey, keep.hourly],
    [dayKey, keep.daily],
    [monthKey, keep.monthly],
  ];
  for (const [slotOf, count] of slots) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      const slot = slotOf(backup.createdAt);
      if (seen.has(slot)) continue;
      if (seen.size >= count) break;
      seen.add(slot);
      kept.add(backup.id);
    }
  }
  return kept;
}

/**
 * The latest moment a backup made at `createdAt` can still be kept by rotation (it can hold a slot of each kind
 * until that many newer slots exist): what an erasure record says about older backups.
 */
export function keptAtMostUntil(createdAt: string, keep: BackupKeep): Date {
  const at = new Date(createdAt);
  const ends = [
    keep.hourly > 0
      ? Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), at.getUTCHours() + keep.hourly + 1)
      : 0,
    keep.daily > 0 ? Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + keep.daily + 1) : 0,
    keep.monthly > 0 ? Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + keep.monthly + 1, 1) : 0,
  ];
  return new Date(Math.max(at.getTime(), ...ends));
}
