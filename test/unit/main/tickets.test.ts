import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../../src/shared/contract';
import { blobPath } from '../../../src/main/services/ticketAttachments';
import { fileServerTicket, handClock, outlookTicket, steppingClock, testStore } from '../../support/store';

let t: ReturnType<typeof testStore>;
beforeEach(() => {
  t = testStore();
});
afterEach(() => t.close());

describe('Monday 08:15', () => {
  it('puts the file-server outage at P1 above the Outlook problem, and says why', async () => {
    const outlook = await t.call('tickets.create', outlookTicket);
    const server = await t.call('tickets.create', fileServerTicket);
    expect(outlook.number).toBe('2026-0001');
    expect(server.number).toBe('2026-0002');
    expect(outlook.triage).toMatchObject({ impact: 'low', urgency: 'low', priority: 'P4', override: null });
    expect(server.triage).toMatchObject({ impact: 'high', urgency: 'high', priority: 'P1' });
    const list = await t.call('tickets.list', { filter: { open: true } });
    expect(list.items.map((item) => item.number)).toEqual(['2026-0002', '2026-0001']);
    expect(list.total).toBe(2);
  });

  it('numbers per year in Berlin time', async () => {
    const clock = steppingClock('2026-12-31T22:59:58.000Z'); // 23:59:59 in Berlin on the first call
    const t2 = testStore(clock);
    const last = await t2.call('tickets.create', outlookTicket);
    const first = await t2.call('tickets.create', outlookTicket); // 00:00:00 on 1 January in Berlin
    expect([last.number, first.number]).toEqual(['2026-0001', '2027-0001']);
    await t2.close();
  });
});

