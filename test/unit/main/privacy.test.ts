import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import yauzl from 'yauzl';
import { afterEach, describe, expect, it } from 'vitest';
import { anna } from '../../support/directory';
import { handClock, networkProvider, outlookTicket, testStore } from '../../support/store';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
function desk(now?: () => Date) {
  const t = testStore(now);
  cleanups.push(() => t.close());
  return t;
}

const NAME = 'Anna Müller';
const EMAIL = 'anna.mueller@example.de';
const PHONE = '+49 30 1234-101';

/** A desk where Anna asked twice (one still open), is named in a colleague's ticket, has a file and a packet. */
async function deskWithAnna(t: ReturnType<typeof desk>) {
  const person = await t.call('directory.people.save', { person: anna });
  const first = await t.call('tickets.create', {
    ...outlookTicket,
    title: `Outlook bei ${NAME} startet nicht`,
    requester: { name: NAME, personId: person.id, email: EMAIL, phone: PHONE, department: 'Vertrieb' },
  });
  await t.call('tickets.addNote', { id: first.id, kind: 'note', body: `Rückruf an ${NAME} unter ${PHONE}` });
  await t.call('tickets.attach', {
    id: first.id,
    fileName: 'screenshot-anna.png',
    contentBase64: Buffer.from(`Bildschirm von ${NAME}`).toString('base64'),
  });
  await t.call('msp.providers.save', { provider: networkProvider });
  await t.call('escalations.build', { ticketId: first.id, providerId: networkProvider.id, language: 'de' });
  await t.call('tickets.transition', { id: first.id, to: 'inProgress' });
  await t.call('tickets.transition', { id: first.id, to: 'resolved', resolution: `Profil von ${NAME} neu angelegt` });
  const second = await t.call('tickets.create', {
    ...outlookTicket,
    title: 'Drucker im Vertrieb',
    requester: { name: NAME, email: EMAIL, department: 'Vertrieb' },
  });
  const colleague = await t.call('tickets.create', {
    ...outlookTicket,
    title: 'Freigabe für das Team',
    description: `Bitte auch ${EMAIL} freischalten (Vertretung von ${NAME}).`,
    requester: { name: 'Thomas Krüger', department: 'Buchhaltung' },
  });
  return { person, first, second, colleague };
}

const occurrences = (bytes: Buffer, needles: string[]) =>
  needles.filter(
    (needle) =>
      bytes.includes(Buffer.from(needle, 'utf8')) || bytes.includes(Buffer.from(needle.toLowerCase(), 'utf8')),
  );

/** Every term the full-text indexes hold (their shadow tables), read through fts5vocab. */
function indexedTerms(file: string): string[] {
  const db = new DatabaseSync(file);
  try {
    db.exec("CREATE VIRTUAL TABLE temp.v1 USING fts5vocab(main, 'tickets_fts', 'row')");
    db.exec("CREATE VIRTUAL TABLE temp.v2 USING fts5vocab(main, 'tickets_open_fts', 'row')");
    return (db.prepare('SELECT term FROM temp.v1 UNION SELECT term FROM temp.v2').all() as { term: string }[]).map(
      (r) => r.term,
    );
  } finally {
    db.close();
  }
}

function unzip(content: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(content, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) =>
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        }),
      );
      zip.on('end', () => resolve(files));
      zip.readEntry();
    });
  });
}

describe("privacy: a person's data (Art. 15)", () => {
  it('exports every ticket, note, file and log entry where the person appears, with a readable overview', async () => {
    const t = desk();
    const { first, second, colleague } = await deskWithAnna(t);
    const found = await t.call('privacy.find', { subject: { email: EMAIL } });
    expect(found.tickets.map((x) => [x.id, x.role])).toEqual([
      [first.id, 'requester'],
      [second.id, 'requester'],
      [colleague.id, 'mentioned'],
    ]);
    expect(found.counts).toMatchObject({ tickets: 3, openTickets: 2, notes: 1, attachments: 1, escalations: 1 });
    const exported = await t.call('privacy.export', { subject: { email: EMAIL }, language: 'de' });
    const files = await unzip(Buffer.from(exported.contentBase64, 'base64'));
    expect([...files.keys()].sort()).toEqual(
      [
        'events.json',
        'index.html',
        'person.json',
        'tickets.json',
        `attachments/${first.number}/1-screenshot-anna.png`,
      ].sort(),
    );
    expect(files.get(`attachments/${first.number}/1-screenshot-anna.png`)?.toString()).toBe(`Bildschirm von ${NAME}`);
    const tickets = JSON.parse(files.get('tickets.json')!.toString()) as {
      ticket: { number: string };
      notes: unknown[];
    }[];
    expect(tickets.map((x) => x.ticket.number)).toEqual([first.number, second.number, colleague.number]);
    expect(JSON.parse(files.get('person.json')!.toString())).toMatchObject({ directory: { name: NAME, email: EMAIL } });
    const events = JSON.parse(files.get('events.json')!.toString()) as { kind: string }[];
    expect(events.some((e) => e.kind === 'ticket.created')).toBe(true);
    const html = files.get('index.html')!.toString();
    expect(html).toContain('Auskunft nach Art. 15 DSGVO');
    expect(html).toContain(first.number);
    expect(html).toContain(networkProvider.id);
  });
});

