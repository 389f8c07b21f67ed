import { z } from 'zod';
import { absoluteFolder, backupConfigSchema, backupKeepSchema, MIN_PASSPHRASE_LENGTH } from '../domain/backups';
import { humane } from '../domain/fields';
import { rule } from '../domain/rule';
import { command, empty, query } from './common';

/** A folder of one backup inside the backup root: its UTC time of creation, e.g. 2026-12-02T07-30-00-000Z. */
export const backupIdSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/, rule('rule_backup_id', 'is not a backup'));

/** Typed by a person in one line, never shown again: not trimmed (every character counts), no hidden characters. */
const passphrase = humane(z.string().min(1).max(1000), true);

export const backupCountsSchema = z.strictObject({
  tickets: z.int(),
  events: z.int(),
  attachments: z.int(),
  people: z.int(),
});

export const backupVerificationSchema = z.strictObject({
  state: z.enum(['ok', 'failed']),
  at: z.iso.datetime({ offset: true }),
  /** Whether the content was opened (decrypted) and checked, or only the stored files' hashes were compared. */
  depth: z.enum(['full', 'files']),
  eventsChecked: z.int(),
  filesChecked: z.int(),
  problems: z.array(z.string()),
});
export type BackupVerification = z.infer<typeof backupVerificationSchema>;

export const backupSummarySchema = z.strictObject({
  id: backupIdSchema,
  createdAt: z.iso.datetime({ offset: true }),
  encrypted: z.boolean(),
  schemaVersion: z.int(),
  /** Bytes of this backup's own files (database and manifest); attachments are shared between backups. */
  sizeBytes: z.int(),
  filesBytes: z.int(),
  durationMs: z.int(),
  counts: backupCountsSchema,
  verification: backupVerificationSchema,
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

export const backupSettingsViewSchema = z.strictObject({
  enabled: z.boolean(),
  target: z.string(),
  /** Where backups go when no folder is chosen. */
  defaultTarget: z.string(),
  everyHours: z.int(),
  keep: backupKeepSchema,
  encrypted: z.boolean(),
});
export type BackupSettingsView = z.infer<typeof backupSettingsViewSchema>;

export const backupListSchema = z.strictObject({
  target: z.string(),
  /** `missing`: the folder is not there (a USB stick not plugged in); `unwritable`: it cannot be written. */
  targetState: z.enum(['ok', 'missing', 'unwritable']),
  running: z.boolean(),
  lastVerifiedAt: z.iso.datetime({ offset: true }).nullable(),
  /** The folder is missing, or the last verified backup is older than 24 hours (none: the desk is older than that). */
  stale: z.boolean(),
  lastError: z.string().nullable(),
  backups: z.array(backupSummarySchema),
});
export type BackupList = z.infer<typeof backupListSchema>;

export const backupSettingsUpdateSchema = z.strictObject({
  enabled: z.boolean().optional(),
  target: z.union([z.literal(''), absoluteFolder]).optional(),
  everyHours: z.int().min(1).max(168).optional(),
  keep: backupKeepSchema.optional(),
  encryption: z
    .discriminatedUnion('enabled', [
      z.strictObject({ enabled: z.literal(false) }),
      z.strictObject({
        enabled: z.literal(true),
        passphrase: passphrase.refine(
          (value) => Array.from(value).length >= MIN_PASSPHRASE_LENGTH,
          rule('rule_passphrase_short', 'is too short'),
        ),
      }),
    ])
    .optional(),
});

export const backupRestoreOutput = z.strictObject({
  dataDir: z.string(),
  backupId: backupIdSchema,
  schemaVersion: z.int(),
  /** The backup's schema when older than this version (it was migrated while restoring). */
  migratedFrom: z.int().nullable(),
  counts: backupCountsSchema,
  files: z.int(),
  /** With `reopen`: where the desk as it was before is kept. */
  keptAside: z.string().nullable(),
});

export const backupsContract = {
  'backups.list': query(empty, backupListSchema),
  'backups.run': command(empty, backupSummarySchema),
  'backups.verify': command(
    z.strictObject({ id: backupIdSchema, passphrase: passphrase.optional() }),
    backupSummarySchema,
  ),
  /**
   * Into a new, empty folder `to`; or, with `reopen`, in place of the current desk, whose files are kept aside in
   * `before-restore-<time>/` of the data folder, and the desk reopens on the restored one.
   */
  'backups.restore': command(
    z
      .strictObject({
        id: backupIdSchema,
        to: absoluteFolder.optional(),
        reopen: z.boolean().default(false),
        passphrase: passphrase.optional(),
      })
      .refine(
        (input) => input.reopen || input.to !== undefined,
        rule('rule_restore_target', 'needs a new folder, or reopen'),
      ),
    backupRestoreOutput,
  ),
  'backups.settings.get': query(empty, backupSettingsViewSchema),
  'backups.settings.update': command(backupSettingsUpdateSchema, backupSettingsViewSchema),
  /** The store's record of the backup settings and keys; written by the host's backup service, not by windows. */
  'backups.config.get': query(empty, backupConfigSchema),
  'backups.config.save': command(z.strictObject({ config: backupConfigSchema }), backupConfigSchema),
} as const;
