import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methodNames } from '../../../src/shared/contract';
import { fileServerTicket, networkProvider, outlookTicket, testStore } from '../../support/store';
import { anna, erp, smallPeopleCsv } from '../../support/directory';
import { monitoringHeartbeatCheck, monitoringTcpCheck, monitoringWeekly } from '../../support/monitoring';
import { dispatcherCalls as calls } from '../../support/dispatcherCalls';
import { mailAccount, printerMail } from '../../support/mail';

let t: ReturnType<typeof testStore>;
beforeEach(async () => {
  t = testStore();
  await t.call('tickets.create', outlookTicket);
  await t.call('tickets.attach', {
    id: 1,
    fileName: 'log.txt',
    contentBase64: Buffer.from('error 0x80').toString('base64'),
  });
  // A second ticket carries the checklist run, so ticket 1 has no open checklist steps.
  const server = await t.call('tickets.create', fileServerTicket);
  await t.call('checklists.runs.start', { ticketId: server.id, key: 'outlook-does-not-start', language: 'de' });
  await t.call('msp.providers.save', { provider: networkProvider });
  await t.call('escalations.build', { ticketId: server.id, providerId: networkProvider.id, language: 'de' });
  await t.call('directory.people.save', { person: anna });
  await t.call('directory.systems.save', { system: erp });
  await t.call('directory.departments.save', { department: { name: 'Vertrieb' } });
  await t.call('kb.import', { starter: true });
  await t.call('problems.save', { content: { title: 'Outlook startet nicht' }, ticketIds: [1] });
  await t.call('problems.actions.save', { problemId: 1, title: 'Profil-Reparatur dokumentieren', due: '2099-01-01' });
  await t.call('monitoring.checks.save', { check: monitoringTcpCheck });
  await t.call('monitoring.maintenance.save', { maintenance: monitoringWeekly });
  // Mail: an account (1) with SMTP, a queued reply (1), and two mails held for review (1, 2).
  await t.call('mail.accounts.record', { account: mailAccount, hasPassword: false });
  await t.call('mail.send', { ticketId: 1, to: 'thomas@example.de', body: 'Bitte neu starten.' });
  await t.call('mail.settings.update', { settings: { reopenDays: 14, holdCount: 2, holdMinutes: 10 } });
  for (const n of [1, 2, 3, 4])
    await t.call('mail.ingest', {
      mail: { ...printerMail, messageId: `held-${n}@x.de` },
      source: { kind: 'file', fileName: 'h.eml' },
    });
  await t.call('mail.settings.update', { settings: { reopenDays: 14, holdCount: 10, holdMinutes: 10 } });
});
afterEach(() => t.close());

async function snapshot() {
  const list = await t.call('tickets.list', { sort: { by: 'updated', dir: 'desc' }, limit: 500 });
  const audit = await t.call('audit.verify', {});
  const settings = await t.call('settings.get', {});
  return { list, events: audit.checked, settings };
}

