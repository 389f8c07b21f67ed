import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import type { TicketListInput } from '../../shared/contract/tickets';
import { ticketListInput } from '../../shared/contract/tickets';
import { databaseFile } from '../store/database';
import { listTickets, searchTickets } from '../queries/ticketSearch';
import { boardApiBench, prepareBoard } from './benchBoard';
import { browserBench } from './benchBrowser';
import { packetBench, type PacketResults } from './benchPacket';
import { directoryBench, type DirectoryResults } from './benchDirectory';
import { ms, stats, time, type Stats } from './benchStats';

// `npm run bench -- [--tickets N] [--runs R] [--data DIR]`: end-to-end timings through the HTTP API,
// each beside the same query run directly on node:sqlite (the floor). Reports; asserts nothing.
const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '100' },
    data: { type: 'string' },
    /** Run one part only: "packet" (escalation packet build time), "directory" (import and typeahead). */
    only: { type: 'string' },
  },
  strict: true,
});
const tickets = Number(values.tickets);
const runs = Number(values.runs);
const root = resolve(__dirname, '../..');
const dataDir = resolve(values.data ?? join(root, '.data', `bench-${tickets}`));

function ensureSeeded(): void {
  if (existsSync(databaseFile(dataDir))) {
    const db = new DatabaseSync(databaseFile(dataDir), { readOnly: true });
    const { n } = db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number };
    db.close();
    if (n >= tickets) return;
    throw new Error(`${dataDir} holds ${n} tickets, fewer than ${tickets}; remove it or pass --data`);
  }
  console.log(`Seeding ${tickets} tickets into ${dataDir} …`);
  const result = spawnSync(
    process.execPath,
    [join(__dirname, 'seed.js'), '--data', dataDir, '--tickets', String(tickets)],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('seeding failed');
}

type Host = { child: ChildProcess; url: string; token: string };
const children = new Set<ChildProcess>();
// A bench stopped half-way must not leave a host running.
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

function startHost(dir = dataDir): Promise<Host> {
  const child = spawn(process.execPath, [join(__dirname, 'serve.js'), '--data', dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((resolveHost, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (\S+)\/#token=(\S+)/.exec(out);
      if (match?.[1] && match[2]) resolveHost({ child, url: match[1], token: match[2] });
    });
    child.on('exit', (code) => reject(new Error(`host exited ${code}`)));
  });
}
const stopHost = (host: Host) =>
  new Promise<void>((done) => {
    host.child.once('exit', () => done());
    host.child.kill('SIGTERM');
  });

