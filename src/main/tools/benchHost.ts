import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { databaseFile } from '../store/database';

/** A headless host started by the bench, as `npm run serve` starts it. */
export type Host = { child: ChildProcess; url: string; token: string };

const children = new Set<ChildProcess>();
// A bench stopped half-way must not leave a host running.
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

/** Seeds `tickets` into `dataDir` unless it already holds at least that many. */
export function ensureSeeded(dataDir: string, tickets: number): void {
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

export function startHost(dataDir: string): Promise<Host> {
  const child = spawn(process.execPath, [join(__dirname, 'serve.js'), '--data', dataDir], {
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

/** Stops the host as the app quits (SIGTERM: calls answer, WAL checkpointed), or kills it as a crash would. */
export const stopHost = (host: Host, how: 'quit' | 'crash' = 'quit') =>
  new Promise<void>((done) => {
    if (host.child.exitCode !== null) return done();
    host.child.once('exit', () => done());
    host.child.kill(how === 'quit' ? 'SIGTERM' : 'SIGKILL');
  });

/** The host's peak resident memory so far (Linux). */
export function peakRssMb(host: Host): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${host.child.pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

// A keep-alive agent, as a browser holds its connection: the numbers are the host's, not connection set-up.
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** `via`: another connection, for calls that must not queue behind this one's (a probe beside a long call). */
export function call(host: Host, method: string, input: unknown, via: Agent = agent): Promise<unknown> {
  const data = JSON.stringify(input);
  const { port } = new URL(host.url);
  return new Promise((resolveCall, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/${method}`,
        method: 'POST',
        agent: via,
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

/** Until the background integrity checks have finished (steady state; a session that may leave a clean marker). */
export async function untilChecked(host: Host): Promise<void> {
  while (((await call(host, 'system.health', {})) as { status: string }).status === 'checking') {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
