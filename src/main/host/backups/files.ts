import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fdatasyncSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { BackupKeys } from '../../../shared/domain/backups';
import { writeFileDurablyWith } from '../../files/durableFile';
import { decryptFile, encryptInto, newFileKey, poolName, type KeyPair } from './crypto';
import { poolPath, type ManifestFile } from './format';
import type { StoredFile } from './snapshot';

const CHUNK = 1024 * 1024;

/** SHA-256 of a file read in chunks (attachments can be large; nothing is held whole in memory). */
export function hashFile(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK);
    for (let read = readSync(fd, buffer, 0, CHUNK, null); read > 0; read = readSync(fd, buffer, 0, CHUNK, null))
      hash.update(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Flushes every 8 MB while a large file is written: the desk's own commits never wait behind a long backlog. */
const FLUSH_EVERY = 8 * 1024 * 1024;

export function pacedWriter(fd: number): (chunk: Uint8Array) => void {
  let unflushed = 0;
  return (chunk) => {
    for (let offset = 0; offset < chunk.length;) offset += writeSync(fd, chunk, offset, chunk.length - offset);
    unflushed += chunk.length;
    if (unflushed >= FLUSH_EVERY) {
      fdatasyncSync(fd);
      unflushed = 0;
    }
  };
}

export function copyInto(source: string, fd: number): void {
  const input = openSync(source, 'r');
  const write = pacedWriter(fd);
  try {
    const buffer = Buffer.alloc(CHUNK);
    for (let read = readSync(input, buffer, 0, CHUNK, null); read > 0; read = readSync(input, buffer, 0, CHUNK, null))
      write(buffer.subarray(0, read));
  } finally {
    closeSync(input);
  }
}

/** Writes `source` to `target` durably, encrypted to `publicKey` when given; returns the stored copy's hash. */
export function storeCopy(
  source: string,
  target: string,
  publicKey: Uint8Array | null,
): { fileKey: Uint8Array | null } {
  const fileKey = publicKey ? newFileKey() : null;
  writeFileDurablyWith(target, (fd) => {
    if (publicKey && fileKey) encryptInto(source, pacedWriter(fd), publicKey, fileKey);
    else copyInto(source, fd);
  });
  return { fileKey };
}

/** The SHA-256 of what a stored copy holds: decrypted with the key it was written with, or as it is. */
export function plainHash(stored: string, key: { fileKey: Uint8Array } | { pair: KeyPair } | null): string {
  if (!key) return hashFile(stored);
  const hash = createHash('sha256');
  decryptFile(stored, key, (plain) => hash.update(plain), stored);
  return hash.digest('hex');
}

export type CopyOutcome = { entry: ManifestFile | null; problem: string | null; copiedBytes: number };

/**
 * Puts one file of the desk into the shared copies: copied only when no good copy is there yet (content-addressed;
 * `known` holds the stored hashes recorded by the backups kept so far, so a copy left by a killed run or changed
 * since is written again), checked against the hash its row recorded, and checked again by reading it back.
 */
export function copyToPool(
  root: string,
  dataDir: string,
  file: StoredFile,
  keys: BackupKeys | null,
  known: ReadonlyMap<string, string>,
): CopyOutcome {
  const name = poolName(file.sha256, keys);
  const target = poolPath(root, name);
  const source = join(dataDir, ...file.path.split('/'));
  const recorded = known.get(name);
  if (existsSync(target) && recorded !== undefined && hashFile(target) === recorded)
    return {
      entry: {
        path: file.path,
        sha256: file.sha256,
        size: file.size ?? statSync(source).size,
        pool: name,
        storedSha256: recorded,
      },
      problem: null,
      copiedBytes: 0,
    };
  if (!existsSync(source)) return { entry: null, problem: `file missing in the desk: ${file.path}`, copiedBytes: 0 };
  if (hashFile(source) !== file.sha256)
    return { entry: null, problem: `file changed in the desk: ${file.path}`, copiedBytes: 0 };
  const { fileKey } = storeCopy(source, target, keys ? new Uint8Array(Buffer.from(keys.publicKey, 'base64')) : null);
  const copiedBytes = statSync(target).size;
  if (plainHash(target, fileKey ? { fileKey } : null) !== file.sha256)
    return { entry: null, problem: `copy does not read back: ${file.path}`, copiedBytes };
  return {
    entry: {
      path: file.path,
      sha256: file.sha256,
      size: statSync(source).size,
      pool: name,
      storedSha256: hashFile(target),
    },
    problem: null,
    copiedBytes,
  };
}

const TRUNCATE_STEP = 16 * 1024 * 1024;

/**
 * Deletes a file or folder without stalling the desk's commits: a large file is cut down in steps first (freeing
 * 400 MB at once holds the file system's journal, and every fsync waits for it), as RocksDB deletes its files.
 */
export async function removeGently(path: string): Promise<void> {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    for (const name of readdirSync(path)) await removeGently(join(path, name));
  } else if (stat.size > TRUNCATE_STEP) {
    const fd = openSync(path, 'r+');
    try {
      for (let size = stat.size - TRUNCATE_STEP; size > 0; size -= TRUNCATE_STEP) {
        ftruncateSync(fd, size);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    } finally {
      closeSync(fd);
    }
  }
  rmSync(path, { recursive: true, force: true });
}
