import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupSummary, BackupVerification } from '../../../shared/contract/backups';
import type { BackupKeys } from '../../../shared/domain/backups';
import { AppError } from '../../../shared/errors';
import { DIR_MODE, ensureDirDurably, fsyncDir, writeFileDurably, writeFileDurablyWith } from '../../files/durableFile';
import { databaseFile, openDatabase } from '../../store/database';
import { latestSchemaVersion } from '../../store/migrations';
import {
  findBackups,
  knownCopies,
  readKeysFile,
  removePartials,
  rotate,
  summary,
  writeKeysFile,
  type FoundBackup,
} from './catalogue';
import { createKeys, decryptFile, encryptInto, newFileKey, openKeys, sodiumReady, type KeyPair } from './crypto';
import { copyInto, copyToPool, hashFile, pacedWriter, plainHash, removeGently } from './files';
import {
  backupIdAt,
  createdAtOf,
  databaseName,
  MANIFEST,
  PARTIAL_PREFIX,
  poolPath,
  VERIFICATION,
  type Manifest,
} from './format';
import { inspectDatabase, snapshotDatabase } from './snapshot';
import type { BackupJob, KeysJob, RestoreJob, VerifyJob } from './types';

/** Scratch space for a plain copy that must not land on the backup medium (encrypted backups, verification). */
const workDir = (dataDir: string) => join(dataDir, '.backup-work');

function freshWorkFile(dir: string, name: string): string {
  ensureDirDurably(dir);
  const path = join(dir, name);
  rmSync(path, { force: true });
  return path;
}

/** Turns a file-system failure at the backup folder into what the coordinator can act on. */
function targetError(error: unknown, root: string): unknown {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new AppError('store_unavailable', 'backup_target_full', { target: root });
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return new AppError('store_unavailable', 'backup_target_readonly', { target: root });
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EIO' || code === 'ENXIO' || code === 'ESTALE')
    return new AppError('store_unavailable', 'backup_target_missing', { target: root });
  return error;
}

