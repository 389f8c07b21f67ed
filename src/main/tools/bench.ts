import { Agent } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { directoryBench, type DirectoryResults } from './benchDirectory';
import { kbBench, type KbResults } from './benchKb';
import { problemsBench, type ProblemResults } from './benchProblems';
import { reportsBench, type ReportResults } from './benchReports';
import { call, ensureSeeded, startHost, stopHost } from './benchHost';
import { measureSize, type SizeResults } from './benchCases';
import { packetBench, type PacketResults } from './benchPacket';
import { mailBench, type MailResults } from './benchMail';
import { backupBench, switchOffAutomaticBackups, type BackupResults } from './benchBackup';
import { ms, type Stats } from './benchStats';
import { monitoringBench, type MonitoringResults } from './benchMonitoring';

// `npm run bench -- [--tickets N] [--runs R] [--data DIR] [--only packet|directory|backup|kb|problems|reports|monitoring|mail] [--scaling [--sizes a,b,c]]`:
// end-to-end timings through the HTTP API, each beside the same query run directly on node:sqlite (the floor).
// `--scaling` seeds (or reuses) each size in .data/bench-<size> and prints every case at each size with the growth
// from 100,000 to the largest. Reports; asserts nothing.
const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '100' },
    data: { type: 'string' },
    /** Run one part only: "packet" (packet build time), "directory" (import and typeahead), "backup", "kb" (knowledge base search and suggestions at 2,000 articles), "problems" (pattern detection on the seeded desk), "reports" (the dashboard on it). */
    only: { type: 'string' },
    scaling: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '10000,100000,1000000' },
  },
  strict: true,
});
const runs = Number(values.runs);
const root = resolve(__dirname, '../..');
const dataDirFor = (tickets: number) => resolve(values.data ?? join(root, '.data', `bench-${tickets}`));

const cells = (v: Stats) => [ms(v.p50), ms(v.p95), ms(v.max)].map((c) => c.padStart(11)).join('');
const line = (name: string, v: Stats, extra = '') => console.log(`${name.padEnd(42)}${cells(v)}${extra}`);

function printSize(result: SizeResults): void {
  console.log(
    `\nLeitstand bench — ${result.tickets} tickets, ${runs} runs each, times in ms (end to end through HTTP; floor = same query on node:sqlite)\n`,
  );
  console.log(
    ['case'.padEnd(42), 'p50', 'p95', 'max', 'floor p95', 'overhead p95']
      .map((h, i) => (i ? h.padStart(11) : h))
      .join(''),
  );
  for (const row of result.rows) {
    const floor = row.floor ? [ms(row.floor.p95), ms(row.api.p95 - row.floor.p95)] : ['–', '–'];
    console.log(row.name.padEnd(42) + cells(row.api) + floor.map((c) => c.padStart(11)).join(''));
  }
  const s = result.startup;
  line('host cold start to first answer', s.coldStart);
  line('host start to first durable write', s.firstWrite, '   after a clean quit (marker)');
  line('host start to first write after a crash', s.firstWriteAfterCrash, '   quick check first');
  const b = result.board;
  console.log(`\nBoard: ${b.open} open tickets (stored clocks filled for ${b.backfilled}, ${b.added} added)`);
  line('board.get (all open, 50 per cell)', b.board);
  line('board.get as the app asks (30 per cell)', b.boardApp);
  line('board.get filtered by category', b.boardFiltered);
  line('tickets.nextUp (50)', b.nextUp);
  const r = result.browser;
  if (r) {
    line('Chromium: list first render (reload)', r.listFirstRender);
    line(
      'Chromium: frame time scrolling the list',
      r.scrollFrames,
      `   ${(r.scrollFrames.over16ms * 100).toFixed(1)} % of ${r.scrollFrames.runs} frames over 16.7 ms`,
    );
    line('Chromium: board first render (reload)', r.boardFirstRender);
    line('Chromium: change elsewhere → card moved', r.boardLiveMove);
    line(
      'Chromium: frame time while cards move',
      r.boardFrames,
      `   ${(r.boardFrames.over16ms * 100).toFixed(1)} % of ${r.boardFrames.runs} frames over 16.7 ms`,
    );
  }
  console.log(`host peak memory (VmHWM): ${result.peakRssMb?.toFixed(0) ?? '?'} MB`);
}

