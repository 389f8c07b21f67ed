import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/main/app/engine';
import { fileServerTicket, handClock, outlookTicket, testStore } from '../../support/store';

let t: ReturnType<typeof testStore>;
afterEach(() => t.close());

/** Calls through the dispatcher and returns the refusal message (in German) instead of throwing. */
async function refusal(method: Parameters<typeof t.dispatch>[0], input: unknown): Promise<string> {
  const outcome = await t.dispatch(method, input, 'de');
  if (outcome.ok) throw new Error(`${method} was accepted`);
  return `${outcome.error.code}: ${outcome.error.message}`;
}

async function serverDownRun() {
  t = testStore(handClock('2026-11-23T07:15:00Z').now);
  const ticket = await t.call('tickets.create', fileServerTicket);
  const run = await t.call('checklists.runs.start', { ticketId: ticket.id, key: 'server-share-down', language: 'de' });
  return { ticket, run };
}

describe('checklist runs', () => {
  it('works a runbook step by step, each change in the ticket log with who and when', async () => {
    const { ticket, run } = await serverDownRun();
    expect(run.progress).toMatchObject({ done: 0, openRequired: 6 });
    await t.call('checklists.runs.setStep', {
      runId: run.id,
      stepId: 'umfang',
      state: 'done',
      note: 'Buchhaltung und Vertrieb, S: und T:',
    });
    await t.call('checklists.runs.setStep', { runId: run.id, stepId: 'info-alle', state: 'done' });
    const after = await t.call('checklists.runs.setStep', {
      runId: run.id,
      stepId: 'erreichbar',
      state: 'done',
      answer: 'no',
    });
    // "No" switches on the branch for an unreachable server and leaves out the other one.
    const applicable = after.steps.filter((s) => s.applicable).map((s) => s.id);
    expect(applicable).toContain('strom-netz');
    expect(applicable).not.toContain('speicher');
    expect(after.progress).toMatchObject({ done: 3, total: 9 });
    const events = (await t.call('tickets.timeline', { id: ticket.id })).events.filter((e) =>
      e.kind.startsWith('checklist.'),
    );
    expect(events.map((e) => e.kind)).toEqual([
      'checklist.started',
      'checklist.step',
      'checklist.step',
      'checklist.step',
    ]);
    expect(events[3]!.data).toMatchObject({
      step: 'Server erreichbar (Ping, RDP/Konsole, Hypervisor)?',
      from: 'pending',
      to: 'done',
      answer: 'no',
    });
    expect(events[3]!.actor).toBe('IT-Koordination');
  });

  it('refuses illegal moves with clear errors and changes nothing', async () => {
    const { run } = await serverDownRun();
    await t.call('checklists.runs.setStep', { runId: run.id, stepId: 'info-alle', state: 'done' });
    expect(
      await refusal('checklists.runs.setStep', { runId: run.id, stepId: 'info-alle', state: 'failed', note: 'x' }),
    ).toMatch(/^conflict: .*erst zurücksetzen/);
    expect(await refusal('checklists.runs.setStep', { runId: run.id, stepId: 'umfang', state: 'done' })).toMatch(
      /Nachweis/,
    );
    expect(await refusal('checklists.runs.setStep', { runId: run.id, stepId: 'dienst', state: 'done' })).toMatch(
      /gilt hier nicht/,
    );
    expect(await refusal('checklists.runs.setStep', { runId: run.id, stepId: 'erreichbar', state: 'skipped' })).toMatch(
      /Grund/,
    );
    expect(await refusal('checklists.runs.setStep', { runId: run.id, stepId: 'gibt-es-nicht', state: 'done' })).toMatch(
      /^not_found/,
    );
    expect(
      await refusal('checklists.runs.setStep', { runId: run.id, stepId: 'umfang', state: 'done', attachmentId: 99 }),
    ).toMatch(/^not_found/);
    const now = await t.call('checklists.runs.get', { id: run.id });
    expect(now.progress.done).toBe(1);
    // Undo is always possible.
    const undone = await t.call('checklists.runs.setStep', { runId: run.id, stepId: 'info-alle', state: 'pending' });
    expect(undone.steps.find((s) => s.id === 'info-alle')).toMatchObject({ state: 'pending', note: '' });
  });

  it('keeps the template version a run started with when the template is edited later', async () => {
    const { ticket, run } = await serverDownRun();
    const stored = await t.call('checklists.templates.get', { key: 'server-share-down', language: 'de' });
    const edited = structuredClone(stored.template);
    edited.sections[0]!.steps[0]!.title = 'Umfang: wer, was, seit wann (neu)';
    const saved = await t.call('checklists.templates.save', { template: edited, expectedVersion: 1 });
    expect(saved).toMatchObject({ version: 2, origin: 'seeded', changed: true });
    const again = await t.call('checklists.runs.get', { id: run.id });
    expect(again.templateVersion).toBe(1);
    expect(again.template.sections[0]!.steps[0]!.title).toBe(
      'Umfang feststellen: wer, welche Laufwerke/Dienste, seit wann',
    );
    const second = await t.call('checklists.runs.start', {
      ticketId: ticket.id,
      key: 'server-share-down',
      language: 'de',
    });
    expect(second.templateVersion).toBe(2);
    expect(await refusal('checklists.templates.save', { template: edited, expectedVersion: 1 })).toBe(
      'conflict: Die Checkliste wurde inzwischen geändert (Version 2 statt 1). Bitte neu laden.',
    );
    const restored = await t.call('checklists.templates.restore', { key: 'server-share-down', language: 'de' });
    expect(restored).toMatchObject({ version: 3, changed: false });
  });

  it('does not resolve a ticket with required steps open, unless overridden with a logged reason', async () => {
    const { ticket } = await serverDownRun();
    expect(await refusal('tickets.transition', { id: ticket.id, to: 'resolved', resolution: 'Läuft wieder' })).toMatch(
      /^conflict: Noch 6 Pflichtschritte offen \(z\. B\. „Umfang feststellen/,
    );
    const resolved = await t.call('tickets.transition', {
      id: ticket.id,
      to: 'resolved',
      resolution: 'Läuft wieder',
      checklistOverride: 'Strom war weg, USV-Tausch durch Dienstleister; Runbook nicht mehr nötig',
    });
    expect(resolved.status).toBe('resolved');
    const last = (await t.call('tickets.timeline', { id: ticket.id })).events.at(-1)!;
    expect(last.data).toMatchObject({
      checklistOverride: 'Strom war weg, USV-Tausch durch Dienstleister; Runbook nicht mehr nötig',
    });
  });

  it('survives a restart in the middle of a run exactly where it was', async () => {
    const { run } = await serverDownRun();
    await t.call('checklists.runs.setStep', { runId: run.id, stepId: 'info-alle', state: 'done' });
    await t.call('checklists.runs.setStep', {
      runId: run.id,
      stepId: 'erreichbar',
      state: 'blocked',
      note: 'Serverraum abgeschlossen, Schlüssel beim Hausmeister',
    });
    await t.store.close();
    const engine = createEngine({ dataDir: t.dir });
    const reopened = engine.executeSync('checklists.runs.get', { id: run.id }).value;
    expect(reopened.steps.filter((s) => s.state !== 'pending').map((s) => [s.id, s.state, s.note])).toEqual([
      ['info-alle', 'done', ''],
      ['erreichbar', 'blocked', 'Serverraum abgeschlossen, Schlüssel beim Hausmeister'],
    ]);
    engine.close();
    t = testStore();
  });
});

describe('service requests', () => {
  it('starts an onboarding with its ticket; steps are due in working days before the start date', async () => {
    t = testStore(handClock('2026-11-23T08:00:00Z').now);
    const { ticket, run } = await t.call('serviceRequests.start', {
      key: 'onboarding',
      language: 'de',
      variables: { name: 'Eva Klein', start: '2026-12-07', abteilung: 'Vertrieb' },
      requester: { name: 'Sabine Roth', department: 'Personal' },
    });
    expect(ticket.title).toBe('Neue:r Mitarbeiter:in – Onboarding: Eva Klein');
    const due = Object.fromEntries(run.steps.map((s) => [s.id, s.dueDate]));
    expect(due).toMatchObject({
      angaben: '2026-11-23',
      'geraet-bestellen': '2026-11-26',
      konto: '2026-12-02',
      uebergabe: '2026-12-07',
      nachfrage: '2026-12-14',
    });
    const { items } = await t.call('serviceRequests.list', {});
    expect(items).toMatchObject([
      { ticketId: ticket.id, date: '2026-12-07', templateTitle: 'Neue:r Mitarbeiter:in – Onboarding' },
    ]);
    const card = (await t.call('board.get', {})).cells.flatMap((c) => c.cards).find((c) => c.id === ticket.id);
    expect(card?.checklist).toEqual({ done: 0, total: 10, overdue: 0 });
  });

  it('refuses a start without the required details, and writes no ticket', async () => {
    t = testStore();
    expect(
      await refusal('serviceRequests.start', {
        key: 'onboarding',
        language: 'de',
        variables: { name: 'Eva' },
        requester: { name: 'HR' },
      }),
    ).toBe('invalid_input: Bitte „Erster Arbeitstag“ angeben.');
    expect(
      await refusal('serviceRequests.start', {
        key: 'onboarding',
        language: 'de',
        variables: { name: 'Eva', start: 'nächsten Montag', abteilung: 'IT' },
        requester: { name: 'HR' },
      }),
    ).toMatch(/muss ein Datum sein/);
    expect((await t.call('tickets.list', {})).total).toBe(0);
  });
});

describe('template library', () => {
  it('ships nine runbooks in German and English, same keys, all valid', async () => {
    t = testStore();
    const de = (await t.call('checklists.templates.list', { language: 'de' })).items;
    const en = (await t.call('checklists.templates.list', { language: 'en' })).items;
    expect(de).toHaveLength(9);
    expect(en.map((i) => i.key).sort()).toEqual(de.map((i) => i.key).sort());
    expect(de.every((i) => i.origin === 'seeded' && i.steps >= 6)).toBe(true);
  });

  it('suggests runbooks by category and words in the request', async () => {
    t = testStore();
    const { items } = await t.call('checklists.templates.suggest', {
      category: 'printing',
      text: 'Drucker im 2. OG druckt nicht',
      language: 'de',
    });
    expect(items[0]).toMatchObject({
      key: 'printer-does-not-print',
      because: ['category:printing', 'keyword:drucker', 'keyword:druckt'],
    });
    const phishing = await t.call('checklists.templates.suggest', {
      category: null,
      text: outlookTicket.title + ' – Link in Mail angeklickt, Phishing?',
      language: 'de',
    });
    expect(phishing.items.map((i) => i.key)).toContain('phishing-security-incident');
  });

  it('exports markdown for the MSP and reads it back', async () => {
    t = testStore();
    const md = await t.call('checklists.templates.export', {
      key: 'printer-does-not-print',
      language: 'de',
      format: 'markdown',
    });
    expect(md.content).toContain('- [ ] Testseite von einem betroffenen Rechner drucken _(Nachweis, ~2 Min.)_');
    const back = await t.call('checklists.templates.import', {
      format: 'markdown',
      content: md.content.replace('# Drucker druckt nicht', '# Drucker (Kopie)'),
      language: 'de',
      kind: 'incident',
    });
    expect(back.saved[0]).toMatchObject({ key: 'drucker-kopie', origin: 'custom', steps: 10 });
    const json = await t.call('checklists.templates.export', { key: 'onboarding', language: 'en', format: 'json' });
    const copy = { ...JSON.parse(json.content), key: 'onboarding-copy' };
    const imported = await t.call('checklists.templates.import', { format: 'json', content: JSON.stringify(copy) });
    expect(imported.saved).toMatchObject([{ key: 'onboarding-copy', language: 'en', version: 1 }]);
  });

  it('refuses hostile imports with the line or field named, and writes nothing', async () => {
    t = testStore();
    const before = (await t.call('audit.verify', {})).checked;
    const cases: [object, RegExp][] = [
      [{ format: 'json', content: '{"key": ' }, /kein gültiges JSON/],
      [
        {
          format: 'json',
          content: JSON.stringify({ key: 'x', title: 5, kind: 'incident', language: 'de', sections: [] }),
        },
        /^invalid_input: Die Datei passt nicht: Titel: /,
      ],
      [
        {
          format: 'json',
          content: JSON.stringify([
            {
              key: 'ok',
              title: 'Ok',
              kind: 'incident',
              language: 'de',
              sections: [{ title: 'S', steps: [{ id: 'a', title: 'A' }] }],
            },
            {
              key: 'bad',
              title: 'B',
              kind: 'incident',
              language: 'de',
              sections: [{ title: 'S', steps: [{ id: 'A B', title: 'x' }] }],
            },
          ]),
        },
        /#2 › Abschnitte › #1 › Schritte › #1 › Schritt-Kürzel/,
      ],
      [{ format: 'json', content: JSON.stringify(Array.from({ length: 51 }, () => ({}))) }, /Höchstens 50/],
      [{ format: 'json', content: 'x'.repeat(1_000_001) }, /^invalid_input: Ungültige Eingabe: Inhalt: ist zu lang/],
      [{ format: 'markdown', content: '## Abschnitt\n- [ ] Schritt' }, /Zeile 1: zuerst kommt der Titel/],
      [{ format: 'markdown', content: '# Titel\n- [ ] Schritt' }, /Zeile 2: Schritte stehen unter einem Abschnitt/],
      [
        { format: 'markdown', content: '# Titel\n## A\n- [ ] ok\n<script>alert(1)</script>' },
        /Zeile 4: nicht verstanden/,
      ],
      [
        { format: 'markdown', content: `# Titel\n## A\n- [ ] ${'x'.repeat(300)}` },
        /Abschnitte › #1 › Schritte › #1 › Titel: ist zu lang/,
      ],
    ];
    for (const [input, expected] of cases)
      expect(await refusal('checklists.templates.import', input)).toMatch(expected);
    expect((await t.call('audit.verify', {})).checked).toBe(before);
    expect((await t.call('checklists.templates.list', {})).items.map((i) => i.key)).not.toContain('ok');
  });

  it('removes a template and restores a shipped one', async () => {
    t = testStore();
    await t.call('checklists.templates.remove', { key: 'monthly-updates', language: 'de' });
    expect((await t.call('checklists.templates.list', { language: 'de' })).items.map((i) => i.key)).not.toContain(
      'monthly-updates',
    );
    expect(await refusal('checklists.templates.get', { key: 'monthly-updates', language: 'de' })).toMatch(/^not_found/);
    await t.call('checklists.templates.restore', { key: 'monthly-updates', language: 'de' });
    expect((await t.call('checklists.templates.get', { key: 'monthly-updates', language: 'de' })).version).toBe(3);
  });
});
