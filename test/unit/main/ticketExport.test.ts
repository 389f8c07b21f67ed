import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src/main/dispatcher';
import { withHostMethods } from '../../../src/main/app/hostRouting';
import { exportService } from '../../../src/main/host/exports/service';
import type { MethodInput, MethodName, MethodOutput } from '../../../src/shared/contract';
import { handClock, outlookTicket, testStore } from '../../support/store';

let t: ReturnType<typeof testStore> | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A desk whose export reads pages of `pageSize` tickets (small, so that writes fall between pages). */
function deskWithPages(pageSize: number) {
  const clock = handClock('2026-11-02T08:00:00Z');
  t = testStore(clock.now);
  const service = exportService({ dataDir: t.dir, now: clock.now, pageSize });
  const dispatch = createDispatcher(withHostMethods(t.store, service.handlers as never), { log: () => {} });
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const outcome = await dispatch(method, input, 'de');
    if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
    return JSON.parse(outcome.json) as MethodOutput<M>;
  };
  return { clock, call, dispatch, desk: t };
}

/** Fetches an export chunk by chunk, as the renderer does. */
async function fetchAll(call: ReturnType<typeof deskWithPages>['call'], exportId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let offset: number | null = 0; offset !== null;) {
    const chunk: MethodOutput<'reports.tickets.chunk'> = await call('reports.tickets.chunk', { exportId, offset });
    parts.push(Buffer.from(chunk.contentBase64, 'base64'));
    offset = chunk.nextOffset;
  }
  return Buffer.concat(parts);
}

describe('the full ticket export', () => {
  it('writes every ticket as German CSV that a parser reads back, formula cells neutralised, the file gone after', async () => {
    const { clock, call, desk } = deskWithPages(7);
    for (let i = 0; i < 30; i += 1) {
      clock.set(new Date(Date.parse('2026-11-02T08:00:00Z') + i * 3_600_000).toISOString());
      await call('tickets.create', { ...outlookTicket, title: i === 3 ? '=HYPERLINK("http://evil")' : `Drucker ${i}` });
    }
    const first = (await call('tickets.list', { sort: { by: 'created', dir: 'asc' }, limit: 1 })).items[0]!;
    await call('tickets.addNote', { id: first.id, kind: 'reply', body: 'Wir sind dran.' });
    const done = await call('tickets.transition', {
      id: first.id,
      to: 'resolved',
      expectedVersion: (await call('tickets.get', { id: first.id })).ticket.version,
      resolution: 'Treiber neu; "Drucker" läuft',
    });
    expect(done.status).toBe('resolved');
    const made = await call('reports.tickets.export', { period: null, language: 'de' });
    expect(made).toMatchObject({ rows: 30, mimeType: 'text/csv; charset=utf-8' });
    expect(made.fileName).toMatch(/^leitstand-tickets-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await fetchAll(call, made.exportId);
    expect(bytes.length).toBe(made.bytes);
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(rows).toHaveLength(31);
    expect(rows[0]?.slice(0, 3)).toEqual(['Nummer', 'Titel', 'Status']);
    const resolved = rows.find((row) => row[0] === first.number)!;
    // 09:00 Berlin; resolved at once: the reply and the resolution within the same minute.
    expect(resolved[12]).toBe('02.11.2026 09:00');
    expect(resolved[2]).toBe('Gelöst');
    expect(resolved[15]).toBe('eingehalten');
    expect(resolved[18]).toBe('Treiber neu; "Drucker" läuft');
    expect(rows.find((row) => row[1]?.includes('HYPERLINK'))?.[1]).toBe('\'=HYPERLINK("http://evil")');
    // Handed over whole: nothing of it stays in the data folder.
    expect(readdirSync(join(desk.dir, 'exports'))).toEqual([]);
    const gone = await t!.dispatch('reports.tickets.chunk', { exportId: made.exportId, offset: 0 }, 'de');
    expect(gone).toMatchObject({ ok: false, status: 404 });
  });

  it('is one consistent state of the desk while writes go on between its pages', async () => {
    const { call } = deskWithPages(5);
    for (let i = 0; i < 40; i += 1) await call('tickets.create', { ...outlookTicket, title: `Vorher ${i}` });
    const exporting = call('reports.tickets.export', { period: null, language: 'en' });
    const during: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i += 1)
      during.push(call('tickets.create', { ...outlookTicket, title: `Währenddessen ${i}` }));
    const [made] = await Promise.all([exporting, ...during]);
    const rows = Papa.parse<string[]>((await fetchAll(call, made.exportId)).toString('utf8').slice(1), {
      delimiter: ',',
      skipEmptyLines: true,
    }).data;
    // Tickets created during the export are either all in or all out, never a page's worth of them.
    expect(made.rows === 40 || made.rows === 50).toBe(true);
    expect(rows).toHaveLength(made.rows + 1);
    expect(rows[0]?.[0]).toBe('Number');
    const listed = await call('tickets.list', { limit: 1 });
    expect(listed.total).toBe(50);
  });

  it('takes a period, refuses one in the future, an unknown export and a name that is not an export id', async () => {
    const { clock, call, dispatch } = deskWithPages(100);
    await call('tickets.create', outlookTicket);
    clock.set('2026-11-10T08:00:00Z');
    await call('tickets.create', outlookTicket);
    const week = await call('reports.tickets.export', {
      period: { from: '2026-11-09', to: '2026-11-15' },
      language: 'de',
    });
    expect(week).toMatchObject({ rows: 1, fileName: 'leitstand-tickets-2026-11-09-2026-11-15.csv' });
    const future = await dispatch(
      'reports.tickets.export',
      { period: { from: '2027-01-01', to: '2027-01-31' }, language: 'de' },
      'de',
    );
    expect(future).toMatchObject({ ok: false, status: 400 });
    expect(future.ok ? '' : future.error.message).toContain('Zukunft');
    const unknown = await dispatch(
      'reports.tickets.chunk',
      { exportId: '0123456789abcdef0123456789abcdef', offset: 0 },
      'en',
    );
    expect(unknown.ok ? '' : unknown.error.message).toContain('does not exist');
    const traversal = await dispatch('reports.tickets.chunk', { exportId: '../leitstand.sqlite', offset: 0 }, 'de');
    expect(traversal).toMatchObject({ ok: false, status: 400 });
    expect(existsSync(join(t!.dir, 'leitstand.sqlite'))).toBe(true);
  });
});
