import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileServerTicket, outlookTicket, testStore } from '../../support/store';
import { createEngine } from '../../../src/main/app/engine';

let t: ReturnType<typeof testStore>;
beforeEach(() => {
  t = testStore();
});
afterEach(() => t.close());

async function seed() {
  const a = await t.call('tickets.create', outlookTicket);
  await t.call('tickets.create', fileServerTicket);
  await t.call('tickets.addNote', { id: a.id, kind: 'note', body: 'Profil neu angelegt' });
  await t.call('tickets.transition', { id: a.id, to: 'inProgress' });
  return a.id;
}

/** A second connection to the same file, as someone editing it with a SQLite tool would have. */
function tamper(sql: string) {
  const other = createEngine({ dataDir: t.dir });
  other.db.exec(sql);
  other.close();
}

describe('black box', () => {
  it('writes an event for every change, chained to its predecessor', async () => {
    const id = await seed();
    const { events } = await t.call('tickets.timeline', { id });
    expect(events.map((e) => e.kind)).toEqual(['ticket.created', 'ticket.noted', 'ticket.transitioned']);
    expect(events[2]?.data).toEqual({ changes: { status: { before: 'new', after: 'inProgress' } } });
    expect(await t.call('audit.verify', {})).toEqual({ ok: true, checked: 4, firstBroken: null });
  });

  it('reports the edited event when someone changes a row', async () => {
    await seed();
    tamper(`UPDATE events SET data = replace(data, 'Profil', 'Nichts') WHERE id = 3`);
    expect(await t.call('audit.verify', {})).toEqual({
      ok: false,
      checked: 3,
      firstBroken: { eventId: 3, reason: 'hash_mismatch' },
    });
  });

  it('reports the link after a deleted event', async () => {
    await seed();
    tamper('DELETE FROM events WHERE id = 2');
    expect((await t.call('audit.verify', {})).firstBroken).toEqual({ eventId: 3, reason: 'previous_mismatch' });
  });

  it('notices when the newest event is removed', async () => {
    await seed();
    tamper('DELETE FROM events WHERE id = 4');
    expect((await t.call('audit.verify', {})).firstBroken).toEqual({ eventId: 4, reason: 'head_mismatch' });
  });

  it('notices a rewritten actor even when the hash is left alone', async () => {
    await seed();
    tamper(`UPDATE events SET actor = 'Mallory' WHERE id = 1`);
    expect((await t.call('audit.verify', {})).firstBroken).toEqual({ eventId: 1, reason: 'hash_mismatch' });
  });
});

describe('atomicity', () => {
  it('a change whose event cannot be written leaves no trace', async () => {
    await t.call('tickets.create', outlookTicket);
    tamper(`CREATE TRIGGER fail_events BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk said no'); END`);
    await expect(t.call('tickets.create', fileServerTicket)).rejects.toThrow();
    await expect(t.call('tickets.addNote', { id: 1, kind: 'note', body: 'x' })).rejects.toThrow();
    tamper('DROP TRIGGER fail_events');
    const list = await t.call('tickets.list', {});
    expect(list.total).toBe(1);
    const detail = await t.call('tickets.get', { id: 1 });
    expect(detail.notes).toEqual([]);
    expect(detail.ticket.version).toBe(1);
    // the counter was rolled back too: the next ticket takes the number the failed one would have had
    const next = await t.call('tickets.create', fileServerTicket);
    expect(next.number).toBe('2026-0002');
    expect((await t.call('audit.verify', {})).ok).toBe(true);
  });
});

describe('background check of the evidence', () => {
  it('finds a tampered chain at start without being asked: health shows it, the break is recorded, writes go on', async () => {
    await seed();
    t.store.startChecks();
    expect((await t.call('system.health', {})).evidence).toMatchObject({ state: 'ok', eventsChecked: 4 });
    tamper(`UPDATE events SET actor = 'Mallory' WHERE id = 2`);
    await t.store.close();
    const { startInProcessStore } = await import('../../../src/main/app/inProcessStore');
    const store = startInProcessStore({ dataDir: t.dir });
    store.startChecks();
    const health = await store.call('system.health', {});
    expect(health.status).toBe('ok');
    expect(health.evidence).toMatchObject({ state: 'broken', firstBroken: { eventId: 2, reason: 'hash_mismatch' } });
    // Still writing: the log is evidence, not a lock. The finding itself is in the log, once.
    const { ticketCreateInput } = await import('../../../src/shared/contract/tickets');
    await store.call('tickets.create', ticketCreateInput.parse(outlookTicket));
    store.startChecks();
    const { db } = createEngine({ dataDir: t.dir });
    const recorded = db.prepare("SELECT data FROM events WHERE kind = 'evidence.broken'").all() as { data: string }[];
    db.close();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.data).toContain('hash_mismatch');
    await store.close();
  });

  it('finds attachment files that are missing or changed and names them', async () => {
    const ticket = await t.call('tickets.create', outlookTicket);
    const a = await t.call('tickets.attach', { id: ticket.id, fileName: 'pst.log', contentBase64: 'aGFsbG8=' });
    const { blobPath } = await import('../../../src/main/services/ticketAttachments');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(blobPath(t.dir, a.sha256), 'longer than it was');
    t.store.startChecks();
    expect((await t.call('system.health', {})).evidence).toMatchObject({
      state: 'broken',
      filesChecked: 1,
      fileProblems: [{ kind: 'attachment', id: a.id, file: 'pst.log', problem: 'size' }],
    });
  });
});
