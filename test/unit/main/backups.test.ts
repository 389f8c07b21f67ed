import { readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { startWorkerStore, type StoreClient } from '../../../src/main/app/client';
import { createDispatcher } from '../../../src/main/dispatcher';
import type { MethodInput, MethodName, MethodOutput } from '../../../src/shared/contract';
import { monitoringHost } from '../../../src/main/host/monitoring/service';
import { mailHost } from '../../../src/main/host/mail/service';
import { memorySecrets } from '../../../src/main/host/mail/secrets';
import { withHostMethods } from '../../../src/main/app/hostRouting';
import { backupService } from '../../../src/main/host/backups/service';
import { exportService } from '../../../src/main/host/exports/service';
import { threadJobRunner } from '../../../src/main/host/backups/jobThread';
import { reopener } from '../../../src/main/host/reopen';
import { backupsToKeep, keptAtMostUntil } from '../../../src/shared/domain/backups';
import { latestSchemaVersion } from '../../../src/main/store/migrations';
import { outlookTicket, tempDir, testStore } from '../../support/store';

const workerFile = join(__dirname, '../../../out/main/storeWorker.js');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function desk() {
  const t = testStore();
  cleanups.push(() => t.close());
  return t;
}

const rows = (file: string, sql: string) => {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
};

describe('backups', () => {
  it('backs up under a stream of writes; the restored desk holds exactly the state of the backup, every row and file', async () => {
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    const dataDir = join(dir, 'data');
    const store: StoreClient = await startWorkerStore(workerFile, dataDir);
    store.startChecks();
    const service = backupService({ store, dataDir, runJob: threadJobRunner(workerFile), appVersion: 'test' });
    const dispatch = createDispatcher(
      withHostMethods(store, {
        ...service.handlers,
        ...exportService({ dataDir }).handlers,
        ...monitoringHost(store).handlers,
        ...mailHost(store, { secrets: memorySecrets() }).handlers,
      }),
    );
    const client = {
      call: async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
        const outcome = await dispatch(method, input, 'en');
        if (!outcome.ok) throw new Error(outcome.error.message);
        return JSON.parse(outcome.json) as MethodOutput<M>;
      },
    };
    cleanups.push(() => store.close());
    for (let i = 0; i < 20; i += 1) {
      const ticket = await client.call('tickets.create', { ...outlookTicket, title: `Vorher ${i}` });
      await client.call('tickets.attach', {
        id: ticket.id,
        fileName: `log-${i}.txt`,
        mimeType: 'text/plain',
        contentBase64: Buffer.from(`Protokoll ${i} `.repeat(200)).toString('base64'),
      });
    }
    // Writes go on while the backup runs, and every call is answered meanwhile.
    let writing = true;
    let written = 0;
    const stream = (async () => {
      while (writing) {
        const ticket = await client.call('tickets.create', { ...outlookTicket, title: `Während ${written}` });
        await client.call('tickets.addNote', { id: ticket.id, kind: 'note', body: `Notiz ${written}` });
        written += 1;
      }
    })();
    const made = await client.call('backups.run', {});
    writing = false;
    await stream;
    expect(written).toBeGreaterThan(0);
    expect(made.verification).toMatchObject({ state: 'ok', depth: 'full', problems: [] });
    expect(made.counts.attachments).toBe(20);

    const to = join(dir, 'restored');
    const restored = await client.call('backups.restore', { id: made.id, to });
    expect(restored).toMatchObject({ dataDir: to, backupId: made.id, migratedFrom: null, files: 20 });
    await store.close();
    cleanups.pop();

    // Events only ever append: the restored chain is the live one up to the backup's head, row for row.
    const live = join(dataDir, 'leitstand.sqlite');
    const copy = join(to, 'leitstand.sqlite');
    const head = (rows(copy, 'SELECT event_id FROM audit_head')[0] as { event_id: number }).event_id;
    expect(head).toBe(made.counts.events);
    expect(rows(copy, 'SELECT * FROM events ORDER BY id')).toEqual(
      rows(live, `SELECT * FROM events WHERE id <= ${head} ORDER BY id`),
    );
    // Tickets and notes made during the backup are in it exactly when their event is.
    const inBackup = rows(copy, 'SELECT id FROM tickets ORDER BY id').map((r) => (r as { id: number }).id);
    const createdBefore = rows(
      live,
      `SELECT ticket_id AS id FROM events WHERE kind = 'ticket.created' AND id <= ${head} ORDER BY ticket_id`,
    ).map((r) => (r as { id: number }).id);
    expect(inBackup).toEqual(createdBefore);
    for (const table of ['tickets', 'notes', 'attachments']) {
      const restoredRows = rows(copy, `SELECT * FROM ${table} ORDER BY id`);
      const ids = restoredRows.map((r) => (r as { id: number }).id);
      const liveRows = rows(live, `SELECT * FROM ${table} WHERE id IN (${ids.join(',') || 0}) ORDER BY id`);
      // A ticket changed after the backup differs in its version; the rest of the restored rows are equal.
      if (table !== 'tickets') expect(restoredRows).toEqual(liveRows);
      else expect(restoredRows.length).toBe(liveRows.length);
    }
    for (const shard of readdirSync(join(dataDir, 'attachments')))
      for (const name of readdirSync(join(dataDir, 'attachments', shard)))
        expect(readFileSync(join(to, 'attachments', shard, name))).toEqual(
          readFileSync(join(dataDir, 'attachments', shard, name)),
        );

    // The restored desk opens and its own audit check passes.
    const reopened = await startWorkerStore(workerFile, to);
    expect(await reopened.call('audit.verify', {})).toMatchObject({ ok: true, checked: head });
    await reopened.close();
  });

  it('encrypts with a passphrase: nothing readable on the medium, a wrong passphrase is refused, the right one restores', async () => {
    const t = desk();
    await t.call('tickets.create', { ...outlookTicket, title: 'Geheimes Gehaltsprojekt' });
    await t.call('tickets.attach', {
      id: 1,
      fileName: 'gehalt.txt',
      contentBase64: Buffer.from('Gehaltsliste Müller 4711').toString('base64'),
    });
    const settings = await t.call('backups.settings.update', {
      encryption: { enabled: true, passphrase: 'korrekt Pferd Batterie' },
    });
    expect(settings.encrypted).toBe(true);
    const made = await t.call('backups.run', {});
    expect(made).toMatchObject({ encrypted: true, verification: { state: 'ok' } });
    const root = join(t.dir, 'backups');
    const everything = (folder: string): Buffer[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? everything(join(folder, entry.name)) : [readFileSync(join(folder, entry.name))],
      );
    for (const content of everything(root)) {
      expect(content.includes('Gehaltsprojekt')).toBe(false);
      expect(content.includes('Gehaltsliste')).toBe(false);
      expect(content.includes('SQLite format')).toBe(false);
    }
    // No plain copy is left behind in the desk either.
    expect(existsSync(join(t.dir, '.backup-work')) ? readdirSync(join(t.dir, '.backup-work')) : []).toEqual([]);
    // Without the passphrase only the stored files' hashes can be checked.
    expect((await t.call('backups.verify', { id: made.id })).verification).toMatchObject({
      state: 'ok',
      depth: 'files',
    });
    const wrong = await t.dispatch(
      'backups.restore',
      { id: made.id, to: join(t.dir, 'r1'), passphrase: 'falsch falsch falsch' },
      'de',
    );
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Die Passphrase stimmt nicht. Es wurde nichts geändert.' },
    });
    expect(existsSync(join(t.dir, 'r1'))).toBe(false);
    const missing = await t.dispatch('backups.restore', { id: made.id, to: join(t.dir, 'r1') }, 'en');
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const restored = await t.call('backups.restore', {
      id: made.id,
      to: join(t.dir, 'r2'),
      passphrase: 'korrekt Pferd Batterie',
    });
    expect(restored.files).toBe(1);
    expect(rows(join(t.dir, 'r2', 'leitstand.sqlite'), 'SELECT title FROM tickets')).toEqual([
      { title: 'Geheimes Gehaltsprojekt' },
    ]);
    const full = await t.call('backups.verify', { id: made.id, passphrase: 'korrekt Pferd Batterie' });
    expect(full.verification).toMatchObject({ state: 'ok', depth: 'full' });
  });

  it('finds a tampered backup: a changed database byte, a changed attachment copy', async () => {
    const t = desk();
    await t.call('tickets.create', outlookTicket);
    await t.call('tickets.attach', {
      id: 1,
      fileName: 'a.txt',
      contentBase64: Buffer.from('Inhalt').toString('base64'),
    });
    const made = await t.call('backups.run', {});
    const root = join(t.dir, 'backups');
    const databaseCopy = join(root, made.id, 'leitstand.sqlite');
    const bytes = readFileSync(databaseCopy);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 0xff, bytes.length - 100);
    writeFileSync(databaseCopy, bytes);
    const checked = await t.call('backups.verify', { id: made.id });
    expect(checked.verification.state).toBe('failed');
    expect(checked.verification.problems.join(' ')).toContain('database');
    const refused = await t.dispatch('backups.restore', { id: made.id, to: join(t.dir, 'r') }, 'en');
    expect(refused).toMatchObject({ ok: false, error: { code: 'integrity' } });
    expect(existsSync(join(t.dir, 'r'))).toBe(false);
    // The listing shows it as failed (what the banner reads).
    const list = await t.call('backups.list', {});
    expect(list.backups[0]?.verification.state).toBe('failed');
    expect(list.lastVerifiedAt).toBeNull();

    const second = await t.call('backups.run', {});
    const [shard] = readdirSync(join(root, 'files'));
    const [name] = readdirSync(join(root, 'files', shard ?? ''));
    writeFileSync(join(root, 'files', shard ?? '', name ?? ''), 'verändert');
    const again = await t.call('backups.verify', { id: second.id });
    expect(again.verification.state).toBe('failed');
    expect(again.verification.problems.some((problem) => problem.startsWith('file changed or missing'))).toBe(true);
    // The next backup notices the changed copy and writes it again.
    const third = await t.call('backups.run', {});
    expect(third.verification.state).toBe('ok');
  });

  it('refuses a backup from a newer version clearly, and a restore into a folder that holds files', async () => {
    const t = desk();
    await t.call('tickets.create', outlookTicket);
    const made = await t.call('backups.run', {});
    const manifestFile = join(t.dir, 'backups', made.id, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { schemaVersion: number };
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, schemaVersion: latestSchemaVersion + 1 }));
    const refused = await t.dispatch('backups.restore', { id: made.id, to: join(t.dir, 'r') }, 'de');
    expect(refused).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
    if (!refused.ok) expect(refused.error.message).toContain('neueren Leitstand-Version');
    const occupied = join(t.dir, 'occupied');
    mkdirSync(occupied);
    writeFileSync(join(occupied, 'x'), 'x');
    const second = await t.call('backups.run', {});
    const conflict = await t.dispatch('backups.restore', { id: second.id, to: occupied }, 'en');
    expect(conflict).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(readdirSync(occupied)).toEqual(['x']);
  });

  it('says clearly when the chosen folder is missing (a stick not plugged in), and recovers when it is back', async () => {
    const t = desk();
    await t.call('tickets.create', outlookTicket);
    const stick = join(t.dir, 'stick');
    await t.call('backups.settings.update', { target: stick });
    const list = await t.call('backups.list', {});
    expect(list).toMatchObject({ targetState: 'missing', stale: true, backups: [] });
    const failed = await t.dispatch('backups.run', {}, 'de');
    expect(failed).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
    if (!failed.ok) expect(failed.error.message).toContain('nicht erreichbar');
    expect(existsSync(stick)).toBe(false);
    mkdirSync(stick);
    const made = await t.call('backups.run', {});
    expect(made.verification.state).toBe('ok');
    expect((await t.call('backups.list', {})).stale).toBe(false);
  });

  it('restores in place of the current desk: the old one is kept aside, the desk reopens on the backup', async () => {
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    const dataDir = join(dir, 'data');
    const { client: store, reopen } = reopener(await startWorkerStore(workerFile, dataDir), dataDir, () =>
      startWorkerStore(workerFile, dataDir),
    );
    cleanups.push(() => store.close());
    const service = backupService({ store, dataDir, runJob: threadJobRunner(workerFile), appVersion: 'test', reopen });
    const dispatch = createDispatcher(
      withHostMethods(store, {
        ...service.handlers,
        ...exportService({ dataDir }).handlers,
        ...monitoringHost(store).handlers,
        ...mailHost(store, { secrets: memorySecrets() }).handlers,
      }),
    );
    const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
      const outcome = await dispatch(method, input, 'en');
      if (!outcome.ok) throw new Error(outcome.error.message);
      return JSON.parse(outcome.json) as MethodOutput<M>;
    };
    const kept = await call('tickets.create', { ...outlookTicket, title: 'Im Backup' });
    const made = await call('backups.run', {});
    const later = await call('tickets.create', { ...outlookTicket, title: 'Nach dem Backup' });
    const changes: string[] = [];
    store.onChange((change) => changes.push(change.entity));

    const restored = await call('backups.restore', { id: made.id, reopen: true });
    expect(restored).toMatchObject({ dataDir, backupId: made.id, migratedFrom: null });
    expect(restored.keptAside).toMatch(/before-restore-/);
    // The same client now answers from the restored desk; the renderer is told to refetch everything.
    expect((await call('tickets.get', { id: kept.id })).ticket.title).toBe('Im Backup');
    const missing = await dispatch('tickets.get', { id: later.id }, 'en');
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
    expect(changes).toContain('system');
    expect(await call('audit.verify', {})).toMatchObject({ ok: true });
    // The desk as it was is kept whole, ticket made after the backup included; no restore folder is left.
    const aside = join(restored.keptAside ?? '', 'leitstand.sqlite');
    expect(rows(aside, 'SELECT title FROM tickets ORDER BY id').map((r) => (r as { title: string }).title)).toEqual([
      'Im Backup',
      'Nach dem Backup',
    ]);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('.restore-'))).toEqual([]);
    // Without a way to reopen (a host that cannot), only restoring into a new folder is offered.
    const plain = backupService({ store, dataDir, runJob: threadJobRunner(workerFile), appVersion: 'test' });
    const refused = await createDispatcher(
      withHostMethods(store, {
        ...plain.handlers,
        ...exportService({ dataDir }).handlers,
        ...monitoringHost(store).handlers,
        ...mailHost(store, { secrets: memorySecrets() }).handlers,
      }),
    )('backups.restore', { id: made.id, reopen: true }, 'de');
    expect(refused.ok ? null : refused.error.message).toMatch(/neuen Ordner/);
    const neither = await dispatch('backups.restore', { id: made.id }, 'en');
    expect(neither.ok ? null : neither.error.code).toBe('invalid_input');
  });
  it('never lists a half-written backup; the next run removes it', async () => {
    const t = desk();
    await t.call('tickets.create', outlookTicket);
    const root = join(t.dir, 'backups');
    const made = await t.call('backups.run', {});
    // What a killed run leaves: a partial folder of a process that is gone.
    const partial = join(root, `.partial-2026-12-01T00-00-00-000Z-999999`);
    mkdirSync(partial);
    writeFileSync(join(partial, 'leitstand.sqlite'), 'half');
    expect((await t.call('backups.list', {})).backups.map((b) => b.id)).toEqual([made.id]);
    await t.call('backups.run', {});
    expect(existsSync(partial)).toBe(false);
    rmSync(root, { recursive: true, force: true });
  });
});