/** Each case's p50/p95 at every size, and how its p95 grew from 100,000 (or the first size) to the largest. */
function printScaling(results: SizeResults[]): void {
  const named = (result: SizeResults): [string, Stats][] => [
    ...result.rows.map((row): [string, Stats] => [row.name, row.api]),
    ['board.get (all open, 50 per cell)', result.board.board],
    ['board.get, 30 per cell (the app)', result.board.boardApp],
    ['board.get filtered by category', result.board.boardFiltered],
    ['tickets.nextUp (50)', result.board.nextUp],
    ['host cold start to first answer', result.startup.coldStart],
    ['host start to first durable write', result.startup.firstWrite],
    ['first write after a crash', result.startup.firstWriteAfterCrash],
    ...(result.browser
      ? ([
          ['Chromium: list first render', result.browser.listFirstRender],
          ['Chromium: list scroll frame', result.browser.scrollFrames],
          ['Chromium: board first render', result.browser.boardFirstRender],
          ['Chromium: card moved', result.browser.boardLiveMove],
          ['Chromium: board frame', result.browser.boardFrames],
        ] as [string, Stats][])
      : []),
  ];
  const tables = results.map((result) => new Map(named(result)));
  const reference = results.findIndex((result) => result.tickets === 100_000);
  const from = reference >= 0 ? reference : 0;
  const size = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);
  console.log(
    `\nLeitstand scaling — p50 / p95 in ms at each size; growth = p95 at ${size(results.at(-1)!.tickets)} ÷ p95 at ${size(results[from]!.tickets)}\n`,
  );
  console.log(
    'case'.padEnd(36) +
      results.map((result) => `${size(result.tickets)} p50/p95`.padStart(18)).join('') +
      'growth'.padStart(9),
  );
  for (const [name] of named(results[0]!)) {
    const row = tables.map((table) => table.get(name));
    const growth = row.at(-1) && row[from] ? (row.at(-1)!.p95 / row[from]!.p95).toFixed(2) : '–';
    console.log(
      name.padEnd(36) +
        row.map((v) => (v ? `${ms(v.p50)} / ${ms(v.p95)}` : '–').padStart(18)).join('') +
        `${growth}×`.padStart(9),
    );
  }
  console.log(
    `${'host peak memory (MB)'.padEnd(36)}${results.map((r) => (r.peakRssMb?.toFixed(0) ?? '?').padStart(18)).join('')}`,
  );
  const open = results.map((r) => String(r.board.open).padStart(18)).join('');
  console.log(`${'open tickets on the board'.padEnd(36)}${open}`);
}

async function reportPacket(): Promise<PacketResults> {
  const packet = await packetBench();
  console.log(
    `\nEscalation packet: ${packet.attachments} attachments, ${packet.totalMb.toFixed(0)} MB → ZIP + .eml: p50 ${ms(packet.build.p50)} ms, max ${ms(packet.build.max)} ms; RSS grew by ${packet.rssGrowthMb.toFixed(0)} MB while building`,
  );
  return packet;
}

