import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { channelSchema } from '../../shared/domain/enums';
import { ticketCreateInput } from '../../shared/contract/tickets';
import { personSchema, systemSchema } from '../../shared/domain/directory';
import { createEngine } from '../app/engine';
import { departments, firstNames, lastNames, problems, random } from './seedData';

// `npm run seed -- --data DIR --tickets N [--seed S]`: realistic, deterministic tickets written through
// the same services as the app, so events, numbers and the search index are real.
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    tickets: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
  },
  strict: true,
});
if (!values.data) {
  console.error('Usage: npm run seed -- --data DIR --tickets N [--seed S]');
  process.exit(2);
}
const count = Number(values.tickets);
const rand = random(Number(values.seed));
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

const TWO_YEARS = 2 * 365 * 86_400_000;
const end = Date.parse('2026-11-20T16:00:00Z');
let clock = end - TWO_YEARS;
const waitingStatuses = ['waitingRequester', 'waitingMsp', 'waitingVendor'] as const;
const step = TWO_YEARS / Math.max(count, 1);
const engine = createEngine({ dataDir: resolve(values.data), now: () => new Date(clock) });
// Generated data is committed in batches of 2,000 tickets without fsync; FULL comes back before the tool ends.
engine.db.exec('PRAGMA synchronous = OFF');
// A million tickets make a file of several GB: a large page cache keeps the indexes the inserts walk in memory.
engine.db.exec('PRAGMA cache_size = -1048576');

const started = performance.now();

// The company directory first: people in the departments, the systems the problems name (some critical).
const peopleCount = Math.min(5000, Math.max(80, Math.round(count / 25)));
const seededSystems: [name: string, kind: string, criticality: string][] = [
  ['Microsoft 365', 'cloud', 'critical'],
  ['ERP', 'application', 'critical'],
  ['FS01', 'server', 'critical'],
  ['Datenbankserver', 'server', 'critical'],
  ['Active Directory', 'server', 'critical'],
  ['Firewall', 'network', 'critical'],
  ['VPN-Client', 'application', 'important'],
  ['WLAN AP-Besprechung', 'network', 'normal'],
  ['Drucker HP-2OG', 'printer', 'normal'],
  ['Printer EG', 'printer', 'normal'],
  ['Teams', 'cloud', 'important'],
  ['Kasse', 'workstation', 'important'],
  ['Router Filiale', 'network', 'important'],
];
engine.db.exec('BEGIN IMMEDIATE');
const people: { id: number; name: string; department: string; phone: string; email: string }[] = [];
for (let i = 0; i < peopleCount; i += 1) {
  const first = pick(firstNames);
  const last = pick(lastNames);
  const ascii = `${first}.${last}`.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss');
  const person = engine.executeSync('directory.people.save', {
    person: personSchema.parse({
      name: `${first} ${last}`,
      department: pick(departments),
      email: `${ascii.replace(/[^a-z.]/g, '')}.${i}@example.de`,
      phone: `0711 ${100 + Math.floor(rand() * 900)}-${10 + Math.floor(rand() * 90)}`,
      vip: rand() < 0.03,
    }),
  }).value;
  people.push(person);
}
const systemIds = new Map<string, number>();
for (const [name, kind, criticality] of seededSystems) {
  const system = engine.executeSync('directory.systems.save', {
    system: systemSchema.parse({ name, kind, criticality }),
  }).value;
  systemIds.set(name.toLowerCase(), system.id);
}
engine.db.exec('COMMIT');
const systemsNamedIn = (text: string) =>
  text
    .split(',')
    .map((part) => systemIds.get(part.trim().toLowerCase()))
    .filter((id): id is number => id !== undefined);
const channelWeights = [
  'phone',
  'phone',
  'email',
  'email',
  'email',
  'walkIn',
  'walkIn',
  'portal',
  'monitoring',
] as const;
const BATCH = 2000;
for (let i = 0; i < count; i += 1) {
  if (i % BATCH === 0) engine.db.exec('BEGIN IMMEDIATE');
  // Evenly over the two years (with jitter inside each ticket's slot), so the last ticket is filed at `end`.
  clock = end - TWO_YEARS + step * (i + rand() * 0.5);
  // One ticket's calls (create, notes, moves) as one batch: its clocks and links are computed once, at its end.
  engine.batch(() => seedTicket());
  if ((i + 1) % BATCH === 0 || i + 1 === count) engine.db.exec('COMMIT');
  if ((i + 1) % 1000 === 0 || i + 1 === count) {
    const done = (i + 1) / count;
    const bar = '#'.repeat(Math.round(done * 30)).padEnd(30, '.');
    process.stdout.write(
      `\r[${bar}] ${i + 1}/${count} tickets, ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}

function seedTicket(): void {
  const problem = pick(problems);
  // Most requesters are picked from the directory; some are typed in (a visitor, a new colleague).
  const person = rand() < 0.9 ? pick(people) : null;
  const name = person?.name ?? `${pick(firstNames)} ${pick(lastNames)}`;
  const input = ticketCreateInput.parse({
    title: problem.title,
    description: problem.description,
    channel: channelSchema.parse(pick(channelWeights)),
    requester: {
      name,
      personId: person?.id ?? 0,
      department: person?.department ?? pick(departments),
      phone: person?.phone ?? `0711 ${100 + Math.floor(rand() * 900)}-${10 + Math.floor(rand() * 90)}`,
      email: person?.email ?? '',
    },
    firstContact: {
      affectedScope: pick(problem.scope),
      affectedSystems: problem.systems,
      systemIds: systemsNamedIn(problem.systems),
      businessCritical: rand() < 0.08,
      impairment: pick(problem.impairment),
    },
    category: problem.category,
  });
  const ticket = engine.executeSync('tickets.create', input).value;
  // Older tickets are mostly finished; the last weeks hold the open work.
  const age = (end - clock) / 86_400_000;
  const open = age < 21 ? rand() < 0.6 : rand() < 0.01;
  const notes = Math.floor(rand() * 3);
  for (let n = 0; n < notes; n += 1) {
    clock += 60_000;
    engine.executeSync('tickets.addNote', {
      id: ticket.id,
      kind: rand() < 0.3 ? 'reply' : 'note',
      body: pick(problem.notes),
    });
  }
  if (!open || rand() < 0.5) engine.executeSync('tickets.transition', { id: ticket.id, to: 'inProgress' });
  if (open && rand() < 0.25) engine.executeSync('tickets.transition', { id: ticket.id, to: pick(waitingStatuses) });
  if (!open) {
    engine.executeSync('tickets.transition', { id: ticket.id, to: 'resolved', resolution: pick(problem.notes) });
    if (rand() < 0.8) engine.executeSync('tickets.transition', { id: ticket.id, to: 'closed' });
  }
}
engine.db.exec('PRAGMA synchronous = FULL');
engine.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
engine.db.exec("INSERT INTO tickets_fts (tickets_fts) VALUES ('optimize')");
engine.db.exec("INSERT INTO tickets_open_fts (tickets_open_fts) VALUES ('optimize')");
engine.close();
process.stdout.write(`\nSeeded ${count} tickets in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
