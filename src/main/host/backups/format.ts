import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { backupCountsSchema, backupIdSchema, backupVerificationSchema } from '../../../shared/contract/backups';
import { backupKeysSchema } from '../../../shared/domain/backups';

/**
 * The layout of a backup folder (the root the coordinator chooses):
 *   <root>/keys.json                      only with encryption: public key and the passphrase-sealed secret key
 *   <root>/files/<aa>/<name>              attachments and packets, content-addressed, shared by every backup
 *   <root>/<id>/leitstand.sqlite[.enc]    the database as of the backup
 *   <root>/<id>/manifest.json             what the backup holds, with the SHA-256 of every file
 *   <root>/<id>/verification.json         the last verification's result
 *   <root>/.partial-<id>-<pid>/           a backup being written; never listed, removed by the next run
 */

export const MANIFEST = 'manifest.json';
export const VERIFICATION = 'verification.json';
export const KEYS_FILE = 'keys.json';
export const PARTIAL_PREFIX = '.partial-';
export const databaseName = (encrypted: boolean) => (encrypted ? 'leitstand.sqlite.enc' : 'leitstand.sqlite');

export const backupIdAt = (at: Date): string => at.toISOString().replace(/[:.]/g, '-');
export const createdAtOf = (id: string): string =>
  id.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3}Z)$/, '$1:$2:$3.$4');

export const poolPath = (root: string, name: string) => join(root, 'files', name.slice(0, 2), name);

/** Where backups go when none is chosen: beside the data directory, e.g. ~/.local/share/leitstand-backups. */
export const defaultBackupRoot = (dataDir: string) => join(dirname(dataDir), `${basename(dataDir)}-backups`);

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestFileSchema = z.strictObject({
  /** Path inside the data directory, with forward slashes (attachments/ab/<sha>, escalations/<packet>). */
  path: z
    .string()
    .min(1)
    .max(500)
    .refine((path) => !path.split('/').some((part) => part === '..' || part === '') && !path.startsWith('/')),
  sha256,
  size: z.int().nonnegative(),
  /** Name in <root>/files: the plain hash, or a keyed one in an encrypted backup. */
  pool: z.string().regex(/^[0-9a-f]{64}$/),
  /** SHA-256 of the stored copy (differs from `sha256` when encrypted). */
  storedSha256: sha256,
});

export const manifestSchema = z.strictObject({
  format: z.literal(1),
  id: backupIdSchema,
  createdAt: z.iso.datetime({ offset: true }),
  appVersion: z.string().max(50),
  schemaVersion: z.int().positive(),
  encrypted: z.boolean(),
  /** The public key it was sealed to (a backup made before the passphrase changed needs the old one). */
  publicKey: z.base64().nullable(),
  durationMs: z.int().nonnegative(),
  counts: backupCountsSchema,
  /** The event chain's head at the backup: what audit.verify of the restored desk must end at. */
  chainHead: z.strictObject({ eventId: z.int().nonnegative(), hash: z.string().max(64) }),
  database: z.strictObject({ file: z.string().max(100), size: z.int(), sha256, plainSha256: sha256 }),
  files: z.array(manifestFileSchema),
});
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFile = z.infer<typeof manifestFileSchema>;

export const verificationFileSchema = backupVerificationSchema;
export const keysFileSchema = backupKeysSchema;