describe('triage override', () => {
  it('needs a reason, keeps the suggestion and logs both', async () => {
    const ticket = await t.call('tickets.create', outlookTicket);
    const refused = await t.dispatch(
      'tickets.update',
      { id: ticket.id, triageOverride: { priority: 'P2', reason: '' } },
      'en',
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const updated = await t.call('tickets.update', {
      id: ticket.id,
      triageOverride: { priority: 'P2', reason: 'Geschäftsführung reist heute ab' },
    });
    expect(updated.triage).toMatchObject({
      priority: 'P2',
      suggested: { priority: 'P4' },
      override: { priority: 'P2', reason: 'Geschäftsführung reist heute ab' },
    });
    const events = (await t.call('tickets.timeline', { id: ticket.id })).events;
    expect(events.at(-1)).toMatchObject({
      kind: 'ticket.updated',
      data: { overrideReason: 'Geschäftsführung reist heute ab' },
    });
    const cleared = await t.call('tickets.update', { id: ticket.id, triageOverride: null });
    expect(cleared.triage).toMatchObject({ priority: 'P4', override: null });
  });

  it('re-triages when the first-contact answers change', async () => {
    const ticket = await t.call('tickets.create', outlookTicket);
    const updated = await t.call('tickets.update', {
      id: ticket.id,
      patch: { firstContact: { ...outlookTicket.firstContact, affectedScope: 'company', impairment: 'stopped' } },
    });
    expect(updated.triage.priority).toBe('P1');
    expect(updated.version).toBe(2);
  });

  it('does not bump the version or log anything for a patch that changes nothing', async () => {
    const ticket = await t.call('tickets.create', outlookTicket);
    const same = await t.call('tickets.update', { id: ticket.id, patch: { title: outlookTicket.title } });
    expect(same.version).toBe(1);
    expect((await t.call('tickets.timeline', { id: ticket.id })).events).toHaveLength(1);
  });
});

describe('list and search', () => {
  beforeEach(async () => {
    for (let i = 0; i < 25; i += 1) {
      await t.call('tickets.create', {
        ...(i % 5 === 0 ? fileServerTicket : outlookTicket),
        title: `${i % 5 === 0 ? 'Server' : 'Drucker'} Nummer ${i}`,
        channel: i % 2 ? 'phone' : 'email',
      });
    }
  });

  it('pages through everything with a cursor, in priority order, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof t.call<'tickets.list'>>> = await t.call('tickets.list', {
        limit: 7,
        cursor,
      });
      seen.push(...page.items.map((item) => `${item.priority}:${item.id}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen.slice(0, 5).every((s) => s.startsWith('P1'))).toBe(true);
    const sorted = [...seen].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    expect(seen).toEqual(sorted);
  });

  it('filters by priority and channel and counts the total', async () => {
    const page = await t.call('tickets.list', { filter: { priority: ['P1'], channel: ['email'] } });
    expect(page.items.every((item) => item.priority === 'P1' && item.channel === 'email')).toBe(true);
    expect(page.total).toBe(3);
  });

  it('sorts by last change, newest first', async () => {
    await t.call('tickets.addNote', { id: 3, kind: 'note', body: 'Toner getauscht' });
    const page = await t.call('tickets.list', { sort: { by: 'updated', dir: 'desc' }, limit: 2 });
    expect(page.items[0]?.id).toBe(3);
  });

  it('finds words in title, description and notes, as prefixes, umlauts folded, newest first', async () => {
    await t.call('tickets.addNote', { id: 2, kind: 'note', body: 'Kabel im Büro ersetzt' });
    expect((await t.call('tickets.search', { q: 'buro' })).items.map((i) => i.id)).toEqual([2]);
    const servers = (await t.call('tickets.search', { q: 'serv' })).items.map((i) => i.id);
    expect(servers).toEqual([21, 16, 11, 6, 1]);
    expect((await t.call('tickets.search', { q: 'drucker nummer 7' })).items.map((i) => i.number)).toEqual([
      '2026-0008',
    ]);
    const list = await t.call('tickets.list', { filter: { q: 'laufwerk', channel: ['email'] } });
    expect(list.total).toBe(3);
  });

  it('finds open tickets by word from their own index, which follows resolve, reopen and edits', async () => {
    const openWith = async (q: string) =>
      (await t.call('tickets.list', { filter: { open: true, q }, limit: 100 })).items.map((i) => i.id);
    const allWith = async (q: string) =>
      (await t.call('tickets.list', { filter: { q }, limit: 100 })).items.map((i) => i.id);
    await t.call('tickets.addNote', { id: 4, kind: 'note', body: 'Zebrastreifen am Eingang' });
    expect(await openWith('zebra')).toEqual([4]);
    await t.call('tickets.transition', { id: 4, to: 'resolved', resolution: 'erledigt' });
    expect(await openWith('zebra')).toEqual([]);
    expect(await allWith('zebra')).toEqual([4]);
    await t.call('tickets.transition', { id: 4, to: 'inProgress' });
    expect(await openWith('zebra')).toEqual([4]);
    await t.call('tickets.update', { id: 4, patch: { title: 'Giraffe im Netzwerkschrank' } });
    expect(await openWith('giraffe')).toEqual([4]);
  });

  it('treats FTS syntax in a search as plain text', async () => {
    for (const q of ['"', 'NEAR(a b)', 'title:*', 'a OR b AND -c', '^*']) {
      const outcome = await t.dispatch('tickets.search', { q }, 'en');
      expect(outcome.ok, q).toBe(true);
    }
  });
});

describe('attachments', () => {
  it('stores content by its SHA-256 and gives it back', async () => {
    const ticket = await t.call('tickets.create', outlookTicket);
    const content = Buffer.from('Fehler 0x800CCC0E beim Senden');
    const attachment = await t.call('tickets.attach', {
      id: ticket.id,
      fileName: '../../etc/passwd\u202e.txt',
      mimeType: 'text/plain',
      contentBase64: content.toString('base64'),
    });
    expect(attachment.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(attachment.fileName).toBe('__.._etc_passwd.txt');
    expect(readFileSync(blobPath(t.dir, attachment.sha256))).toEqual(content);
    const back = await t.call('tickets.attachment', { attachmentId: attachment.id });
    expect(Buffer.from(back.contentBase64, 'base64')).toEqual(content);
    expect(existsSync(blobPath(t.dir, attachment.sha256))).toBe(true);
  });
});

describe('change events', () => {
  it('announces committed changes only', async () => {
    const seen: ChangeEvent[] = [];
    t.store.onChange((change) => seen.push(change));
    const ticket = await t.call('tickets.create', outlookTicket);
    await t.dispatch('tickets.transition', { id: ticket.id, to: 'closed' }, 'en');
    await t.call('settings.update', { patch: { language: 'de' } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([
      { entity: 'ticket', ids: [ticket.id] },
      { entity: 'settings', ids: [] },
    ]);
  });
});

describe('notes', () => {
  it('keep several lines and tabs, but no other control characters', async () => {
    const ticket = await t.call('tickets.create', outlookTicket);
    const note = await t.call('tickets.addNote', {
      id: ticket.id,
      kind: 'reply',
      body: 'Hallo Anna,\n\n\tbitte neu starten.\n',
    });
    expect(note.body).toBe('Hallo Anna,\n\n\tbitte neu starten.');
    const refused = await t.dispatch('tickets.addNote', { id: ticket.id, kind: 'note', body: 'a\u0000b' }, 'en');
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('versions', () => {
  it('bump once per change, even for two changes in the same millisecond', async () => {
    const frozen = testStore(() => new Date('2026-11-23T08:00:00.000Z'));
    const ticket = await frozen.call('tickets.create', outlookTicket);
    await frozen.call('tickets.addNote', { id: ticket.id, kind: 'note', body: 'eins' });
    await frozen.call('tickets.addNote', { id: ticket.id, kind: 'note', body: 'zwei' });
    const { ticket: after } = await frozen.call('tickets.get', { id: ticket.id });
    const { events } = await frozen.call('tickets.timeline', { id: ticket.id });
    expect(after.version).toBe(3);
    expect(events).toHaveLength(3);
    await frozen.close();
  });
});

describe('undo', () => {
  it('takes back a status move within a minute, logged as an undo, and the SLA clock follows', async () => {
    const clock = handClock('2026-11-23T08:00:00Z');
    const u = testStore(clock.now);
    try {
      const ticket = await u.call('tickets.create', fileServerTicket);
      const paused = await u.call('tickets.transition', { id: ticket.id, to: 'waitingRequester' });
      expect((await u.call('sla.status', { id: ticket.id })).level).toBe('paused');
      clock.set('2026-11-23T08:00:20Z');
      const back = await u.call('tickets.undo', { id: ticket.id, expectedVersion: paused.version });
      expect(back.status).toBe('new');
      expect((await u.call('sla.status', { id: ticket.id })).resolution.state).toBe('running');
      const { events } = await u.call('tickets.timeline', { id: ticket.id });
      expect(events.at(-1)).toMatchObject({
        kind: 'ticket.transitioned',
        data: { undoOf: events.at(-2)!.id, changes: { status: { before: 'waitingRequester', after: 'new' } } },
      });
    } finally {
      await u.close();
    }
  });

  it('takes back a priority change made on the board, with its reason', async () => {
    const u = testStore();
    try {
      const ticket = await u.call('tickets.create', outlookTicket);
      const raised = await u.call('tickets.update', {
        id: ticket.id,
        expectedVersion: ticket.version,
        triageOverride: { priority: 'P1', reason: 'Geschäftsführer betroffen' },
      });
      expect(raised.triage.priority).toBe('P1');
      const back = await u.call('tickets.undo', { id: ticket.id, expectedVersion: raised.version });
      expect(back.triage).toEqual(ticket.triage);
      expect(
        (await u.call('board.get', {})).cells.find((c) => c.cards.some((card) => card.id === ticket.id))?.priority,
      ).toBe(ticket.triage.priority);
    } finally {
      await u.close();
    }
  });

  it('takes back a resolve with its resolution text', async () => {
    const u = testStore();
    try {
      const ticket = await u.call('tickets.create', outlookTicket);
      const resolved = await u.call('tickets.transition', { id: ticket.id, to: 'resolved', resolution: 'Profil neu' });
      const back = await u.call('tickets.undo', { id: ticket.id, expectedVersion: resolved.version });
      expect([back.status, back.resolution, back.resolvedAt]).toEqual(['new', null, null]);
    } finally {
      await u.close();
    }
  });

  it('refuses after a minute, after another change, or when the last change was no move', async () => {
    const clock = handClock('2026-11-23T08:00:00Z');
    const u = testStore(clock.now);
    try {
      const ticket = await u.call('tickets.create', outlookTicket);
      const first = await u.dispatch('tickets.undo', { id: ticket.id, expectedVersion: ticket.version }, 'de');
      expect(first).toMatchObject({ ok: false, status: 409, error: { code: 'conflict' } });
      const moved = await u.call('tickets.transition', { id: ticket.id, to: 'inProgress' });
      clock.set('2026-11-23T08:01:01Z');
      const late = await u.dispatch('tickets.undo', { id: ticket.id, expectedVersion: moved.version }, 'de');
      expect(late).toMatchObject({ ok: false, status: 409 });
      if (!late.ok) expect(late.error.message).toContain('nichts mehr rückgängig');
      const again = await u.call('tickets.transition', { id: ticket.id, to: 'waitingMsp' });
      await u.call('tickets.addNote', { id: ticket.id, kind: 'note', body: 'Anruf' });
      const stale = await u.dispatch('tickets.undo', { id: ticket.id, expectedVersion: again.version }, 'de');
      expect(stale).toMatchObject({ ok: false, status: 409 });
      expect((await u.call('tickets.get', { id: ticket.id })).ticket.status).toBe('waitingMsp');
    } finally {
      await u.close();
    }
  });
});
