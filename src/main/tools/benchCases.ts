import { DatabaseSync } from 'node:sqlite';
import type { TicketListInput } from '../../shared/contract/tickets';
import { ticketListInput } from '../../shared/contract/tickets';
import { listTickets, searchTickets } from '../queries/ticketSearch';
import { databaseFile } from '../store/database';
import { boardApiBench, prepareBoard, type BoardResults } from './benchBoard';
import { browserBench, type BrowserResults } from './benchBrowser';
import { call, peakRssMb, startHost, stopHost, untilChecked, type Host } from './benchHost';
import { stats, time, type Stats } from './benchStats';

export type Row = { name: string; api: Stats; floor: Stats | null };
export type StartupResults = { coldStart: Stats; firstWrite: Stats; firstWriteAfterCrash: Stats };
export type SizeResults = {
  tickets: number;
  rows: Row[];
  startup: StartupResults;
  board: BoardResults & { backfilled: number; added: number };
  browser: BrowserResults | null;
  peakRssMb: number | null;
};

/**
 * The morning start, both ways: after a session that ran its checks and quit cleanly (the clean-shutdown marker
 * lets the first write go at once), and after a crash (the quick check comes before the first write).
 */
async function startupBench(dataDir: string, runs: number): Promise<StartupResults> {
  // The first start after seeding may migrate; it also leaves the verified, clean end the next start finds.
  const first = await startHost(dataDir);
  await untilChecked(first);
  await stopHost(first);
  const cold: number[] = [];
  const firstWrite: number[] = [];
  const afterCrash: number[] = [];
  const firstWriteOf = async (samples: number[], answered?: number[]) => {
    const started = performance.now();
    const host = await startHost(dataDir);
    await call(host, 'settings.get', {});
    answered?.push(performance.now() - started);
    await call(host, 'tickets.update', { id: 1, patch: { assignee: `cold ${started}` } });
    samples.push(performance.now() - started);
    return host;
  };
  for (let i = 0; i < runs; i += 1) {
    await stopHost(await firstWriteOf(firstWrite, cold), 'crash');
    const restarted = await firstWriteOf(afterCrash);
    // A day's session: checks done, then a clean quit, for the next morning.
    await untilChecked(restarted);
    await stopHost(restarted);
  }
  return { coldStart: stats(cold), firstWrite: stats(firstWrite), firstWriteAfterCrash: stats(afterCrash) };
}

const listCases = (secondPage: string): [string, TicketListInput][] => [
  ['list: open, by priority', { filter: { open: true }, sort: { by: 'priority', dir: 'asc' }, limit: 100 }],
  ['list: all, newest first', { sort: { by: 'created', dir: 'desc' }, limit: 100 }],
  [
    'list: closed, by last change, page 2',
    { filter: { open: false }, sort: { by: 'updated', dir: 'desc' }, limit: 100, cursor: secondPage },
  ],
  [
    'list: P1+P2 printing, by priority',
    { filter: { priority: ['P1', 'P2'], category: ['printing'] }, sort: { by: 'priority', dir: 'asc' }, limit: 100 },
  ],
  [
    'list: open + word "drucker"',
    { filter: { open: true, q: 'drucker' }, sort: { by: 'priority', dir: 'asc' }, limit: 100 },
  ],
];
const searchCases: [string, string][] = [
  ['search: common word "outlook"', 'outlook'],
  ['search: two words "drucker druckt"', 'drucker druckt'],
  ['search: rare word "ersatzgerät"', 'ersatzgerät'],
  ['search: prefix "serv"', 'serv'],
];

/** Every case at one size: through the HTTP API, each query beside its node:sqlite floor. */
export async function measureSize(
  dataDir: string,
  tickets: number,
  { runs, startRuns, browser }: { runs: number; startRuns: number; browser: boolean },
): Promise<SizeResults> {
  const startup = await startupBench(dataDir, startRuns);
  const host: Host = await startHost(dataDir);
  const api = (method: string, input: unknown) => call(host, method, input);
  try {
    // Steady state: the background integrity checks have finished before anything is timed.
    await untilChecked(host);
    const prepared = await prepareBoard(api);
    const floorDb = new DatabaseSync(databaseFile(dataDir), { readOnly: true });
    const secondPage = (
      (await api('tickets.list', { filter: { open: false }, sort: { by: 'updated', dir: 'desc' }, limit: 100 })) as {
        nextCursor: string;
      }
    ).nextCursor;
    const lists = listCases(secondPage);
    // Warm the host as a day's use would (JIT, statement cache, page cache) before anything is timed.
    for (let round = 0; round < 40; round += 1) {
      for (const [, input] of lists) await api('tickets.list', input);
      await api('tickets.search', { q: 'outlook', limit: 20 });
    }
    const rows: Row[] = [];
    for (const [name, input] of lists) {
      const measured = await time(runs, () => api('tickets.list', input));
      const parsed = ticketListInput.parse(input);
      const floor = await time(runs, () => listTickets(floorDb, parsed));
      rows.push({ name, api: stats(measured), floor: stats(floor) });
    }
    for (const [name, q] of searchCases) {
      const measured = await time(runs, () => api('tickets.search', { q, limit: 20 }));
      const floor = await time(runs, () => searchTickets(floorDb, q, 20));
      rows.push({ name, api: stats(measured), floor: stats(floor) });
    }
    floorDb.close();
    const base = {
      title: 'Bench: Drucker streikt',
      channel: 'phone',
      requester: { name: 'Bench' },
      firstContact: { affectedScope: 'person', impairment: 'workaround' },
    };
    const created: number[] = [];
    const createSamples = await time(Math.min(runs, 100), async () =>
      created.push(((await api('tickets.create', base)) as { id: number }).id),
    );
    rows.push({ name: 'durable create', api: stats(createSamples), floor: null });
    const updateSamples = await time(created.length, (i) =>
      api('tickets.update', { id: created[i], patch: { assignee: `Bench ${i}` } }),
    );
    rows.push({ name: 'durable update', api: stats(updateSamples), floor: null });
    const board = await boardApiBench(api, runs);
    const rendered = browser
      ? await browserBench(host.url, host.token, (id) => api('tickets.transition', { id, to: 'inProgress' }))
      : null;
    return {
      tickets,
      rows,
      startup,
      board: { ...board, ...prepared },
      browser: rendered,
      peakRssMb: peakRssMb(host),
    };
  } finally {
    await stopHost(host);
  }
}
