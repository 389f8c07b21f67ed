import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkAfterCrash, checkBackupsAfterCrash, type FileLedger, type Ledger } from './crashCheck';
import { defaultBackupRoot } from '../host/backups/format';
import { random } from './seedData';

// `npm run test:crash -- --kills N [--seed S]`: the host under a stream of acknowledged writes, SIGKILLed at
// random moments and restarted; after every kill each acknowledged change must be there and nothing half-written.
const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '10' },
    seed: { type: 'string', default: '7' },
    // Backups run without pause beside the writes, so kills land inside them too.
    backups: { type: 'boolean', default: false },
  },
  strict: true,
});
const kills = Number(values.kills);
const rand = random(Number(values.seed));
const dataDir = mkdtempSync(join(tmpdir(), 'leitstand-crash-'));
let host: ChildProcess | null = null;
process.on('exit', () => host?.kill('SIGKILL'));

function start(): Promise<{ port: number; token: string }> {
  host = spawn(process.execPath, [join(__dirname, 'serve.js'), '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const child = host;
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /127\.0\.0\.1:(\d+)\/#token=(\S+)/.exec(out);
      if (match?.[1] && match[2]) resolve({ port: Number(match[1]), token: match[2] });
    });
    child.once('exit', (code) => reject(new Error(`host exited (${code}) before it listened`)));
  });
}

function call(
  target: { port: number; token: string },
  agent: Agent,
  method: string,
  input: unknown,
): Promise<{ ok: boolean; value?: unknown }> {
  const data = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: target.port,
        path: `/api/${method}`,
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${target.token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: boolean; value?: unknown });
          } catch (error) {
            reject(error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const ledger: Ledger = new Map();
const files: FileLedger = { attachments: new Map(), escalations: new Set() };
let acknowledged = 0;
let backupsMade = 0;
const PROVIDER = 'crash-msp';
const workday = [{ start: '00:00', end: '24:00' }];
const provider = {
  id: PROVIDER,
  name: 'Crash MSP',
  intakeEmail: 'support@crash-msp.example',
  subjectTag: '[Ticket#{ref}]',
  contract: Object.fromEntries(['P1', 'P2', 'P3', 'P4'].map((p) => [p, { reactionHours: 1, resolutionHours: 8 }])),
  supportHours: Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, workday])),
};
let counter = 0;

