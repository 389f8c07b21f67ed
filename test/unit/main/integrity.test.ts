import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { errorMessage } from '../../../src/main/i18n';
import { databaseFile } from '../../../src/main/store/database';
import { isAtLeast } from '../../../src/main/store/integrity';
import { latestSchemaVersion } from '../../../src/main/store/migrations';
import { fileServerTicket, outlookTicket, testStore } from '../../support/store';
import { createDispatcher } from '../../../src/main/dispatcher';
import { startInProcessStore } from '../../../src/main/app/inProcessStore';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Builds a database with enough rows to span many pages, closes it, and returns its directory. */
async function filledStore(): Promise<string> {
  const t = testStore();
  for (let i = 0; i < 300; i += 1)
    await t.call('tickets.create', {
      ...(i % 2 ? outlookTicket : fileServerTicket),
      title: `Ticket ${i}`,
      description: 'x'.repeat(2000),
    });
  await t.store.close();
  return t.dir;
}

/** Overwrites bytes in the middle of the file, as a failing disk or a stray tool would. */
function damage(file: string): void {
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  for (const at of [0.35, 0.5, 0.65, 0.8])
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor((size * at) / 4096) * 4096);
  closeSync(fd);
}

describe('startup integrity', () => {
  it('reports a sound database as ok, with its SQLite and schema versions', async () => {
    const t = testStore();
    cleanups.push(t.close);
    const health = await t.call('system.health', {});
    expect(health).toMatchObject({ status: 'ok', problems: [], schemaVersion: latestSchemaVersion });
    expect(isAtLeast(health.sqliteVersion, '3.51.3')).toBe(true);
  });

  it('refuses to open a file whose pages are overwritten, says so, and leaves it as it was', async () => {
    const dir = await filledStore();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = databaseFile(dir);
    damage(file);
    const before = sha(file);
    let caught: unknown;
    try {
      startInProcessStore({ dataDir: dir });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).messageKey).toBe('store_unreadable');
    expect(errorMessage('de', (caught as AppError).messageKey, (caught as AppError).params)).toMatch(
      /^Die Datenbankdatei lässt sich nicht lesen \(.+\)\. Sie bleibt unverändert/,
    );
    expect(sha(file)).toBe(before);
  });

  it('goes read-only when the full check finds damage that the quick check misses, and refuses every write', async () => {
    const dir = await filledStore();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = databaseFile(dir);
    // An index whose definition no longer matches its content: only integrity_check compares the two.
    const raw = new DatabaseSync(file);
    raw.enableDefensive(false);
    raw.exec('PRAGMA writable_schema = ON');
    raw.exec(
      "UPDATE sqlite_schema SET sql = 'CREATE INDEX tickets_updated ON tickets (title, id)' WHERE name = 'tickets_updated'",
    );
    raw.close();
    const store = startInProcessStore({ dataDir: dir });
    const dispatch = createDispatcher(store, { log: () => {} });
    const health = await dispatch('system.health', {}, 'en');
    expect(health.ok).toBe(true);
    const value = health.ok ? (JSON.parse(health.json) as { status: string; problems: string[] }) : null;
    expect(value?.status).toBe('damaged');
    expect(value?.problems.join(' ')).toContain('tickets_updated');
    const before = sha(file);
    const write = await dispatch('tickets.create', outlookTicket, 'de');
    expect(write).toMatchObject({ ok: false, status: 503, error: { code: 'store_unavailable' } });
    if (!write.ok) expect(write.error.message).toContain('Die Datenbank ist beschädigt');
    expect(await dispatch('settings.update', { patch: { language: 'en' } }, 'en')).toMatchObject({ ok: false });
    expect(await dispatch('tickets.get', { id: 1 }, 'en')).toMatchObject({ ok: true });
    await store.close();
    expect(sha(file)).toBe(before);
  });

  it('compares SQLite versions numerically', () => {
    expect(isAtLeast('3.53.4', '3.51.3')).toBe(true);
    expect(isAtLeast('3.51.3', '3.51.3')).toBe(true);
    expect(isAtLeast('3.51.2', '3.51.3')).toBe(false);
    expect(isAtLeast('3.9.0', '3.51.3')).toBe(false);
    expect(isAtLeast('4.0.0', '3.51.3')).toBe(true);
  });
});