// A keep-alive agent, as a browser holds its connection: the numbers are the host's, not connection set-up.
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function call(host: Host, method: string, input: unknown): Promise<unknown> {
  const data = JSON.stringify(input);
  const { port } = new URL(host.url);
  return new Promise((resolveCall, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/${method}`,
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${host.token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            ok: boolean;
            value: unknown;
            error?: unknown;
          };
          if (body.ok) resolveCall(body.value);
          else reject(new Error(`${method}: ${JSON.stringify(body.error)}`));
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

type Row = { name: string; api: Stats; floor: Stats | null };

async function reportPacket(): Promise<PacketResults> {
  const packet = await packetBench();
  console.log(
    `\nEscalation packet: ${packet.attachments} attachments, ${packet.totalMb.toFixed(0)} MB → ZIP + .eml: p50 ${ms(packet.build.p50)} ms, max ${ms(packet.build.max)} ms; RSS grew by ${packet.rssGrowthMb.toFixed(0)} MB while building`,
  );
  return packet;
}

async function reportDirectory(): Promise<DirectoryResults> {
  const result = await directoryBench(async (dir) => {
    const host = await startHost(dir);
    return { call: (method, input) => call(host, method, input), stop: () => stopHost(host) };
  }, runs);
  const t = result.typeahead;
  console.log(
    `\nDirectory: import ${result.people} people ${ms(result.importPeopleMs)} ms, ${result.systems} systems ${ms(result.importSystemsMs)} ms (preview + apply, HTTP); intake typeahead (people) p50 ${ms(t.p50)} ms, p95 ${ms(t.p95)} ms, max ${ms(t.max)} ms; one box (people, systems, departments) p50 ${ms(result.oneBox.p50)} ms, p95 ${ms(result.oneBox.p95)} ms`,
  );
  return result;
}

async function main(): Promise<void> {
  if (values.only === 'packet') {
    await reportPacket();
    return;
  }
  if (values.only === 'directory') {
    await reportDirectory();
    return;
  }
  ensureSeeded();
  const rows: Row[] = [];

  // The first start after seeding may migrate; cold start is measured on the starts after it.
  const first = await startHost();
  await call(first, 'settings.get', {});
  await stopHost(first);
  const firstWrites: number[] = [];
  const coldStarts: number[] = [];
  await time(
    5,
    async () => {
      const started = performance.now();
      const host = await startHost();
      await call(host, 'settings.get', {});
      coldStarts.push(performance.now() - started);
      // The first write waits for the background quick check, which reads the whole file.
      await call(host, 'tickets.update', { id: 1, patch: { assignee: `cold ${started}` } });
      firstWrites.push(performance.now() - started);
      await stopHost(host);
    },
    0,
  );

  const host = await startHost();
  // Steady state: the background integrity checks have finished before anything is timed.
  while (((await call(host, 'system.health', {})) as { status: string }).status === 'checking') {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const prepared = await prepareBoard((method, input) => call(host, method, input));
  const floorDb = new DatabaseSync(databaseFile(dataDir), { readOnly: true });
  const secondPage = (
    (await call(host, 'tickets.list', {
      filter: { open: false },
      sort: { by: 'updated', dir: 'desc' },
      limit: 100,
    })) as { nextCursor: string }
  ).nextCursor;
  const lists: [string, TicketListInput][] = [
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
  // Warm the host as a day's use would (JIT, statement cache, page cache) before anything is timed.
  for (let round = 0; round < 40; round += 1) {
    for (const [, input] of lists) await call(host, 'tickets.list', input);
    await call(host, 'tickets.search', { q: 'outlook', limit: 20 });
  }
  for (const [name, input] of lists) {
    const api = await time(runs, () => call(host, 'tickets.list', input));
    const parsed = ticketListInput.parse(input);
    const floor = await time(runs, () => listTickets(floorDb, parsed));
    rows.push({ name, api: stats(api), floor: stats(floor) });
  }
  const searches: [string, string][] = [
    ['search: common word "outlook"', 'outlook'],
    ['search: two words "drucker druckt"', 'drucker druckt'],
    ['search: rare word "ersatzgerät"', 'ersatzgerät'],
    ['search: prefix "serv"', 'serv'],
  ];
  for (const [name, q] of searches) {
    const api = await time(runs, () => call(host, 'tickets.search', { q, limit: 20 }));
    const floor = await time(runs, () => searchTickets(floorDb, q, 20));
    rows.push({ name, api: stats(api), floor: stats(floor) });
  }
  const base = {
    title: 'Bench: Drucker streikt',
    channel: 'phone',
    requester: { name: 'Bench' },
    firstContact: { affectedScope: 'person', impairment: 'workaround' },
  };
  const created: number[] = [];
  const createSamples = await time(Math.min(runs, 100), async () =>
    created.push(((await call(host, 'tickets.create', base)) as { id: number }).id),
  );
  rows.push({ name: 'durable create', api: stats(createSamples), floor: null });
  const updateSamples = await time(created.length, (i) =>
    call(host, 'tickets.update', { id: created[i], patch: { assignee: `Bench ${i}` } }),
  );
  rows.push({ name: 'durable update', api: stats(updateSamples), floor: null });
  const board = await boardApiBench((method, input) => call(host, method, input), runs);
  const browser = await browserBench(host.url, host.token, (id) =>
    call(host, 'tickets.transition', { id, to: 'inProgress' }),
  );
  const rss = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${host.child.pid}/status`, 'utf8'))?.[1];
  floorDb.close();
  await stopHost(host);

  const cold = stats(coldStarts);
  console.log(
    `\nLeitstand bench — ${tickets} tickets, ${runs} runs each, times in ms (end to end through HTTP; floor = same query on node:sqlite)\n`,
  );
  console.log(
    ['case'.padEnd(40), 'p50', 'p95', 'max', 'floor p95', 'overhead p95']
      .map((h, i) => (i ? h.padStart(11) : h))
      .join(''),
  );
  for (const row of rows) {
    const cells = [
      ms(row.api.p50),
      ms(row.api.p95),
      ms(row.api.max),
      row.floor ? ms(row.floor.p95) : '–',
      row.floor ? ms(row.api.p95 - row.floor.p95) : '–',
    ];
    console.log(row.name.padEnd(40) + cells.map((c) => c.padStart(11)).join(''));
  }
  console.log(
    `${'host cold start to first answer'.padEnd(40)}${[ms(cold.p50), ms(cold.p95), ms(cold.max)].map((c) => c.padStart(11)).join('')}`,
  );
  const fw = stats(firstWrites);
  console.log(
    `${'host start to first durable write'.padEnd(40)}${[ms(fw.p50), ms(fw.p95), ms(fw.max)].map((c) => c.padStart(11)).join('')}`,
  );
  const f = browser.listFirstRender;
  console.log(
    `${'Chromium: list first render (reload)'.padEnd(40)}${[ms(f.p50), ms(f.p95), ms(f.max)].map((c) => c.padStart(11)).join('')}`,
  );
  const s = browser.scrollFrames;
  console.log(
    `${'Chromium: frame time scrolling the list'.padEnd(40)}${[ms(s.p50), ms(s.p95), ms(s.max)].map((c) => c.padStart(11)).join('')}   ${(s.over16ms * 100).toFixed(1)} % of ${s.runs} frames over 16.7 ms`,
  );
  const line = (name: string, v: Stats) =>
    console.log(`${name.padEnd(40)}${[ms(v.p50), ms(v.p95), ms(v.max)].map((c) => c.padStart(11)).join('')}`);
  console.log(
    `\nBoard: ${board.open} open tickets (stored clocks filled for ${prepared.backfilled}, ${prepared.added} added)`,
  );
  line('board.get (all open, 50 per cell)', board.board);
  line('board.get filtered by category', board.boardFiltered);
  line('tickets.nextUp (50)', board.nextUp);
  line('Chromium: board first render (reload)', browser.boardFirstRender);
  line('Chromium: change elsewhere → card moved', browser.boardLiveMove);
  const packet = await reportPacket();
  const directory = await reportDirectory();
  console.log(`host peak memory (VmHWM): ${rss ? (Number(rss) / 1024).toFixed(0) : '?'} MB`);
  writeFileSync(
    join(root, 'bench-results.json'),
    JSON.stringify(
      {
        tickets,
        runs,
        date: new Date().toISOString(),
        coldStart: cold,
        firstWrite: stats(firstWrites),
        browser,
        board,
        packet,
        directory,
        peakRssMb: rss ? Number(rss) / 1024 : null,
        rows,
      },
      null,
      2,
    ),
  );
  console.log('written: bench-results.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
