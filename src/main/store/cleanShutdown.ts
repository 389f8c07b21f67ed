import { existsSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { fsyncDir, writeFileDurably } from '../files/durableFile';

/**
 * The clean-shutdown marker: written after a session whose full integrity check passed has checkpointed and closed
 * the database, and taken (removed) at the next start before anything is written. When it matches the file exactly
 * (size, modification time, no WAL content), the file is the one that was checked and closed cleanly, and the
 * start-up quick check (seconds at 100,000 tickets) may run in the background instead of before the first write.
 * Any other end — a crash, a kill, a power cut, a copied or restored file — leaves no matching marker.
 */
const markerSchema = z.strictObject({
  size: z.int().nonnegative(),
  mtimeMs: z.number().nonnegative(),
  schemaVersion: z.int().nonnegative(),
  closedAt: z.string(),
});

export const cleanMarkerFile = (databaseFile: string): string => `${databaseFile}.clean`;

/** After a clean close: records what the closed file looks like. Best effort (a read-only share refuses it). */
export function writeCleanMarker(databaseFile: string, schemaVersion: number, closedAt: Date): boolean {
  try {
    const { size, mtimeMs } = statSync(databaseFile);
    const marker = { size, mtimeMs, schemaVersion, closedAt: closedAt.toISOString() };
    writeFileDurably(cleanMarkerFile(databaseFile), JSON.stringify(marker));
    return true;
  } catch {
    return false;
  }
}

/**
 * At start, before the database is opened: whether the last session ended cleanly on exactly this file. The marker
 * is removed either way (and the removal made durable), so it can never vouch for a later session.
 */
export function takeCleanMarker(databaseFile: string): boolean {
  const file = cleanMarkerFile(databaseFile);
  if (!existsSync(file)) return false;
  let trusted = false;
  try {
    const marker = markerSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    const { size, mtimeMs } = statSync(databaseFile);
    const wal = `${databaseFile}-wal`;
    const walEmpty = !existsSync(wal) || statSync(wal).size === 0;
    trusted = walEmpty && marker.size === size && marker.mtimeMs === mtimeMs;
  } catch {
    trusted = false;
  }
  try {
    unlinkSync(file);
    fsyncDir(dirname(file));
  } catch {
    // A marker that cannot be removed cannot be trusted next time either: it would outlive this session.
    return false;
  }
  return trusted;
}