describe('privacy: erasure (Art. 17)', () => {
  it('pseudonymises everywhere; nothing of the person is left in the database file, WAL or index; the log verifies and still finds tampering', async () => {
    const t = desk();
    const { person, first, second, colleague } = await deskWithAnna(t);
    const before = await t.call('audit.verify', {});
    // An open ticket needs a confirmation; refused, nothing changes.
    const refused = await t.dispatch(
      'privacy.erase',
      { subject: { personId: person.id }, basis: 'Art. 17 Abs. 1 lit. a DSGVO' },
      'de',
    );
    expect(refused).toMatchObject({ ok: false, status: 409, error: { code: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toContain('1 offenes Ticket');
    expect((await t.call('audit.verify', {})).checked).toBe(before.checked);

    const record = await t.call('privacy.erase', {
      subject: { personId: person.id },
      basis: 'Art. 17 Abs. 1 lit. a DSGVO',
      confirmOpen: true,
    });
    expect(record.pseudonym).toMatch(/^Person [0-9a-f]{4}$/);
    expect(record.counts).toMatchObject({ tickets: 3, notes: 1, attachments: 1, escalations: 1, people: 1 });
    expect(record.backupsUntil).toMatch(/^\d{4}-/);
    // The erasure is logged without the erased data.
    expect(JSON.stringify(await t.call('privacy.erasures', {}))).not.toContain('Müller');

    const shown = await t.call('tickets.get', { id: first.id });
    expect(shown.ticket.requester).toMatchObject({ name: record.pseudonym, email: '', phone: '' });
    expect(shown.ticket.title).toBe(`Outlook bei ${record.pseudonym} startet nicht`);
    expect((await t.call('tickets.get', { id: colleague.id })).ticket.description).toBe(
      `Bitte auch ${record.pseudonym} freischalten (Vertretung von ${record.pseudonym}).`,
    );
    expect((await t.call('tickets.get', { id: second.id })).ticket.requester.name).toBe(record.pseudonym);
    expect((await t.call('tickets.search', { q: 'Müller' })).items).toEqual([]);
    expect((await t.call('tickets.search', { q: 'anna' })).items).toEqual([]);
    const audit = await t.call('audit.verify', {});
    expect(audit).toMatchObject({ ok: true, firstBroken: null });

    // The raw files: database and WAL (emptied), the index's shadow tables, and the desk's files.
    const file = join(t.dir, 'leitstand.sqlite');
    const raw = Buffer.concat([
      readFileSync(file),
      existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0),
    ]);
    expect(occurrences(raw, [NAME, 'Müller', EMAIL, PHONE, 'anna.mueller', '1234-101'])).toEqual([]);
    expect(indexedTerms(file).filter((term) => /müller|mueller|anna|1234/.test(term))).toEqual([]);
    const files = (dir: string): string[] =>
      existsSync(dir)
        ? readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
            e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
          )
        : [];
    for (const path of [...files(join(t.dir, 'attachments')), ...files(join(t.dir, 'escalations'))])
      expect(occurrences(readFileSync(path), [NAME, EMAIL]), path).toEqual([]);

    // A backup made now holds nothing of her either.
    const backup = await t.call('backups.run', {});
    const copy = readFileSync(join(t.dir, 'backups', backup.id, 'leitstand.sqlite'));
    expect(occurrences(copy, [NAME, EMAIL, PHONE])).toEqual([]);

    // Twice: nothing left to erase, said clearly.
    const again = await t.dispatch(
      'privacy.erase',
      { subject: { email: EMAIL }, basis: 'Art. 17', confirmOpen: true },
      'en',
    );
    expect(again).toMatchObject({ ok: false, status: 404, error: { code: 'not_found' } });
    const unknown = await t.dispatch('privacy.erase', { subject: { name: 'Niemand Bekannt' }, basis: 'Art. 17' }, 'de');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await t.call('audit.verify', {})).ok).toBe(true);

    // Tampering after the erasure is still found: a rewritten event, a removed redaction, a changed old event.
    const db = new DatabaseSync(file);
    const redacted = (
      db.prepare('SELECT event_id FROM event_redactions ORDER BY event_id LIMIT 1').get() as { event_id: number }
    ).event_id;
    const data = (db.prepare('SELECT data FROM events WHERE id = ?').get(redacted) as { data: string }).data;
    db.prepare('UPDATE events SET data = ? WHERE id = ?').run(data.replace(record.pseudonym, 'Mallory'), redacted);
    expect((await t.call('audit.verify', {})).firstBroken).toEqual({ eventId: redacted, reason: 'hash_mismatch' });
    db.prepare('UPDATE events SET data = ? WHERE id = ?').run(data, redacted);
    expect((await t.call('audit.verify', {})).ok).toBe(true);
    db.prepare('DELETE FROM event_redactions WHERE event_id = ?').run(redacted);
    expect((await t.call('audit.verify', {})).ok).toBe(false);
    db.close();
  });

  it('retention pseudonymises the requesters of tickets closed long ago, once, and leaves newer tickets alone', async () => {
    const clock = handClock('2024-01-10T09:00:00Z');
    const t = desk(clock.now);
    const old = await t.call('tickets.create', {
      ...outlookTicket,
      requester: { name: 'Erika Alt', email: 'erika@example.de' },
    });
    await t.call('tickets.transition', { id: old.id, to: 'inProgress' });
    await t.call('tickets.transition', { id: old.id, to: 'resolved', resolution: 'Profil von Erika Alt neu' });
    clock.set('2026-06-01T09:00:00Z');
    const recent = await t.call('tickets.create', {
      ...outlookTicket,
      requester: { name: 'Erika Alt', email: 'erika@example.de' },
    });
    expect(await t.call('privacy.retention.run', {})).toEqual({ tickets: 0, erasure: null });
    await t.call('privacy.retention.update', {
      retention: { enabled: true, closedMonths: 24, basis: 'DSGVO Art. 5 Abs. 1 lit. e' },
    });
    const run = await t.call('privacy.retention.run', {});
    expect(run.tickets).toBe(1);
    expect(run.erasure).toMatchObject({ scope: 'retention', basis: 'DSGVO Art. 5 Abs. 1 lit. e', actor: 'Leitstand' });
    expect((await t.call('tickets.get', { id: old.id })).ticket.requester.name).toMatch(/^Person [0-9a-f]{4}$/);
    expect((await t.call('tickets.get', { id: recent.id })).ticket.requester.name).toBe('Erika Alt');
    expect((await t.call('privacy.retention.run', {})).tickets).toBe(0);
    expect((await t.call('privacy.retention.get', {})).lastCount).toBe(1);
    expect((await t.call('audit.verify', {})).ok).toBe(true);
  });

  it('writes a record of processing from the desk, keeps edits, and names the MSP as processor', async () => {
    const t = desk();
    await deskWithAnna(t);
    const sections = await t.call('privacy.record', { language: 'de' });
    expect(sections.map((s) => s.key)).toEqual([
      'controller',
      'purpose',
      'subjects',
      'data',
      'recipients',
      'retention',
      'measures',
    ]);
    expect(sections.find((s) => s.key === 'recipients')?.text).toContain('Übergaben: 1');
    const edited = await t.call('privacy.record.update', {
      language: 'de',
      sections: { controller: 'Muster GmbH, Datenschutz: dsb@muster.de', bogus: 'x' },
    });
    expect(edited.find((s) => s.key === 'controller')).toMatchObject({
      text: 'Muster GmbH, Datenschutz: dsb@muster.de',
      generated: false,
    });
    expect(edited.some((s) => s.key === 'bogus')).toBe(false);
  });
});
