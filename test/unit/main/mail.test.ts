import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../../../src/main/store/database';
import type { MethodInput } from '../../../src/shared/contract';
import { anna } from '../../support/directory';
import { mailAccount, printerMail } from '../../support/mail';
import { fileServerTicket, handClock, testStore } from '../../support/store';

type Mail = MethodInput<'mail.ingest'>['mail'];
const stores: ReturnType<typeof testStore>[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

function desk(start = '2026-12-01T09:00:00Z') {
  const clock = handClock(start);
  const t = testStore(clock.now);
  stores.push(t);
  const take = (
    mail: Partial<Mail>,
    source: MethodInput<'mail.ingest'>['source'] = { kind: 'file', fileName: 'm.eml' },
  ) => t.call('mail.ingest', { mail: { ...printerMail, ...mail }, source });
  return { t, clock, take };
}

describe('mail in', () => {
  it('opens a ticket in "needs triage" from a mail: sender from the directory, the Date as the report time', async () => {
    const { t, take } = desk();
    const person = await t.call('directory.people.save', { person: anna });
    const result = await take({
      fromAddress: 'Anna.Mueller@example.de',
      fromName: 'Anna',
      subject: 'AW: WG: Drucker im 2. OG',
    });
    expect(result.outcome).toBe('ticket');
    const { ticket } = await t.call('tickets.get', { id: result.ticketId! });
    expect(ticket).toMatchObject({
      title: 'Drucker im 2. OG',
      channel: 'email',
      needsTriage: true,
      createdAt: printerMail.date,
      requester: { name: 'Anna Müller', personId: person.id, department: 'Vertrieb' },
    });
    expect(ticket.description).toContain('Niemand kann drucken');
    const board = await t.call('tickets.list', { filter: { open: true } });
    expect(board.items[0]?.needsTriage).toBe(true);
    // Next up: whoever waits for triage comes before any ranked ticket, even a P1.
    const urgent = await t.call('tickets.create', fileServerTicket);
    expect(urgent.triage.priority).toBe('P1');
    const next = await t.call('tickets.nextUp', {});
    expect(next.items.map((i) => [i.id, i.needsTriage])).toEqual([
      [ticket.id, true],
      [urgent.id, false],
    ]);
    // Answering the questions completes the triage.
    const answered = await t.call('tickets.update', {
      id: ticket.id,
      patch: { firstContact: { affectedScope: 'department', impairment: 'stopped' } },
    });
    expect(answered.needsTriage).toBe(false);
    expect(answered.triage.priority).not.toBe(ticket.triage.priority);
  });

  it('takes the same mail once, however often it comes', async () => {
    const { t, take } = desk();
    const first = await take({});
    const again = await take({ messageId: `<${printerMail.messageId}>` });
    expect(again).toMatchObject({ outcome: 'duplicate', ticketId: first.ticketId });
    // A mail without a Message-ID is known by its content.
    const bare = await take({ messageId: '', subject: 'ohne ID' });
    expect((await take({ messageId: '', subject: 'ohne ID' })).outcome).toBe('duplicate');
    expect(bare.outcome).toBe('ticket');
    expect((await t.call('tickets.list', {})).total).toBe(2);
  });

  it('threads follow-ups by our tag and by our Message-IDs, moving a ticket that waited on the requester', async () => {
    const { t, take } = desk();
    await t.call('mail.accounts.record', { account: mailAccount, hasPassword: false });
    const { ticketId, ticketNumber } = await take({});
    await t.call('tickets.transition', { id: ticketId!, to: 'inProgress' });
    await t.call('tickets.transition', { id: ticketId!, to: 'waitingRequester' });
    const sent = await t.call('mail.send', { ticketId: ticketId!, body: 'Welches Modell ist es?' });
    expect(sent.subject).toBe(`[LS-${ticketNumber}] AW: Drucker im 2. OG druckt nicht`);
    const byTag = await take({
      messageId: 'r1@example.de',
      subject: `AW: [LS-${ticketNumber}] Drucker`,
      text: 'HP 4250',
    });
    expect(byTag).toMatchObject({ outcome: 'followUp', ticketId, reason: 'tag' });
    expect((await t.call('tickets.get', { id: ticketId! })).ticket.status).toBe('inProgress');
    const byHeader = await take({
      messageId: 'r2@example.de',
      subject: 'Re: Drucker',
      inReplyTo: sent.messageId,
      text: 'Noch da?',
    });
    expect(byHeader).toMatchObject({ outcome: 'followUp', ticketId, reason: 'header' });
    const notes = (await t.call('tickets.get', { id: ticketId! })).notes.map((n) => n.body);
    expect(notes.some((n) => n.includes('HP 4250'))).toBe(true);
    expect(notes.some((n) => n.includes('Noch da?'))).toBe(true);
  });

  it('reopens a resolved ticket within the period, later opens a new linked one', async () => {
    const { t, clock, take } = desk();
    const { ticketId, ticketNumber } = await take({});
    await t.call('tickets.transition', { id: ticketId!, to: 'inProgress' });
    await t.call('tickets.transition', { id: ticketId!, to: 'resolved', resolution: 'Toner getauscht' });
    clock.set('2026-12-03T09:00:00Z');
    const reopened = await take({
      messageId: 'r3@example.de',
      subject: `Re: [LS-${ticketNumber}]`,
      text: 'Wieder kaputt',
    });
    expect(reopened.outcome).toBe('reopened');
    expect((await t.call('tickets.get', { id: ticketId! })).ticket.status).toBe('inProgress');
    await t.call('tickets.transition', { id: ticketId!, to: 'resolved', resolution: 'Fixiereinheit' });
    clock.set('2026-12-30T09:00:00Z');
    const linked = await take({
      messageId: 'r4@example.de',
      subject: `Re: [LS-${ticketNumber}]`,
      text: 'Schon wieder',
    });
    expect(linked).toMatchObject({ outcome: 'linked', reason: ticketNumber });
    expect(linked.ticketId).not.toBe(ticketId);
    expect((await t.call('tickets.get', { id: linked.ticketId! })).ticket.description).toContain(ticketNumber!);
    expect((await t.call('tickets.get', { id: ticketId! })).ticket.status).toBe('resolved');
  });

  it('never opens a ticket for an automatic reply, and notes a bounce on the ticket whose mail bounced', async () => {
    const { t, take } = desk();
    await t.call('mail.accounts.record', { account: mailAccount, hasPassword: false });
    const auto = await take({ messageId: 'oof@example.de', headers: { autoSubmitted: 'auto-replied' } });
    expect(auto).toMatchObject({ outcome: 'autoReply', ticketId: null });
    const { ticketId } = await take({});
    const sent = await t.call('mail.send', { ticketId: ticketId!, body: 'Bitte neu starten.' });
    const bounce = await take({
      messageId: 'dsn@mx.example.de',
      fromAddress: 'mailer-daemon@mx.example.de',
      subject: 'Undeliverable',
      isDeliveryReport: true,
      bouncedMessageIds: [sent.messageId],
      text: '550 5.1.1 user unknown',
    });
    expect(bounce).toMatchObject({ outcome: 'bounce', ticketId });
    const notes = (await t.call('tickets.get', { id: ticketId! })).notes;
    expect(notes.at(-1)?.body).toContain('550 5.1.1');
    expect((await t.call('tickets.list', {})).total).toBe(1);
    expect((await t.call('mail.outbox.list', {})).items.filter((i) => i.kind === 'acknowledgement')).toEqual([]);
  });

  it('holds a sender past the limit for review; released, the mail becomes a ticket', async () => {
    const { t, take } = desk();
    await t.call('mail.settings.update', { settings: { reopenDays: 14, holdCount: 3, holdMinutes: 10 } });
    const outcomes = [];
    for (let i = 0; i < 5; i += 1)
      outcomes.push((await take({ messageId: `bomb-${i}@x.de`, subject: `Hilfe ${i}` })).outcome);
    expect(outcomes).toEqual(['ticket', 'ticket', 'ticket', 'held', 'held']);
    const { items } = await t.call('mail.held.list', {});
    expect(items).toHaveLength(2);
    const released = await t.call('mail.held.release', { id: items[1]!.id });
    expect(released.outcome).toBe('ticket');
    await t.call('mail.held.discard', { id: items[0]!.id });
    expect((await t.call('mail.held.list', {})).items).toEqual([]);
    expect((await t.call('tickets.list', {})).total).toBe(4);
  });

  it('acknowledges a new ticket from a mailbox once per sender and day, with our tag', async () => {
    const { t, clock, take } = desk();
    const account = await t.call('mail.accounts.record', { account: mailAccount, hasPassword: true });
    const source = (uid: number) => ({
      kind: 'imap' as const,
      accountId: account.id,
      folder: 'INBOX',
      uidValidity: 7,
      uid,
    });
    const first = await take({ messageId: 'a1@x.de' }, source(1));
    await take({ messageId: 'a2@x.de', subject: 'Noch was' }, source(2));
    let acks = (await t.call('mail.outbox.list', {})).items.filter((i) => i.kind === 'acknowledgement');
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatchObject({ to: printerMail.fromAddress, ticketId: first.ticketId, state: 'queued' });
    expect(acks[0]?.subject).toContain(`[LS-${first.ticketNumber}]`);
    expect(await t.call('mail.cursor', { accountId: account.id, folder: 'INBOX' })).toEqual({
      uidValidity: 7,
      lastUid: 2,
    });
    clock.set('2026-12-02T09:30:00Z');
    await take({ messageId: 'a3@x.de', subject: 'Tag zwei' }, source(3));
    acks = (await t.call('mail.outbox.list', {})).items.filter((i) => i.kind === 'acknowledgement');
    expect(acks).toHaveLength(2);
    const claimed = await t.call('mail.outbox.claim', {});
    expect(claimed.items.every((i) => i.automatic && i.state === 'sending')).toBe(true);
  });
});

describe('mail and privacy', () => {
  it('an erasure leaves nothing of the person in the mail tables', async () => {
    const { t, take } = desk();
    await t.call('mail.accounts.record', { account: mailAccount, hasPassword: true });
    await t.call('mail.settings.update', { settings: { reopenDays: 14, holdCount: 2, holdMinutes: 10 } });
    const { ticketId } = await take({ text: 'Anna Becker hier, der Drucker streikt.' });
    await t.call('mail.send', { ticketId: ticketId!, body: 'Hallo Anna Becker, wir kommen vorbei.' });
    await take({ messageId: 'p2@x.de', subject: 'Noch was' });
    await take({ messageId: 'p3@x.de', subject: 'Und noch was' });
    expect((await t.call('mail.held.list', {})).items).toHaveLength(1);
    await t.call('privacy.erase', {
      subject: { name: 'Anna Becker', email: printerMail.fromAddress },
      basis: 'Art. 17 Abs. 1 lit. a DSGVO',
      confirmOpen: true,
    });
    // Every text of every mail table, read from the file itself.
    const db = new DatabaseSync(databaseFile(t.dir), { readOnly: true });
    for (const table of ['mail_messages', 'mail_outbox', 'mail_held'])
      expect(JSON.stringify(db.prepare(`SELECT * FROM ${table}`).all()), table).not.toMatch(/anna|becker/i);
    db.close();
    const outbox = (await t.call('mail.outbox.list', {})).items;
    expect(JSON.stringify(outbox)).not.toMatch(/anna|becker/i);
    expect((await t.call('mail.held.list', {})).items).toEqual([]);
    const found = await t.call('privacy.find', { subject: { email: printerMail.fromAddress } });
    expect(found.tickets).toEqual([]);
  });
});

describe('mail out', () => {
  it('queues a reply with its note, retries with backoff, and shows the state', async () => {
    const { t, clock, take } = desk();
    await t.call('mail.accounts.record', { account: mailAccount, hasPassword: false });
    const { ticketId } = await take({});
    const queued = await t.call('mail.send', { ticketId: ticketId!, body: 'Der Drucker geht wieder.' });
    expect(queued.state).toBe('queued');
    const notes = (await t.call('tickets.get', { id: ticketId! })).notes;
    expect(notes.at(-1)).toMatchObject({ kind: 'reply' });
    expect(notes.at(-1)?.body).toContain('Der Drucker geht wieder.');
    const [claimed] = (await t.call('mail.outbox.claim', {})).items;
    expect(claimed).toMatchObject({ id: queued.id, from: mailAccount.address, body: 'Der Drucker geht wieder.' });
    expect(claimed?.references).toContain(printerMail.messageId);
    // Claimed mails are not handed out twice while being sent.
    expect((await t.call('mail.outbox.claim', {})).items).toEqual([]);
    const failed = await t.call('mail.outbox.mark', { id: queued.id, sent: false, error: '421 try later' });
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, lastError: '421 try later' });
    expect(Date.parse(failed.nextAttemptAt!) - Date.parse('2026-12-01T09:00:00Z')).toBe(60_000);
    expect((await t.call('mail.outbox.claim', {})).items).toEqual([]);
    clock.set('2026-12-01T09:01:00Z');
    expect((await t.call('mail.outbox.claim', {})).items.map((i) => i.id)).toEqual([queued.id]);
    const sent = await t.call('mail.outbox.mark', { id: queued.id, sent: true });
    expect(sent).toMatchObject({ state: 'sent', attempts: 2, lastError: null });
    expect((await t.call('mail.outbox.list', { ticketId: ticketId! })).items[0]?.state).toBe('sent');
  });

  it('refuses a reply without an SMTP server or without a recipient, writing nothing', async () => {
    const { t, take } = desk();
    const { ticketId } = await take({ fromAddress: '' });
    await expect(t.call('mail.send', { ticketId: ticketId!, body: 'x' })).rejects.toThrow(/conflict: .*SMTP/);
    await t.call('mail.accounts.record', { account: mailAccount, hasPassword: false });
    await expect(t.call('mail.send', { ticketId: ticketId!, body: 'x' })).rejects.toThrow(/invalid_input/);
    expect((await t.call('mail.outbox.list', {})).items).toEqual([]);
    expect((await t.call('tickets.get', { id: ticketId! })).notes.filter((n) => n.kind === 'reply')).toEqual([]);
  });
});