export async function runBackup(job: BackupJob, now = new Date()): Promise<BackupSummary> {
  const started = Date.now();
  if (job.keys) await sodiumReady();
  const id = backupIdAt(now);
  const partial = join(job.root, `${PARTIAL_PREFIX}${id}-${process.pid}`);
  const plain = job.keys ? freshWorkFile(workDir(job.dataDir), `${id}.sqlite`) : join(partial, databaseName(false));
  try {
    try {
      ensureDirDurably(job.root);
      removePartials(job.root);
      mkdirSync(partial, { mode: DIR_MODE });
      if (job.keys) writeKeysFile(job.root, job.keys);
      await snapshotDatabase(databaseFile(job.dataDir), plain);
    } catch (error) {
      throw targetError(error, job.root);
    }
    const report = inspectDatabase(plain);
    if (report.problems.length)
      throw new AppError('integrity', 'backup_source_damaged', { problems: report.problems.slice(0, 3).join('; ') });
    const known = knownCopies(findBackups(job.root).backups);
    const files = [];
    const problems: string[] = [];
    try {
      for (const file of report.files) {
        const outcome = copyToPool(job.root, job.dataDir, file, job.keys, known);
        if (outcome.entry) files.push(outcome.entry);
        if (outcome.problem) problems.push(outcome.problem);
      }
    } catch (error) {
      throw targetError(error, job.root);
    }
    const encrypted = job.keys !== null;
    const stored = join(partial, databaseName(encrypted));
    const plainSha256 = hashFile(plain);
    try {
      if (job.keys) {
        const fileKey = newFileKey();
        const publicKey = new Uint8Array(Buffer.from(job.keys.publicKey, 'base64'));
        writeFileDurablyWith(stored, (fd) => encryptInto(plain, pacedWriter(fd), publicKey, fileKey));
        if (plainHash(stored, { fileKey }) !== plainSha256) problems.push('database copy does not read back');
      }
      const manifest: Manifest = {
        format: 1,
        id,
        createdAt: createdAtOf(id),
        appVersion: job.appVersion,
        schemaVersion: report.schemaVersion,
        encrypted,
        publicKey: job.keys?.publicKey ?? null,
        durationMs: Date.now() - started,
        counts: report.counts,
        chainHead: report.chainHead,
        database: { file: databaseName(encrypted), size: statSync(stored).size, sha256: hashFile(stored), plainSha256 },
        files,
      };
      const verification: BackupVerification = {
        state: problems.length ? 'failed' : 'ok',
        at: new Date().toISOString(),
        depth: 'full',
        eventsChecked: report.eventsChecked,
        filesChecked: files.length,
        problems,
      };
      if (problems.length)
        throw new AppError('integrity', 'backup_verify_failed', { problems: problems.slice(0, 3).join('; ') });
      writeFileDurably(join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
      writeFileDurably(join(partial, VERIFICATION), `${JSON.stringify(verification, null, 2)}\n`);
      // Only now does it count: complete and verified, under its final name.
      renameSync(partial, join(job.root, id));
      fsyncDir(job.root);
      await rotate(job.root, job.keep);
      return summary({ manifest, verification, dir: join(job.root, id) });
    } catch (error) {
      throw targetError(error, job.root);
    }
  } finally {
    await removeGently(partial);
    if (job.keys) await removeGently(plain);
  }
}

function findOne(root: string, id: string): FoundBackup {
  const found = findBackups(root).backups.find((b) => b.manifest.id === id);
  if (!found) {
    if (!existsSync(root)) throw new AppError('store_unavailable', 'backup_target_missing', { target: root });
    throw new AppError('not_found', 'backup_not_found', { id });
  }
  return found;
}

/** The key pair a backup was sealed to, opened with the passphrase. */
function pairFor(root: string, manifest: Manifest, passphrase: string | undefined): KeyPair | null {
  if (!manifest.encrypted) return null;
  if (!passphrase) throw new AppError('invalid_input', 'backup_passphrase_needed', { id: manifest.id });
  const keys = readKeysFile(root).find((k) => k.publicKey === manifest.publicKey);
  if (!keys) throw new AppError('integrity', 'backup_keys_missing', { id: manifest.id });
  return openKeys(keys, passphrase);
}

/** `scratch`: a decrypted copy the caller removes (gently) once done with it. */
type Checked = { verification: BackupVerification; plainDatabase: string | null; scratch: string | null };

/**
 * Checks a backup: every stored file against the manifest; with the content readable (not encrypted, or the
 * passphrase given) the database is opened read-only, its pages and event chain checked, and every file decrypted
 * and hashed. Leaves the plain database in `scratch.dir` when `scratch.keep` (restore goes on from it).
 */
function check(
  job: { root: string },
  found: FoundBackup,
  pair: KeyPair | null,
  scratch: { dir: string; keep: boolean },
): Checked {
  const { manifest } = found;
  const problems: string[] = [];
  const stored = join(found.dir, manifest.database.file);
  const full = !manifest.encrypted || pair !== null;
  let eventsChecked = 0;
  let plainDatabase: string | null = null;
  let leftOver: string | null = null;
  if (!existsSync(stored) || hashFile(stored) !== manifest.database.sha256)
    problems.push('database file changed or missing');
  else if (full) {
    const plain = manifest.encrypted ? freshWorkFile(scratch.dir, `${manifest.id}.verify.sqlite`) : stored;
    try {
      if (manifest.encrypted && pair) {
        writeFileDurablyWith(plain, (fd) => decryptFile(stored, { pair }, pacedWriter(fd), manifest.database.file));
      }
      if (hashFile(plain) !== manifest.database.plainSha256) problems.push('database content changed');
      else {
        const report = inspectDatabase(plain);
        problems.push(...report.problems);
        eventsChecked = report.eventsChecked;
        if (
          report.chainHead.eventId !== manifest.chainHead.eventId ||
          report.chainHead.hash !== manifest.chainHead.hash
        )
          problems.push('chain head differs from the manifest');
      }
      if (scratch.keep && !problems.length) plainDatabase = plain;
    } catch (error) {
      problems.push(error instanceof AppError ? error.messageKey : String(error));
    } finally {
      if (manifest.encrypted) leftOver = plain;
    }
  }
  let filesChecked = 0;
  for (const file of manifest.files) {
    const copy = poolPath(job.root, file.pool);
    filesChecked += 1;
    try {
      if (!existsSync(copy) || hashFile(copy) !== file.storedSha256)
        problems.push(`file changed or missing: ${file.path}`);
      else if (full && manifest.encrypted && pair && plainHash(copy, { pair }) !== file.sha256)
        problems.push(`file content changed: ${file.path}`);
    } catch {
      problems.push(`file unreadable: ${file.path}`);
    }
  }
  return {
    verification: {
      state: problems.length ? 'failed' : 'ok',
      at: new Date().toISOString(),
      depth: full ? 'full' : 'files',
      eventsChecked,
      filesChecked,
      problems: problems.slice(0, 50),
    },
    plainDatabase,
    scratch: leftOver,
  };
}

export async function verifyBackup(job: VerifyJob): Promise<BackupSummary> {
  await sodiumReady();
  const found = findOne(job.root, job.id);
  // Without the passphrase an encrypted backup is checked by its stored files' hashes only.
  const pair = job.passphrase ? pairFor(job.root, found.manifest, job.passphrase) : null;
  const { verification, scratch } = check(job, found, pair, { dir: workDir(job.dataDir), keep: false });
  if (scratch) await removeGently(scratch);
  try {
    writeFileDurably(join(found.dir, VERIFICATION), `${JSON.stringify(verification, null, 2)}\n`);
  } catch (error) {
    // A read-only stick can still be verified; the result is then only answered, not stored.
    if (targetError(error, job.root) instanceof AppError === false) throw error;
  }
  return summary({ ...found, verification });
}

export type RestoreOutcome = {
  dataDir: string;
  backupId: string;
  schemaVersion: number;
  migratedFrom: number | null;
  counts: Manifest['counts'];
  files: number;
  keptAside: string | null;
};

/**
 * Restores a backup into a new data directory (never over an existing one): verified first, written under a
 * temporary name, migrated if older, and renamed into place only when complete.
 */
export async function restoreBackup(job: RestoreJob): Promise<RestoreOutcome> {
  await sodiumReady();
  if (existsSync(job.to) && readdirSync(job.to).length > 0)
    throw new AppError('conflict', 'restore_target_not_empty', { dir: job.to });
  const found = findOne(job.root, job.id);
  const { manifest } = found;
  if (manifest.schemaVersion > latestSchemaVersion)
    throw new AppError('store_unavailable', 'backup_too_new', {
      found: manifest.schemaVersion,
      known: latestSchemaVersion,
    });
  const pair = pairFor(job.root, manifest, job.passphrase);
  // Everything lands in a folder beside the target first (on its disk: a decrypted copy never touches another one).
  const temp = `${job.to}.restoring-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  let plainDatabase: string | null = null;
  try {
    ensureDirDurably(temp);
    const checked = check(job, found, pair, { dir: temp, keep: true });
    plainDatabase = checked.plainDatabase;
    if (checked.scratch && checked.scratch !== plainDatabase) await removeGently(checked.scratch);
    if (checked.verification.state !== 'ok' || !plainDatabase)
      throw new AppError('integrity', 'backup_verify_failed', {
        problems: checked.verification.problems.slice(0, 3).join('; '),
      });
    const database = databaseFile(temp);
    if (manifest.encrypted) renameSync(plainDatabase, database);
    else writeFileDurablyWith(database, (fd) => copyInto(plainDatabase ?? '', fd));
    for (const file of manifest.files) {
      const copy = poolPath(job.root, file.pool);
      const target = join(temp, ...file.path.split('/'));
      if (pair) writeFileDurablyWith(target, (fd) => decryptFile(copy, { pair }, pacedWriter(fd), file.path));
      else writeFileDurablyWith(target, (fd) => copyInto(copy, fd));
      if (hashFile(target) !== file.sha256)
        throw new AppError('integrity', 'backup_verify_failed', { problems: file.path });
    }
    const { db } = openDatabase(temp);
    const schemaVersion = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    db.close();
    renameSync(temp, job.to);
    fsyncDir(join(job.to, '..'));
    return {
      dataDir: job.to,
      backupId: manifest.id,
      schemaVersion,
      migratedFrom: manifest.schemaVersion < schemaVersion ? manifest.schemaVersion : null,
      counts: manifest.counts,
      files: manifest.files.length,
      keptAside: null,
    };
  } catch (error) {
    await removeGently(temp);
    throw error;
  }
}

/** New keys for a passphrase (Argon2id is slow on purpose: this runs in a job thread), also written to the root. */
export async function makeKeys(job: KeysJob): Promise<BackupKeys> {
  await sodiumReady();
  const keys = createKeys(job.passphrase, new Date());
  try {
    ensureDirDurably(job.root);
    writeKeysFile(job.root, keys);
  } catch {
    // The folder is not there right now (a stick): the keys are written with the next backup.
  }
  return keys;
}