describe('dispatcher', () => {
  it('has a case for every method in the contract', () => {
    expect(Object.keys(calls).sort()).toEqual([...methodNames].sort());
  });

  it.each(methodNames)('%s answers a valid call with a value that fits its output schema', async (method) => {
    // An undo needs something to take back: a status move just made.
    if (method === 'tickets.undo') {
      const moved = await t.call('tickets.transition', { id: 1, to: 'inProgress' });
      expect(moved.version).toBe((calls['tickets.undo'].valid as { expectedVersion: number }).expectedVersion);
    }
    // An import is applied with the token of its preview.
    let valid = calls[method].valid;
    if (method === 'directory.import.apply') {
      const preview = await t.call('directory.import.preview', {
        kind: 'people',
        fileName: 'p.csv',
        contentBase64: smallPeopleCsv,
      });
      valid = { ...(valid as object), token: preview.token };
    }
    // Verifying and restoring need a backup to work on.
    if (method === 'backups.verify' || method === 'backups.restore') {
      const made = await t.call('backups.run', {});
      valid = method === 'backups.verify' ? { id: made.id } : { id: made.id, to: join(t.dir, 'restored') };
    }
    if (method === 'problems.fromPattern') await t.call('tickets.create', fileServerTicket);
    // A chunk is read of an export just made.
    if (method === 'reports.tickets.chunk') {
      const made = await t.call('reports.tickets.export', { period: null, language: 'de' });
      valid = { exportId: made.exportId, offset: 0 };
    }
    // A heartbeat names the secret of a heartbeat check.
    if (method === 'monitoring.heartbeat') {
      const saved = await t.call('monitoring.checks.save', { check: monitoringHeartbeatCheck });
      valid = { secret: saved.heartbeatPath?.split('/').pop() };
    }
    const outcome = await t.dispatch(method, valid, 'en');
    // No LDAP server listens here: a valid call gets a clear answer naming the server, not a crash.
    if (method.startsWith('directory.ldap.')) {
      expect(outcome).toMatchObject({ ok: false, status: 400, error: { code: 'invalid_input' } });
      if (!outcome.ok) expect(outcome.error.message).toContain('ldap://127.0.0.1:1');
      return;
    }
    expect(outcome).toMatchObject({ ok: true });
  });

  it.each(methodNames)('%s refuses invalid input with invalid_input and writes nothing', async (method) => {
    const before = await snapshot();
    const outcome = await t.dispatch(method, calls[method].invalid, 'de');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.status).toBe(400);
    expect(outcome.error.code).toBe('invalid_input');
    expect(outcome.error.message).toMatch(/^Ungültige Eingabe: /);
    expect(await snapshot()).toEqual(before);
  });

  it('answers an unknown method with unknown_method', async () => {
    const outcome = await t.dispatch('tickets.destroyAll', {}, 'en');
    expect(outcome).toMatchObject({
      ok: false,
      status: 404,
      error: { code: 'unknown_method', message: 'Unknown method "tickets.destroyAll".' },
    });
  });

  it('answers a missing ticket with not_found in the user language', async () => {
    const outcome = await t.dispatch('tickets.get', { id: 999 }, 'de');
    expect(outcome).toMatchObject({
      ok: false,
      status: 404,
      error: { code: 'not_found', message: 'Ticket 999 nicht gefunden.' },
    });
  });

  it('refuses an illegal status move with conflict, naming both statuses', async () => {
    const outcome = await t.dispatch('tickets.transition', { id: 1, to: 'closed' }, 'de');
    expect(outcome).toMatchObject({
      ok: false,
      status: 409,
      error: { code: 'conflict', message: 'Statuswechsel von „Neu“ nach „Geschlossen“ ist nicht erlaubt.' },
    });
  });

  it('refuses a stale version with conflict', async () => {
    await t.call('tickets.update', { id: 1, patch: { title: 'Outlook hängt' } });
    const outcome = await t.dispatch('tickets.update', { id: 1, expectedVersion: 1, patch: { title: 'x' } }, 'en');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await t.call('tickets.get', { id: 1 })).ticket.title).toBe('Outlook hängt');
  });

  it('requires what was done before a ticket is resolved', async () => {
    const outcome = await t.dispatch('tickets.transition', { id: 1, to: 'resolved' }, 'en');
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'To resolve, please describe what was done.' },
    });
    const resolved = await t.call('tickets.transition', {
      id: 1,
      to: 'resolved',
      resolution: 'OST-Datei neu aufgebaut',
    });
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'OST-Datei neu aufgebaut' });
    expect(resolved.resolvedAt).not.toBeNull();
    const reopened = await t.call('tickets.transition', { id: 1, to: 'inProgress' });
    expect(reopened.resolvedAt).toBeNull();
    const kinds = (await t.call('tickets.timeline', { id: 1 })).events.map((e) => e.kind);
    expect(kinds.slice(-2)).toEqual(['ticket.transitioned', 'ticket.reopened']);
  });

  it('refuses an attachment over the size limit with a clear error and stores nothing', async () => {
    await t.call('settings.update', { patch: { attachmentMaxBytes: 2048 } });
    const outcome = await t.dispatch(
      'tickets.attach',
      { id: 1, fileName: 'dump.bin', contentBase64: Buffer.alloc(4096, 1).toString('base64') },
      'de',
    );
    expect(outcome).toMatchObject({ ok: false, status: 413, error: { code: 'payload_too_large' } });
    if (!outcome.ok)
      expect(outcome.error.message).toBe('Der Anhang „dump.bin“ ist zu groß: 4 KB, erlaubt sind höchstens 2 KB.');
    expect((await t.call('tickets.get', { id: 1 })).attachments).toHaveLength(1);
  });
});

describe('messages of our own rules', () => {
  it('are given in the user language', async () => {
    const input = { ...fileServerTicket, title: 'Drucker \u0007 piept' };
    const de = await t.dispatch('tickets.create', input, 'de');
    const en = await t.dispatch('tickets.create', input, 'en');
    expect(de).toMatchObject({ ok: false, error: { message: 'Ungültige Eingabe: Titel: enthält Steuerzeichen' } });
    expect(en).toMatchObject({ ok: false, error: { message: 'Invalid input: Title: contains control characters' } });
  });
});
