import { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../shared/errors';
import type { Db } from './database';

/** SQLite before 3.51.3 can corrupt a WAL database when the WAL is reset under concurrent use. */
export const MIN_SQLITE_VERSION = '3.51.3';

const versionParts = (version: string) => version.split('.').map((part) => Number(part));
export function isAtLeast(version: string, minimum: string): boolean {
  const [a, b] = [versionParts(version), versionParts(minimum)];
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff > 0;
  }
  return true;
}

export const sqliteVersion = (db: Db): string => (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;

export function assertSqliteVersion(db: Db): void {
  const version = sqliteVersion(db);
  if (!isAtLeast(version, MIN_SQLITE_VERSION)) {
    throw new AppError('store_unavailable', 'store_sqlite_too_old', { version, minimum: MIN_SQLITE_VERSION });
  }
}

/** Durability rests on these two settings; a file system that silently refuses them is not one to write to. */
export function assertDurableSettings(db: Db): void {
  const { journal_mode } = db.prepare('PRAGMA journal_mode').get() as { journal_mode: string };
  const { synchronous } = db.prepare('PRAGMA synchronous').get() as { synchronous: number };
  if (journal_mode !== 'wal' || synchronous !== 2) {
    throw new AppError('store_unavailable', 'store_not_durable', { journal: journal_mode, synchronous });
  }
}

/** The problems `PRAGMA quick_check` or `integrity_check` reports; empty when the file is sound. */
export function checkProblems(db: Db, pragma: 'quick_check' | 'integrity_check'): string[] {
  const rows = db.prepare(`PRAGMA ${pragma}(20)`).all() as Record<string, string>[];
  const messages = rows.map((row) => Object.values(row)[0] ?? '');
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}

/** A check on its own read-only connection, so it can run beside the writer. */
export function backgroundCheck(file: string, pragma: 'quick_check' | 'integrity_check'): string[] {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return checkProblems(db, pragma);
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  } finally {
    db.close();
  }
}

export const fullIntegrityCheck = (file: string): string[] => backgroundCheck(file, 'integrity_check');
