import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { databaseFile } from '../../../src/main/store/database';
import { erp, floorPrinter } from '../../support/directory';
import { monitoringTcpCheck } from '../../support/monitoring';
import { handClock, testStore } from '../../support/store';

const clock = handClock('2026-11-23T08:00:00Z');
let t: ReturnType<typeof testStore>;
let checkId: number;
beforeEach(async () => {
  clock.set('2026-11-23T08:00:00Z');
  t = testStore(clock.now);
  await t.call('directory.systems.save', { system: erp });
  checkId = (await t.call('monitoring.checks.save', { check: monitoringTcpCheck })).check.id;
});
afterEach(() => t.close());

/** The kinds of the logged events, read beside the store (WAL lets a reader in). */
const eventKinds = () => {
  const db = new DatabaseSync(databaseFile(t.dir), { readOnly: true });
  const kinds = (db.prepare('SELECT kind FROM events ORDER BY id').all() as { kind: string }[]).map((e) => e.kind);
  db.close();
  return kinds;
};

const minute = (n: number) => new Date(Date.parse('2026-11-23T08:00:00Z') + n * 60_000).toISOString();
/** One run at minute `n` of the test (the desk's clock set there too). */
const run = async (
  n: number,
  outcome: 'ok' | 'failed' | 'degraded',
  message = outcome === 'failed' ? 'connection refused' : 'port 1 open',
) => {
  clock.set(minute(n));
  return t.call('monitoring.results.record', {
    checkId,
    sample: { at: minute(n), outcome, latencyMs: outcome === 'failed' ? null : 4, message },
  });
};
const monitoringTickets = async () =>
  (await t.call('tickets.list', { filter: { channel: ['monitoring'] }, sort: { by: 'number', dir: 'asc' } })).items;

