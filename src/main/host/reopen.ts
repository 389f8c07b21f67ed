import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreClient } from '../app/client';
import { changeHub } from '../app/changeHub';
import { DIR_MODE, fsyncDir } from '../files/durableFile';

/** What belongs to the desk in its data folder (the rest — the host lock, Electron's own files — stays put). */
const DESK_ITEMS = [
  'leitstand.sqlite',
  'leitstand.sqlite-wal',
  'leitstand.sqlite-shm',
  'leitstand.sqlite.clean',
  'attachments',
  'escalations',
];

/**
 * Puts a restored desk in place of the current one, inside the same data folder: the current desk's files move
 * into `before-restore-<stamp>/` (kept, never overwritten), the restored ones take their place. Renames only, on one
 * file system. The store must be closed.
 */
export function swapInRestored(dataDir: string, restored: string, stamp: string): string {
  const aside = join(dataDir, `before-restore-${stamp}`);
  mkdirSync(aside, { mode: DIR_MODE });
  for (const item of DESK_ITEMS)
    if (existsSync(join(dataDir, item))) renameSync(join(dataDir, item), join(aside, item));
  for (const item of readdirSync(restored)) renameSync(join(restored, item), join(dataDir, item));
  fsyncDir(aside);
  fsyncDir(dataDir);
  return aside;
}

/** Undoes `swapInRestored` when the restored desk does not open: its files go to `failed`, the old ones come back. */
export function swapBack(dataDir: string, aside: string, failed: string): void {
  mkdirSync(failed, { mode: DIR_MODE });
  for (const item of DESK_ITEMS)
    if (existsSync(join(dataDir, item))) renameSync(join(dataDir, item), join(failed, item));
  for (const item of readdirSync(aside)) renameSync(join(aside, item), join(dataDir, item));
  fsyncDir(dataDir);
}

export type Reopener = {
  client: StoreClient;
  /** Closes the store, puts the restored desk in place, opens it; answers where the old desk was kept. */
  reopen: (restored: string) => Promise<string>;
};

/**
 * Reopening after a restore, for a host that opens its store with `open`: calls made during the few hundred
 * milliseconds of the swap are answered by the closed store (store_unavailable); if the restored desk does not
 * open, the old one is put back and opened again, and the error is passed on.
 */
export function reopener(first: StoreClient, dataDir: string, open: () => Promise<StoreClient>): Reopener {
  const switchable = switchableClient(first);
  const reopen = async (restored: string) => {
    await switchable.current().close();
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const aside = swapInRestored(dataDir, restored, stamp);
    try {
      const next = await open();
      next.startChecks();
      switchable.use(next);
      return aside;
    } catch (error) {
      swapBack(dataDir, aside, join(dataDir, `restore-failed-${stamp}`));
      const again = await open();
      again.startChecks();
      switchable.use(again);
      throw error;
    }
  };
  return { client: switchable.client, reopen };
}

/**
 * A client whose store can be replaced while the transports keep their hold on it (reopening after a restore):
 * calls go to the current one, change listeners follow it.
 */
export function switchableClient(first: StoreClient) {
  let current = first;
  const hub = changeHub();
  let unsubscribe = current.onChange(hub.emit);
  const client: StoreClient = {
    call: (method, input) => current.call(method, input),
    callJson: (method, input) => current.callJson(method, input),
    onChange: hub.onChange,
    startChecks: () => current.startChecks(),
    close: () => current.close(),
  };
  return {
    client,
    current: () => current,
    use: (next: StoreClient) => {
      unsubscribe();
      current = next;
      unsubscribe = current.onChange(hub.emit);
      hub.emit({ entity: 'system', ids: [] });
    },
  };
}
