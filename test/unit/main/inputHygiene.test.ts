import { afterEach, describe, expect, it } from 'vitest';
import { defaultMessageTemplates } from '../../../src/shared/domain/messages';
import { fileServerTicket, networkProvider, outlookTicket, testStore } from '../../support/store';

let t: ReturnType<typeof testStore>;
afterEach(() => t.close());

// Names everything inherits from Object.prototype: a lookup by a user-named key must never find them.
const inherited = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];

describe('keys named by users are looked up as own keys only', () => {
  it('messages.render leaves {{constructor}} and friends visible as written', async () => {
    t = testStore();
    const templates = structuredClone(defaultMessageTemplates);
    templates.de.received.body = inherited.map((name) => `{{${name}}}`).join(' ');
    await t.call('messages.templates.update', { templates });
    const ticket = await t.call('tickets.create', outlookTicket);
    const rendered = await t.call('messages.render', { id: ticket.id, kind: 'received', language: 'de' });
    expect(rendered.body).toBe(inherited.map((name) => `{{${name}}}`).join(' '));
  });

  it('a template variable named "constructor" is asked for like any other, never a 500', async () => {
    t = testStore();
    const template = {
      key: 'zugang',
      title: 'Zugang einrichten',
      kind: 'serviceRequest' as const,
      language: 'de' as const,
      variables: [
        { key: 'constructor', label: 'Konstrukteur', type: 'text' as const },
        { key: 'tostring', label: 'Datum', type: 'date' as const, required: false },
      ],
      sections: [
        { title: 'A', steps: [{ id: 'a', title: 'Zugang anlegen', due: { from: 'tostring', workingDays: 1 } }] },
      ],
    };
    await t.call('checklists.templates.save', { template });
    const missing = await t.dispatch(
      'serviceRequests.start',
      { key: 'zugang', language: 'de', variables: {}, requester: { name: 'HR' } },
      'de',
    );
    expect(missing).toMatchObject({
      ok: false,
      status: 400,
      error: { code: 'invalid_input', message: 'Bitte „Konstrukteur“ angeben.' },
    });
    const started = await t.call('serviceRequests.start', {
      key: 'zugang',
      language: 'de',
      variables: { constructor: 'Eva Klein' },
      requester: { name: 'HR' },
    });
    expect(started.ticket.description).toBe('Konstrukteur: Eva Klein');
    expect(started.run.steps[0]!.dueDate).toBeNull();
    expect((await t.call('serviceRequests.list', {})).items[0]!.date).toBeNull();
  });
});