/** One write chosen at random; its effect enters the ledger only once the host has acknowledged it. */
async function oneWrite(target: { port: number; token: string }, agent: Agent): Promise<void> {
  const ids = [...ledger.keys()];
  const id = ids[Math.floor(rand() * ids.length)];
  const roll = rand();
  if (id === undefined || roll < 0.3) {
    const answer = await call(target, agent, 'tickets.create', {
      title: 'Crash #0',
      channel: 'phone',
      requester: { name: 'Crash Test' },
      firstContact: { affectedScope: 'person', impairment: 'severe' },
    });
    if (answer.ok) {
      const ticket = answer.value as { id: number; version: number };
      ledger.set(ticket.id, { changes: 0, counter: 0, notes: new Map() });
      acknowledged += 1;
    }
    return;
  }
  const entry = ledger.get(id)!;
  if (roll < 0.5) {
    const n = ++counter;
    const answer = await call(target, agent, 'tickets.update', { id, patch: { title: `Crash #${n}` } });
    if (answer.ok) {
      entry.counter = Math.max(entry.counter, n);
      entry.changes += 1;
      acknowledged += 1;
    }
  } else if (roll < 0.65) {
    const body = `note ${++counter} ${'·'.repeat(Math.floor(rand() * 200))}`;
    const answer = await call(target, agent, 'tickets.addNote', { id, kind: 'note', body });
    if (answer.ok) {
      // The stored text is what the host answered (it trims), not what was sent.
      const note = answer.value as { id: number; body: string };
      entry.notes.set(note.id, note.body);
      entry.changes += 1;
      acknowledged += 1;
    }
  } else if (roll < 0.75) {
    // A file: the row may commit only once the blob is durable under its name.
    const content = Buffer.from(
      Array.from({ length: 1 + Math.floor(rand() * 64 * 1024) }, () => Math.floor(rand() * 256)),
    );
    const answer = await call(target, agent, 'tickets.attach', {
      id,
      fileName: `crash-${++counter}.bin`,
      contentBase64: content.toString('base64'),
    });
    if (answer.ok) {
      const attachment = answer.value as { id: number; sha256: string; size: number };
      files.attachments.set(attachment.id, { sha256: attachment.sha256, size: attachment.size });
      entry.changes += 1;
      acknowledged += 1;
    }
  } else if (roll < 0.8) {
    // An escalation packet: ZIP and mail written durably before the escalation row commits.
    const answer = await call(target, agent, 'escalations.build', {
      ticketId: id,
      providerId: PROVIDER,
      language: 'de',
    });
    if (answer.ok) {
      files.escalations.add((answer.value as { escalation: { id: number } }).escalation.id);
      acknowledged += 1;
    }
  } else {
    const to = rand() < 0.5 ? 'inProgress' : 'waitingRequester';
    const answer = await call(target, agent, 'tickets.transition', { id, to });
    if (answer.ok) {
      entry.changes += 1;
      acknowledged += 1;
    }
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  let failures = 0;
  for (let k = 1; k <= kills; k += 1) {
    const target = await start();
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    if (k === 1) await call(target, agent, 'msp.providers.save', { provider });
    let running = true;
    // Three writers in flight, so the kill often lands inside a commit.
    const writers = Array.from({ length: 3 }, async () => {
      while (running) await oneWrite(target, agent).catch(() => undefined);
    });
    if (values.backups)
      writers.push(
        (async () => {
          while (running) {
            const answer = await call(target, agent, 'backups.run', {}).catch(() => ({ ok: false }));
            if (answer.ok) backupsMade += 1;
          }
        })(),
      );
    // Kill under write load: once the host takes writes (after its quick check), at a random moment.
    const before = acknowledged;
    for (let i = 0; i < 1500 && acknowledged === before; i += 1) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 20 + rand() * 600));
    const child = host!;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    running = false;
    await exited;
    await Promise.all(writers);
    agent.destroy();
    const problems = [
      ...checkAfterCrash(dataDir, ledger, files),
      ...(values.backups ? await checkBackupsAfterCrash(defaultBackupRoot(dataDir), dataDir) : []),
    ];
    if (problems.length) {
      failures += 1;
      console.error(`kill ${k}: ${problems.length} problems:\n  ${problems.slice(0, 10).join('\n  ')}`);
    }
    if (k % 50 === 0 || k === kills)
      console.log(`kill ${k}/${kills}: ${acknowledged} acknowledged writes so far, ${failures} failed checks`);
  }
  const target = await start();
  const agent = new Agent({ keepAlive: true });
  const audit = (await call(target, agent, 'audit.verify', {})) as {
    ok: boolean;
    value: { ok: boolean; checked: number };
  };
  // After all the kills the next backup must succeed (nothing a killed run left behind stands in its way).
  const final = values.backups ? await call(target, agent, 'backups.run', {}) : { ok: true };
  const last = host!;
  const stopped = new Promise((r) => last.once('exit', r));
  last.kill('SIGTERM');
  agent.destroy();
  // A clean stop first: the directory goes only once the host has let go of it.
  await stopped;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `crash harness: ${kills} kills, ${acknowledged} acknowledged writes, ${ledger.size} tickets, ${files.attachments.size} attachments, ${files.escalations.size} packets, ${values.backups ? `${backupsMade} backups made, final backup ${final.ok ? 'ok' : 'FAILED'}, ` : ''}${failures} failed checks, audit.verify ${audit.value.ok ? 'ok' : 'BROKEN'} (${audit.value.checked} events), ${seconds} s`,
  );
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(defaultBackupRoot(dataDir), { recursive: true, force: true });
  if (failures > 0 || !audit.value.ok || !final.ok) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
