import { afterEach, describe, expect, it } from 'vitest';
import { defaultMessageTemplates, fillTemplate } from '../../../src/shared/domain/messages';
import { fileServerTicket, testStore } from '../../support/store';

let t: ReturnType<typeof testStore>;
afterEach(() => t.close());

/** Monday 23 Nov 2026, 09:00 in Berlin. */
const monday = () => new Date('2026-11-23T08:00:00Z');

describe('status messages', () => {
  it('fill the received message from the ticket and the SLA clock, in German and English', async () => {
    t = testStore(monday);
    await t.call('settings.update', { patch: { coordinatorName: 'Jonas Weber' } });
    await t.call('tickets.create', {
      ...fileServerTicket,
      requester: { ...fileServerTicket.requester, email: 'thomas.krueger@example.de' },
    });
    const de = await t.call('messages.render', { id: 1, kind: 'received', language: 'de' });
    expect(de.subject).toBe('[2026-0001] Ihre Meldung ist eingegangen: Dateiserver nicht erreichbar');
    expect(de.body).toContain('Hallo Thomas Krüger');
    expect(de.body).toContain('Priorität P1 Kritisch');
    expect(de.body).toContain('spätestens Mo., 23. Nov., 10:00');
    expect(de.body).toContain('Ziel für die Lösung ist Mo., 23. Nov., 13:00');
    expect(de.body).toMatch(/Jonas Weber$/);
    expect(de.to).toBe('thomas.krueger@example.de');
    const en = await t.call('messages.render', { id: 1, kind: 'received', language: 'en' });
    expect(en.subject).toBe('[2026-0001] We received your request: Dateiserver nicht erreichbar');
    expect(en.body).toContain('by Mon 23 Nov, 10:00 at the latest');
  });

  it('put what is needed into "waiting on you" and keep unknown placeholders visible', async () => {
    t = testStore(monday);
    await t.call('tickets.create', fileServerTicket);
    const message = await t.call('messages.render', {
      id: 1,
      kind: 'waitingOnYou',
      language: 'de',
      needed: 'die genaue Fehlermeldung',
    });
    expect(message.body).toContain('brauchen wir von Ihnen:\ndie genaue Fehlermeldung');
    expect(fillTemplate('{{number}} {{unknown}}', { number: '2026-0001' })).toBe('2026-0001 {{unknown}}');
  });

  it('use edited templates, keep them across calls, and log the edit', async () => {
    t = testStore(monday);
    await t.call('tickets.create', fileServerTicket);
    const templates = structuredClone(defaultMessageTemplates);
    templates.de.resolved.subject = 'Erledigt ({{number}})';
    await t.call('messages.templates.update', { templates });
    expect((await t.call('messages.templates.get', {})).de.resolved.subject).toBe('Erledigt ({{number}})');
    expect((await t.call('messages.render', { id: 1, kind: 'resolved', language: 'de' })).subject).toBe(
      'Erledigt (2026-0001)',
    );
    expect((await t.call('audit.verify', {})).checked).toBe(2);
  });

  it('refuse a template with control characters, in the user language, and keep the old ones', async () => {
    t = testStore(monday);
    const templates = structuredClone(defaultMessageTemplates);
    templates.en.received.subject = 'Hi\u0007';
    const outcome = await t.dispatch('messages.templates.update', { templates }, 'de');
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Ungültige Eingabe: Statusnachrichten › Englisch › Eingang bestätigt › Betreff: enthält Steuerzeichen',
      },
    });
    expect(await t.call('messages.templates.get', {})).toEqual(defaultMessageTemplates);
  });
});