describe('rotation', () => {
  const at = (iso: string) => ({ id: iso, createdAt: iso });
  it('keeps the newest of each of the last hours, days and months, and always the newest', () => {
    const backups = [
      at('2026-12-02T10:00:00.000Z'),
      at('2026-12-02T09:30:00.000Z'),
      at('2026-12-02T09:00:00.000Z'),
      at('2026-12-01T23:00:00.000Z'),
      at('2026-12-01T08:00:00.000Z'),
      at('2026-11-30T12:00:00.000Z'),
      at('2026-11-15T12:00:00.000Z'),
      at('2026-10-03T12:00:00.000Z'),
      at('2026-09-01T12:00:00.000Z'),
    ];
    const kept = backupsToKeep(backups, { hourly: 2, daily: 2, monthly: 3 });
    expect([...kept].sort()).toEqual(
      [
        '2026-12-02T10:00:00.000Z',
        '2026-12-02T09:30:00.000Z',
        '2026-12-01T23:00:00.000Z',
        '2026-11-30T12:00:00.000Z',
        '2026-10-03T12:00:00.000Z',
      ].sort(),
    );
    expect([...backupsToKeep(backups, { hourly: 0, daily: 0, monthly: 0 })]).toEqual(['2026-12-02T10:00:00.000Z']);
  });

  it('tells until when a backup can be kept at most', () => {
    expect(keptAtMostUntil('2026-12-02T10:15:00.000Z', { hourly: 24, daily: 14, monthly: 12 }).toISOString()).toBe(
      '2028-01-01T00:00:00.000Z',
    );
    expect(keptAtMostUntil('2026-12-02T10:15:00.000Z', { hourly: 24, daily: 0, monthly: 0 }).toISOString()).toBe(
      '2026-12-03T11:00:00.000Z',
    );
  });
});
