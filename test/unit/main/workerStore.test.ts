import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../../src/shared/contract';
import { ticketCreateInput } from '../../../src/shared/contract/tickets';
import { databaseFile } from '../../../src/main/store/database';
import { startWorkerStore, type StoreClient } from '../../../src/main/app/client';
import { outlookTicket, tempDir } from '../../support/store';

// The real worker as the app runs it: the built file (`npm run test:unit` builds first).
const workerFile = join(__dirname, '../../../out/main/storeWorker.js');
const open: { store: StoreClient; dir: string }[] = [];
afterEach(async () => {
  for (const { store, dir } of open.splice(0)) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
const waitFor = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await check()); i += 1) await new Promise((r) => setTimeout(r, 10));
};

describe('store worker', () => {
  it('holds a write until the background quick check has passed, answering reads meanwhile', async () => {
    const { dir } = tempDir();
    // A new database is checked while it is created; the hold applies to an existing one.
    await (await startWorkerStore(workerFile, dir)).close();
    const store = await startWorkerStore(workerFile, dir);
    open.push({ store, dir });
    const changes: ChangeEvent[] = [];
    store.onChange((change) => changes.push(change));
    const pending = store.call('tickets.create', ticketCreateInput.parse(outlookTicket));
    // Not started yet: the write waits, reads answer.
    expect((await store.call('system.health', {})).status).toBe('checking');
    let settled = false;
    void pending.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    store.startChecks();
    const ticket = await pending;
    expect(ticket.number).toMatch(/^\d{4}-0001$/);
    await waitFor(async () => (await store.call('system.health', {})).status === 'ok');
    expect((await store.call('system.health', {})).status).toBe('ok');
    expect(changes).toContainEqual({ entity: 'ticket', ids: [ticket.id] });
    expect(changes).toContainEqual({ entity: 'system', ids: [] });
  });

  it('turns read-only when the background check finds damage, and refuses the writes', async () => {
    const { dir } = tempDir();
    const first = await startWorkerStore(workerFile, dir);
    first.startChecks();
    await first.call('tickets.create', ticketCreateInput.parse(outlookTicket));
    await first.close();
    const raw = new DatabaseSync(databaseFile(dir));
    raw.enableDefensive(false);
    raw.exec('PRAGMA writable_schema = ON');
    raw.exec(
      "UPDATE sqlite_schema SET sql = 'CREATE INDEX tickets_updated ON tickets (title, id)' WHERE name = 'tickets_updated'",
    );
    raw.close();
    const store = await startWorkerStore(workerFile, dir);
    open.push({ store, dir });
    store.startChecks();
    await waitFor(async () => (await store.call('system.health', {})).status !== 'checking');
    expect((await store.call('system.health', {})).status).toBe('damaged');
    await expect(store.call('tickets.create', ticketCreateInput.parse(outlookTicket))).rejects.toMatchObject({
      code: 'store_unavailable',
      messageKey: 'store_damaged',
    });
    expect((await store.call('tickets.get', { id: 1 })).ticket.title).toBe(outlookTicket.title);
  });
});