async function reportMail(): Promise<MailResults> {
  const mail = await mailBench();
  const outcomes = Object.entries(mail.outcomes)
    .map(([outcome, n]) => `${n} ${outcome}`)
    .join(', ');
  console.log(
    `\nMail import: ${mail.mails} .eml parsed and taken in (each its own transaction) in ${(mail.totalMs / 1000).toFixed(2)} s; per mail p50 ${ms(mail.perMail.p50)} ms, p95 ${ms(mail.perMail.p95)} ms, max ${ms(mail.perMail.max)} ms (${outcomes})`,
  );
  console.log(
    `Mail bomb: ${mail.bomb.mails} mails from one sender in ${(mail.bomb.totalMs / 1000).toFixed(2)} s, ${mail.bomb.held} held for review`,
  );
  return mail;
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

async function reportKb(): Promise<KbResults> {
  const result = await kbBench(async (dir) => {
    const host = await startHost(dir);
    return { call: (method, input) => call(host, method, input), stop: () => stopHost(host) };
  }, runs);
  const line = (name: string, s: KbResults['search']) =>
    `${name} p50 ${ms(s.p50)} ms, p95 ${ms(s.p95)} ms, max ${ms(s.max)} ms`;
  console.log(
    `\nKnowledge base: ${result.articles} articles imported in ${ms(result.importMs)} ms; first search (index built) ${ms(result.firstSearchMs)} ms; ${line('kb.search', result.search)}; ${line('kb.suggest', result.suggest)}`,
  );
  return result;
}

async function reportProblems(dataDir: string, tickets: number): Promise<ProblemResults> {
  const host = await startHost(dataDir);
  try {
    const result = await problemsBench({ call: (method, input) => call(host, method, input) }, runs);
    const row = (name: string, s: Stats) => `${name} p50 ${ms(s.p50)} ms, p95 ${ms(s.p95)} ms, max ${ms(s.max)} ms`;
    console.log(
      `\nProblems at ${tickets} tickets: first pattern list (window index built) ${ms(result.firstListMs)} ms, ${result.patterns} patterns of ${result.window} tickets; ${row('new ticket → pattern list', result.createThenList)} (the durable create alone: ${row('', result.createOnly).trim()}); ${row('pattern list', result.list)}; ${row('problems.suggest', result.suggest)}`,
    );
    return result;
  } finally {
    await stopHost(host);
  }
}

async function reportReports(dataDir: string, tickets: number): Promise<ReportResults> {
  const host = await startHost(dataDir);
  try {
    const beside = new Agent({ keepAlive: true, maxSockets: 1 });
    const r = await reportsBench(
      {
        call: (method, input) => call(host, method, input),
        callBeside: (method, input) => call(host, method, input, beside),
      },
      runs,
    );
    beside.destroy();
    const row = (name: string, s: Stats) => `${name} p50 ${ms(s.p50)} ms, p95 ${ms(s.p95)} ms, max ${ms(s.max)} ms`;
    console.log(
      `\nReports at ${tickets} tickets: ${row('reports.dashboard, a month with the one before', r.month)}; ${row('a year with the one before', r.year)}; ${row('the year, a ticket of it changed before each call', r.yearChanging)}; the year on a fresh host ${ms(r.yearCold)} ms; ${row('reports.drilldown', r.drilldown)}; ${row('the list of a figure', r.list)}; full CSV export of ${r.fullExport.rows} tickets (${(r.fullExport.bytes / 1e6).toFixed(1)} MB, written and fetched) ${ms(r.fullExport.ms)} ms, ${row('a ticket read meanwhile', r.fullExport.during)}`,
    );
    return r;
  } finally {
    await stopHost(host);
  }
}

async function reportMonitoring(dataDir: string, tickets: number): Promise<MonitoringResults> {
  const host = await startHost(dataDir);
  try {
    const r = await monitoringBench({ ...host, call: (method, input) => call(host, method, input) }, runs);
    const row = (name: string, s: Stats) => `${name} p50 ${ms(s.p50)} / p95 ${ms(s.p95)} ms`;
    console.log(
      `\nMonitoring at ${tickets} tickets: ${r.checks} HTTP checks every ${r.intervalSeconds} s for ${r.seconds.toFixed(0)} s (${r.runs} runs recorded; the load of ${r.simulatedMinutes.toFixed(0)} minutes at one run a minute). Host CPU ${r.cpuPercent.toFixed(1)} % of a core (idle ${r.idleCpuPercent.toFixed(1)} %), RSS ${r.rssMb.toFixed(0)} MB (peak ${r.peakRssMb.toFixed(0)} MB)`,
    );
    for (const [name, quiet, busy] of [
      ['board.get', r.quiet.board, r.busy.board],
      ['tickets.list (open, 50)', r.quiet.list, r.busy.list],
      ['durable tickets.create', r.quiet.create, r.busy.create],
    ] as const)
      console.log(`  ${name.padEnd(26)} ${row('quiet', quiet)}   ${row('checks running', busy)}`);
    return r;
  } finally {
    await stopHost(host);
  }
}

async function reportBackup(dataDir: string, tickets: number): Promise<BackupResults> {
  const result = await backupBench(dataDir);
  const row = (name: string, r: BackupResults['plain']) =>
    console.log(
      `${name.padEnd(12)} backup ${ms(r.runMs)} ms (${r.sizeMb.toFixed(0)} MB, verified), verify again ${ms(r.verifyMs)} ms, restore ${ms(r.restoreMs)} ms`,
    );
  console.log(`\nBackups at ${tickets} tickets (first start after the update: ${ms(result.firstStartMs)} ms)`);
  row('plain', result.plain);
  row('encrypted', result.encrypted);
  for (const [what, d] of [
    ['backups', result.during],
    ['verify and restore', result.duringVerifyRestore],
  ] as const)
    console.log(
      `calls from a second connection during ${what}: ${d.runs}, p50 ${ms(d.p50)} ms, p95 ${ms(d.p95)} ms, max ${ms(d.max)} ms, ${d.over100ms} over 100 ms`,
    );
  return result;
}

async function main(): Promise<void> {
  if (values.only === 'packet') return void (await reportPacket());
  if (values.only === 'mail') return void (await reportMail());
  if (values.only === 'backup') {
    const tickets = Number(values.tickets);
    ensureSeeded(dataDirFor(tickets), tickets);
    return void (await reportBackup(dataDirFor(tickets), tickets));
  }
  if (values.only === 'directory') return void (await reportDirectory());
  if (values.only === 'kb') return void (await reportKb());
  if (values.only === 'reports') {
    const tickets = Number(values.tickets);
    ensureSeeded(dataDirFor(tickets), tickets);
    return void (await reportReports(dataDirFor(tickets), tickets));
  }
  if (values.only === 'monitoring') {
    const tickets = Number(values.tickets);
    ensureSeeded(dataDirFor(tickets), tickets);
    await switchOffAutomaticBackups(dataDirFor(tickets));
    return void (await reportMonitoring(dataDirFor(tickets), tickets));
  }
  if (values.only === 'problems') {
    const tickets = Number(values.tickets);
    ensureSeeded(dataDirFor(tickets), tickets);
    return void (await reportProblems(dataDirFor(tickets), tickets));
  }
  if (values.scaling) {
    const results: SizeResults[] = [];
    for (const tickets of values.sizes.split(',').map(Number)) {
      const dir = join(root, '.data', `bench-${tickets}`);
      ensureSeeded(dir, tickets);
      await switchOffAutomaticBackups(dir);
      console.log(`measuring ${tickets} tickets …`);
      const result = await measureSize(dir, tickets, { runs, startRuns: tickets >= 1_000_000 ? 3 : 5, browser: true });
      printSize(result);
      results.push(result);
    }
    printScaling(results);
    writeFileSync(
      join(root, 'bench-scaling.json'),
      JSON.stringify({ date: new Date().toISOString(), runs, results }, null, 2),
    );
    console.log('written: bench-scaling.json');
    return;
  }
  const tickets = Number(values.tickets);
  const dataDir = dataDirFor(tickets);
  ensureSeeded(dataDir, tickets);
  // First: it also switches automatic backups off on the bench desk (no backup on every quit of the cases below).
  const backup = await reportBackup(dataDir, tickets);
  const result = await measureSize(dataDir, tickets, { runs, startRuns: 5, browser: true });
  printSize(result);
  const packet = await reportPacket();
  const directory = await reportDirectory();
  const kb = await reportKb();
  const problems = await reportProblems(dataDir, tickets);
  const reports = await reportReports(dataDir, tickets);
  const monitoring = await reportMonitoring(dataDir, tickets);
  const mail = await reportMail();
  writeFileSync(
    join(root, 'bench-results.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        runs,
        ...result,
        backup,
        packet,
        directory,
        kb,
        problems,
        reports,
        monitoring,
        mail,
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
