import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../shared/errors';
import { writeFileDurably } from '../files/durableFile';

export type HostLock = { release: () => void };

const lockFile = (dataDir: string) => join(dataDir, 'host.lock');
const ownerFile = (dataDir: string) => join(dataDir, 'host.json');

type Owner = { pid: number; startedAt: string };

/**
 * One host per data directory. The lock is SQLite's exclusive lock on a file of its own (fcntl on POSIX,
 * LockFileEx on Windows): the kernel drops it when the process dies, however it dies, so a crashed host never
 * blocks the next start, and a live one always does. `host.json` beside it names the holder for the message.
 */
export function acquireHostLock(dataDir: string): HostLock {
  const db = new DatabaseSync(lockFile(dataDir), { timeout: 0 });
  try {
    // No journal: nothing is ever written to this file; the lock is all it is for.
    db.exec('PRAGMA journal_mode = OFF');
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch {
    db.close();
    let owner: Owner | null = null;
    try {
      owner = JSON.parse(readFileSync(ownerFile(dataDir), 'utf8')) as Owner;
    } catch {
      // Written just after the lock was taken; a holder that is still starting has none yet.
    }
    throw new AppError('store_unavailable', 'store_in_use', {
      dir: dataDir,
      pid: owner?.pid ?? '?',
      since: owner?.startedAt ?? '?',
    });
  }
  const owner: Owner = { pid: process.pid, startedAt: new Date().toISOString() };
  writeFileDurably(ownerFile(dataDir), `${JSON.stringify(owner)}\n`);
  return {
    release: () => {
      rmSync(ownerFile(dataDir), { force: true });
      db.exec('ROLLBACK');
      db.close();
    },
  };
}