describe('incidents of a check', () => {
  it('opens one ticket after N failures, names the reason and the system, and resolves it on recovery', async () => {
    expect((await run(0, 'failed')).state).toBe('unknown');
    expect(await monitoringTickets()).toHaveLength(0);
    const down = await run(1, 'failed');
    expect(down.state).toBe('down');
    const [ticket] = await monitoringTickets();
    expect(ticket).toMatchObject({ id: down.ticketId, channel: 'monitoring', status: 'new', priority: 'P1' });
    const detail = await t.call('tickets.get', { id: down.ticketId! });
    expect(detail.ticket.title).toBe('ERP: ERP-Port ausgefallen');
    expect(detail.ticket.description).toContain('connection refused');
    expect(detail.ticket.firstContact.systemIds).toEqual([1]);
    expect(detail.ticket.triage).toMatchObject({ impact: 'high', priority: 'P1' });
    // Still failing: no second ticket, no note per run.
    await run(2, 'failed');
    await run(3, 'failed');
    expect(await monitoringTickets()).toHaveLength(1);
    const up = await run(4, 'ok');
    expect(up.state).toBe('up');
    const after = await t.call('tickets.get', { id: down.ticketId! });
    expect(after.ticket.status).toBe('resolved');
    expect(after.ticket.resolution).toMatch(/^Von selbst wiederhergestellt um /);
    expect(after.notes.map((n) => n.body).join('\n')).toContain('Wieder erreichbar seit');
    const kinds = eventKinds();
    // unknown → down, down → up: every state change is logged, a failed run that changes nothing is not.
    expect(kinds.filter((k) => k === 'monitoring.state')).toHaveLength(2);
  });

  it('offers the system’s runbooks first on the incident', async () => {
    const { items } = await t.call('checklists.templates.list', { language: 'de' });
    const runbook = items.find((i) => i.kind !== 'serviceRequest' && i.kind !== 'maintenance')!;
    await t.call('directory.systems.save', { system: { ...erp, id: 1, runbooks: [runbook.key] } });
    await run(0, 'failed');
    const { ticketId } = await run(1, 'failed');
    const { ticket } = await t.call('tickets.get', { id: ticketId! });
    const suggested = await t.call('checklists.templates.suggest', {
      category: ticket.category,
      text: ticket.title,
      language: 'de',
      systemIds: ticket.firstContact.systemIds,
    });
    expect(suggested.items[0]).toMatchObject({ key: runbook.key, because: ['system:ERP'] });
  });

  it('keeps a touched ticket open on recovery: someone is working on it', async () => {
    await run(0, 'failed');
    const { ticketId } = await run(1, 'failed');
    await t.call('tickets.addNote', { id: ticketId!, kind: 'note', body: 'Ich schaue mir den Server an.' });
    await run(2, 'ok');
    const detail = await t.call('tickets.get', { id: ticketId! });
    expect(detail.ticket.status).toBe('new');
    expect(detail.notes.at(-1)?.body).toContain('Wieder erreichbar');
  });

  it('makes one incident of a failure, flap and recovery sequence', async () => {
    // Down, up, down, up … every two minutes: flapping after more than six flips in an hour.
    let n = 0;
    for (let cycle = 0; cycle < 6; cycle += 1) {
      await run(n++, 'failed');
      await run(n++, 'failed');
      await run(n++, 'ok');
    }
    const tickets = await monitoringTickets();
    expect(tickets).toHaveLength(1);
    const status = await t.call('monitoring.checks.get', { id: checkId });
    expect(status.status.flapping).toBe(true);
    // While flapping the incident is held open even though the check is up.
    expect((await t.call('tickets.get', { id: tickets[0]!.id })).ticket.status).not.toBe('closed');
    // An hour without a flip: flapping ends and the held incident is resolved.
    await run(n + 61, 'ok');
    const settled = await t.call('monitoring.checks.get', { id: checkId });
    expect(settled.status.flapping).toBe(false);
    expect(await monitoringTickets()).toHaveLength(1);
  });

  it('opens a new ticket for a new outage after the last one was resolved long ago', async () => {
    await run(0, 'failed');
    await run(1, 'failed');
    await run(2, 'ok');
    await run(200, 'failed');
    await run(201, 'failed');
    const tickets = await monitoringTickets();
    expect(tickets).toHaveLength(2);
    expect(tickets.map((x) => x.status)).toEqual(['resolved', 'new']);
  });

  it('opens nothing during a maintenance window, and opens the incident if the system is still down after it', async () => {
    await t.call('monitoring.maintenance.save', {
      maintenance: { systemId: 1, title: 'Update ERP', window: { kind: 'once', from: minute(0), to: minute(30) } },
    });
    await run(1, 'failed');
    const during = await run(2, 'failed');
    expect(during).toEqual({ state: 'down', ticketId: null });
    expect((await t.call('monitoring.checks.get', { id: checkId })).status.maintenance).toBe('Update ERP');
    const after = await run(31, 'failed');
    expect(after.ticketId).not.toBeNull();
    expect(await monitoringTickets()).toHaveLength(1);
  });

  it('opens a planned P3 task for a certificate due within the warning days, once per certificate', async () => {
    const tls = await t.call('monitoring.checks.save', {
      check: { systemId: 1, name: 'ERP-Zertifikat', target: { kind: 'tls', host: 'erp.example.de', warnDays: 14 } },
    });
    const sample = (n: number, expires: string) => {
      clock.set(minute(n));
      return t.call('monitoring.results.record', {
        checkId: tls.check.id,
        sample: {
          at: minute(n),
          outcome: 'degraded',
          latencyMs: 20,
          message: 'certificate expires in 9 days',
          certExpiresAt: expires,
        },
      });
    };
    await sample(0, '2026-12-02T12:00:00Z');
    await sample(1, '2026-12-02T12:00:00Z');
    const tickets = await monitoringTickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ priority: 'P3', category: 'security' });
    expect(tickets[0]!.title).toBe('ERP: Zertifikat von erp.example.de erneuern');
    const cockpit = await t.call('monitoring.status', {});
    expect(cockpit.certificates[0]).toMatchObject({ name: 'ERP-Zertifikat', days: 9 });
    expect(cockpit.systems[0]?.state).toBe('degraded');
  });

  it('shows a critical system as down for the red band, and a normal one not', async () => {
    await t.call('directory.systems.save', { system: floorPrinter });
    await t.call('monitoring.checks.save', { check: { ...monitoringTcpCheck, systemId: 2, name: 'Drucker' } });
    await run(0, 'failed');
    await run(1, 'failed');
    const status = await t.call('monitoring.status', {});
    expect(status.criticalDown).toEqual([{ id: 1, name: 'ERP', since: minute(1) }]);
    expect(status.systems.map((s) => [s.name, s.state])).toEqual([
      ['ERP', 'down'],
      ['Drucker 2. OG', 'unknown'],
    ]);
  });
});