describe('one text policy, whatever the door', () => {
  it('refuses direction overrides and zero-width characters in typed text, naming the field in plain words', async () => {
    t = testStore();
    for (const [title, expected] of [
      ['Rechnung\u202Efdp.exe', 'Titel: enthält unsichtbare oder die Schreibrichtung ändernde Zeichen'],
      ['Drucker\u200Bdefekt', 'Titel: enthält unsichtbare oder die Schreibrichtung ändernde Zeichen'],
      ['Zeile\u2028zwei', 'Titel: enthält Steuerzeichen'],
    ] as const) {
      const outcome = await t.dispatch('tickets.create', { ...outlookTicket, title }, 'de');
      expect(outcome).toMatchObject({ ok: false, status: 400, error: { message: `Ungültige Eingabe: ${expected}` } });
    }
    // Ordinary writing stays: an emoji with joiners, a right-to-left mark in a name.
    const ok = await t.call('tickets.create', {
      ...outlookTicket,
      title: 'Team 👩‍💻 wartet',
      description: 'Name: \u200Fدانا',
    });
    expect(ok.title).toBe('Team 👩‍💻 wartet');
    expect((await t.call('tickets.list', {})).total).toBe(1);
  });

  it('drops hidden characters from dropped file names, in the store and in the packet', async () => {
    t = testStore();
    await t.call('msp.providers.save', { provider: networkProvider });
    const ticket = await t.call('tickets.create', fileServerTicket);
    const attachment = await t.call('tickets.attach', {
      id: ticket.id,
      fileName: 'usv\u200B\u2028log\u202E.txt',
      contentBase64: Buffer.from('log').toString('base64'),
    });
    expect(attachment.fileName).toBe('usvlog.txt');
    const preview = await t.call('escalations.preview', {
      ticketId: ticket.id,
      providerId: networkProvider.id,
      language: 'de',
      attachmentIds: [attachment.id],
    });
    expect(preview.files.some((file) => /[\u200B\u2028\u202E]/.test(file))).toBe(false);
  });

  it('cleans an imported reply to the policy a typed note meets (no NUL, no override)', async () => {
    t = testStore();
    await t.call('msp.providers.save', { provider: networkProvider });
    const ticket = await t.call('tickets.create', fileServerTicket);
    await t.call('escalations.build', { ticketId: ticket.id, providerId: networkProvider.id, language: 'de' });
    const mail = `From: support@netzwerk-partner.example\r\nSubject: AW: [Ticket#1] USV\u202E\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nTechniker\u0000 kommt\u202E um 10.\r\n`;
    const reply = await t.call('escalations.importReply', {
      ticketId: ticket.id,
      contentBase64: Buffer.from(mail).toString('base64'),
    });
    const { notes } = await t.call('tickets.get', { id: ticket.id });
    const note = notes.find((n) => n.id === reply.noteId)!;
    expect(note.body).toContain('Techniker kommt um 10.');
    expect(/[\u0000\u202E]/.test(note.body + reply.subject)).toBe(false);
  });

  it('refuses a portal address with NUL or broken Unicode', async () => {
    t = testStore();
    for (const portalUrl of ['https://portal.example/\u0000', 'https://portal.example/\uD800']) {
      const outcome = await t.dispatch('msp.providers.save', { provider: { ...networkProvider, portalUrl } }, 'de');
      expect(outcome).toMatchObject({ ok: false, status: 400, error: { code: 'invalid_input' } });
    }
  });
});

describe('list cursors', () => {
  it('refuses a cursor it did not issue, or one of another order, with 400 instead of page 1', async () => {
    t = testStore();
    for (let i = 0; i < 3; i += 1) await t.call('tickets.create', outlookTicket);
    const page = await t.call('tickets.list', { limit: 1, sort: { by: 'created', dir: 'desc' } });
    expect(page.nextCursor).not.toBeNull();
    const next = await t.call('tickets.list', {
      limit: 1,
      sort: { by: 'created', dir: 'desc' },
      cursor: page.nextCursor,
    });
    expect(next.items[0]!.id).toBeLessThan(page.items[0]!.id);
    for (const cursor of ['garbage', Buffer.from('{"key":1}').toString('base64url'), page.nextCursor!]) {
      const outcome = await t.dispatch('tickets.list', { limit: 1, sort: { by: 'updated', dir: 'asc' }, cursor }, 'de');
      expect(outcome).toMatchObject({ ok: false, status: 400, error: { code: 'invalid_input' } });
      if (!outcome.ok) expect(outcome.error.message).toContain('Seitenmarke');
    }
  });
});

describe('validation messages in plain words', () => {
  it('say which field is missing without repeating the prefix or naming JS types', async () => {
    t = testStore();
    const { title: _title, ...withoutTitle } = outlookTicket;
    const de = await t.dispatch('tickets.create', withoutTitle, 'de');
    const en = await t.dispatch('tickets.create', { ...outlookTicket, title: 5 }, 'en');
    expect(de).toMatchObject({ ok: false, error: { message: 'Ungültige Eingabe: Titel: fehlt' } });
    expect(en).toMatchObject({
      ok: false,
      error: { message: 'Invalid input: Title: has the wrong format (expected: text)' },
    });
    for (const outcome of [de, en])
      if (!outcome.ok)
        expect(outcome.error.message).not.toMatch(/string|undefined|received|erhalten|Ungültige Eingabe:.*Ungültige/);
  });

  it('list every problem with its field, so a form can mark each', async () => {
    t = testStore();
    const outcome = await t.dispatch(
      'msp.providers.save',
      { provider: { ...networkProvider, name: '', intakeEmail: 'x' } },
      'de',
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.error.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            path: ['provider', 'name'],
            field: 'Name des Dienstleisters',
            message: 'darf nicht leer sein',
          }),
          expect.objectContaining({ path: ['provider', 'intakeEmail'], field: 'Annahme-Adresse' }),
        ]),
      );
  });
});
