import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupSummary, BackupVerification } from '../../../shared/contract/backups';
import { backupIdSchema } from '../../../shared/contract/backups';
import { backupsToKeep, type BackupKeep, type BackupKeys } from '../../../shared/domain/backups';
import { writeFileDurably } from '../../files/durableFile';
import {
  KEYS_FILE,
  MANIFEST,
  manifestSchema,
  PARTIAL_PREFIX,
  VERIFICATION,
  verificationFileSchema,
  type Manifest,
} from './format';
import { keysFileSchema } from './format';
import { removeGently } from './files';
import { z } from 'zod';

/** A backup as found in its folder: the manifest (checked against its schema) and the last verification. */
export type FoundBackup = { manifest: Manifest; verification: BackupVerification | null; dir: string };

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** The backups in `root`, newest first. Folders that are not complete backups are not listed (nor trusted). */
export function findBackups(root: string): { backups: FoundBackup[]; unreadable: string[] } {
  const backups: FoundBackup[] = [];
  const unreadable: string[] = [];
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return { backups, unreadable };
  }
  for (const name of names) {
    if (!backupIdSchema.safeParse(name).success) continue;
    const dir = join(root, name);
    try {
      const manifest = manifestSchema.parse(readJson(join(dir, MANIFEST)));
      if (manifest.id !== name) throw new Error('manifest of another backup');
      const verification = existsSync(join(dir, VERIFICATION))
        ? verificationFileSchema.parse(readJson(join(dir, VERIFICATION)))
        : null;
      backups.push({ manifest, verification, dir });
    } catch {
      unreadable.push(name);
    }
  }
  backups.sort((a, b) => b.manifest.createdAt.localeCompare(a.manifest.createdAt));
  return { backups, unreadable };
}

export function summary(found: FoundBackup): BackupSummary {
  const { manifest } = found;
  let sizeBytes = 0;
  for (const file of [manifest.database.file, MANIFEST])
    try {
      sizeBytes += statSync(join(found.dir, file)).size;
    } catch {
      // Counted as missing by verification.
    }
  return {
    id: manifest.id,
    createdAt: manifest.createdAt,
    encrypted: manifest.encrypted,
    schemaVersion: manifest.schemaVersion,
    sizeBytes,
    filesBytes: manifest.files.reduce((sum, file) => sum + file.size, 0),
    durationMs: manifest.durationMs,
    counts: manifest.counts,
    verification: found.verification ?? {
      state: 'failed',
      at: manifest.createdAt,
      depth: 'files',
      eventsChecked: 0,
      filesChecked: 0,
      problems: ['not verified'],
    },
  };
}

/**
 * Rotation: deletes the backups rotation does not keep, then the shared file copies no kept backup refers to.
 * Copies are kept whenever a folder could not be read: a backup that cannot be parsed may still need them.
 */
export async function rotate(root: string, keep: BackupKeep): Promise<string[]> {
  const { backups, unreadable } = findBackups(root);
  const kept = backupsToKeep(
    backups.map((b) => ({ id: b.manifest.id, createdAt: b.manifest.createdAt })),
    keep,
  );
  const removed: string[] = [];
  for (const backup of backups)
    if (!kept.has(backup.manifest.id)) {
      // Renamed first: a run killed while deleting leaves a partial folder (removed later), never half a backup.
      const doomed = join(root, `${PARTIAL_PREFIX}${backup.manifest.id}-${process.pid}`);
      renameSync(backup.dir, doomed);
      await removeGently(doomed);
      removed.push(backup.manifest.id);
    }
  if (unreadable.length) return removed;
  const referenced = new Set(
    backups.filter((b) => kept.has(b.manifest.id)).flatMap((b) => b.manifest.files.map((f) => f.pool)),
  );
  const pool = join(root, 'files');
  for (const shard of existsSync(pool) ? readdirSync(pool) : [])
    for (const name of readdirSync(join(pool, shard)))
      if (!referenced.has(name)) rmSync(join(pool, shard, name), { force: true });
  return removed;
}

/** The stored hash of every shared copy, as the kept backups recorded it. */
export function knownCopies(backups: readonly FoundBackup[]): Map<string, string> {
  const known = new Map<string, string>();
  for (const backup of backups) for (const file of backup.manifest.files) known.set(file.pool, file.storedSha256);
  return known;
}

/** Folders of backups that never completed (a killed run), except the one being written by a live process. */
export function removePartials(root: string): void {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(PARTIAL_PREFIX)) continue;
    const pid = Number(name.slice(name.lastIndexOf('-') + 1));
    if (pid === process.pid) continue;
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) continue;
    rmSync(join(root, name), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const keysListSchema = z.strictObject({ keys: z.array(keysFileSchema) });

/** Every key the root's backups were sealed to, newest first (a changed passphrase keeps the old keys listed). */
export function readKeysFile(root: string): BackupKeys[] {
  const path = join(root, KEYS_FILE);
  if (!existsSync(path)) return [];
  return keysListSchema.parse(readJson(path)).keys;
}

export function writeKeysFile(root: string, keys: BackupKeys): void {
  const others = readKeysFile(root).filter((k) => k.publicKey !== keys.publicKey);
  writeFileDurably(join(root, KEYS_FILE), `${JSON.stringify({ keys: [keys, ...others] }, null, 2)}\n`);
}