describe('checks and history', () => {
  const bad = async (check: Record<string, unknown>) => {
    const outcome = await t.dispatch('monitoring.checks.save', { check: { ...monitoringTcpCheck, ...check } }, 'de');
    if (outcome.ok) throw new Error('accepted');
    return outcome.error;
  };
  it('refuses wrong addresses, ports, host names and intervals, naming the field', async () => {
    expect((await bad({ target: { kind: 'http', url: 'ftp://nas' } })).message).toContain('Adresse (URL)');
    expect((await bad({ target: { kind: 'tcp', host: '127.0.0.1', port: 70_000 } })).message).toContain('Port');
    expect((await bad({ target: { kind: 'tcp', host: 'erp server', port: 80 } })).message).toContain(
      'Host: ist kein Hostname und keine IP-Adresse',
    );
    expect((await bad({ intervalSeconds: 5 })).message).toContain('Intervall (Sekunden)');
    expect((await bad({ intervalSeconds: 10, timeoutSeconds: 10 })).message).toContain(
      'Zeitlimit (Sekunden): muss kürzer als das Intervall sein',
    );
    expect((await bad({ systemId: 99 })).message).toContain('System 99');
  });

  it('gives a heartbeat check a secret that stays when the check is edited', async () => {
    const saved = await t.call('monitoring.checks.save', {
      check: { systemId: 1, name: 'Sicherung', target: { kind: 'heartbeat' } },
    });
    expect(saved.heartbeatPath).toMatch(/^\/heartbeat\/[A-Za-z0-9_-]{24}$/);
    const edited = await t.call('monitoring.checks.save', { check: { ...saved.check, name: 'Nachtsicherung' } });
    expect(edited.heartbeatPath).toBe(saved.heartbeatPath);
    const beat = await t.call('monitoring.heartbeat', { secret: saved.heartbeatPath!.split('/').pop()! });
    expect(beat.checkId).toBe(saved.check.id);
    const plan = await t.call('monitoring.plan', {});
    expect(plan.entries.find((e) => e.check.id === saved.check.id)?.lastBeatAt).toBe(beat.at);
  });

  it('answers raw runs within the week, hourly aggregates beyond, and the uptime', async () => {
    await run(0, 'ok');
    await run(10, 'failed');
    await run(70, 'ok');
    const raw = await t.call('monitoring.history', { id: checkId, from: minute(0), to: minute(120) });
    expect(raw.resolution).toBe('raw');
    expect(raw.samples.map((s) => s.outcome)).toEqual(['ok', 'failed', 'ok']);
    const hourly = await t.call('monitoring.history', {
      id: checkId,
      from: minute(0),
      to: minute(120),
      resolution: 'hourly',
    });
    expect(hourly.hours).toEqual([
      { hour: '2026-11-23T08:00:00.000Z', runs: 2, good: 1, latencyAvg: 4, latencyMax: 4 },
      { hour: '2026-11-23T09:00:00.000Z', runs: 1, good: 1, latencyAvg: 4, latencyMax: 4 },
    ]);
    const view = await t.call('monitoring.checks.get', { id: checkId });
    expect(view.status.uptime.day).toBe(66.6);
    expect(view.status.sparkline).toEqual([4, null, 4]);
  });

  it('keeps raw runs 7 days and hourly aggregates 13 months', async () => {
    await run(0, 'ok');
    clock.set('2026-12-01T08:00:00Z');
    expect(await t.call('monitoring.retention.run', {})).toEqual({ samples: 1, hours: 0 });
    const history = await t.call('monitoring.history', {
      id: checkId,
      from: minute(0),
      to: minute(60),
      resolution: 'hourly',
    });
    expect(history.hours).toHaveLength(1);
    clock.set('2027-12-25T08:00:00Z');
    expect(await t.call('monitoring.retention.run', {})).toEqual({ samples: 0, hours: 1 });
  });

  it('removes a check with its runs, and logs it', async () => {
    await run(0, 'ok');
    await t.call('monitoring.checks.remove', { id: checkId });
    const outcome = await t.dispatch('monitoring.checks.get', { id: checkId }, 'en');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const kinds = eventKinds();
    expect(kinds).toContain('monitoring.check.removed');
  });
});
