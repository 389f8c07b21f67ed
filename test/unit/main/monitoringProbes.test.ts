import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer as createHttp, type Server } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { createServer as createTcp, type AddressInfo, type Server as TcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeHeartbeat, probe } from '../../../src/main/host/monitoring/probes';
import { checkSchema, type CheckInput } from '../../../src/shared/domain/monitoring';
import { selfSignedCertificate } from '../../support/certificates';

const dir = mkdtempSync(join(tmpdir(), 'leitstand-probes-'));
const servers: (Server | TcpServer)[] = [];
const listen = async (server: Server | TcpServer) => {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};
let http = 0;
let https = 0;
let expired = 0;
let tcp = 0;
let closed = 0;
let reset = 0;
const DAY = 86_400_000;

beforeAll(async () => {
  http = await listen(
    createHttp((req, res) => {
      const path = req.url ?? '/';
      if (path === '/ok') return res.end('<html>Anmeldung ERP</html>');
      if (path === '/fail') return res.writeHead(503).end('down');
      if (path === '/loop') return res.writeHead(302, { location: '/loop' }).end();
      if (path === '/moved') return res.writeHead(301, { location: '/ok' }).end();
      if (path === '/slow') return void setTimeout(() => res.end('late'), 300);
      if (path === '/hang') return; // never answers
      if (path === '/trickle') {
        // One byte a second: headers at once, the body never ends in time.
        res.writeHead(200);
        const timer = setInterval(() => res.write('x'), 1000);
        res.on('close', () => clearInterval(timer));
        return;
      }
      if (path === '/huge') {
        // Endless: 10 GB would come if anybody kept reading.
        res.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const pump = () => {
          while (res.write(chunk));
        };
        res.on('drain', pump);
        pump();
        return;
      }
      res.writeHead(404).end();
    }),
  );
  const now = Date.now();
  const valid = selfSignedCertificate(join(dir, 'valid'), new Date(now - DAY), new Date(now + 9 * DAY));
  https = await listen(createHttps(valid, (_req, res) => res.end('ok')));
  const old = selfSignedCertificate(join(dir, 'expired'), new Date(now - 60 * DAY), new Date(now - 2 * DAY));
  expired = await listen(createHttps(old, (_req, res) => res.end('ok')));
  tcp = await listen(createTcp((socket) => socket.end()));
  reset = await listen(createTcp((socket) => socket.resetAndDestroy()));
  const spare = createTcp();
  closed = await new Promise<number>((resolve) =>
    spare.listen(0, '127.0.0.1', () => {
      const { port } = spare.address() as AddressInfo;
      spare.close(() => resolve(port));
    }),
  );
});
afterAll(async () => {
  for (const server of servers) {
    (server as Server).closeAllConnections?.();
    await new Promise((resolve) => server.close(resolve));
  }
  rmSync(dir, { recursive: true, force: true });
});

const check = (target: CheckInput['target'], extra: Partial<CheckInput> = {}) =>
  checkSchema.parse({ systemId: 1, name: 'Test', target, timeoutSeconds: 2, intervalSeconds: 60, ...extra });
const url = (path: string) => `http://127.0.0.1:${http}${path}`;

describe('HTTP probes', () => {
  it('passes a good answer with its keyword and follows a redirect', async () => {
    expect(await probe(check({ kind: 'http', url: url('/ok'), keyword: 'Anmeldung' }))).toMatchObject({
      outcome: 'ok',
      message: 'HTTP 200',
    });
    expect((await probe(check({ kind: 'http', url: url('/moved') }))).outcome).toBe('ok');
    expect(
      await probe(check({ kind: 'http', url: url('/moved'), followRedirects: false, statusMax: 299 })),
    ).toMatchObject({
      outcome: 'failed',
      message: 'HTTP 301',
    });
  });
  it('fails a wrong status, a missing keyword, a redirect loop, and marks slow as degraded', async () => {
    expect(await probe(check({ kind: 'http', url: url('/fail') }))).toMatchObject({
      outcome: 'failed',
      message: 'HTTP 503',
    });
    expect((await probe(check({ kind: 'http', url: url('/ok'), keyword: 'Wartung' }))).message).toContain(
      '"Wartung" not in the answer',
    );
    expect((await probe(check({ kind: 'http', url: url('/loop') }))).message).toBe('more than 5 redirects');
    const slow = await probe(check({ kind: 'http', url: url('/slow'), slowMs: 100 }));
    expect(slow.outcome).toBe('degraded');
    expect(slow.latencyMs).toBeGreaterThanOrEqual(250);
  });
  it('ends a hanging or trickling target at its timeout, and reads at most a megabyte of an endless answer', async () => {
    const started = Date.now();
    expect(await probe(check({ kind: 'http', url: url('/hang') }, { timeoutSeconds: 1 }))).toMatchObject({
      outcome: 'failed',
      message: 'no answer within 1 s',
    });
    expect(
      (await probe(check({ kind: 'http', url: url('/trickle'), keyword: 'y' }, { timeoutSeconds: 1 }))).message,
    ).toBe('no answer within 1 s');
    expect(Date.now() - started).toBeLessThan(4000);
    const before = process.memoryUsage().arrayBuffers;
    const huge = await probe(check({ kind: 'http', url: url('/huge'), keyword: 'never-there' }, { timeoutSeconds: 5 }));
    expect(huge.message).toContain('not in the answer');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
  });
  it('refuses a self-signed or expired certificate over HTTPS with the reason', async () => {
    expect((await probe(check({ kind: 'http', url: `https://localhost:${https}/` }))).message).toBe(
      'self-signed certificate',
    );
    expect((await probe(check({ kind: 'http', url: `https://localhost:${expired}/` }))).message).toBe(
      'certificate expired',
    );
  });
});

describe('TCP, TLS, DNS, file probes', () => {
  it('tells an open port from a closed one and a reset', async () => {
    expect((await probe(check({ kind: 'tcp', host: '127.0.0.1', port: tcp }))).outcome).toBe('ok');
    expect(await probe(check({ kind: 'tcp', host: '127.0.0.1', port: closed }))).toMatchObject({
      outcome: 'failed',
      message: 'connection refused',
    });
    expect((await probe(check({ kind: 'http', url: `http://127.0.0.1:${reset}/` }))).message).toMatch(
      /connection reset|socket hang up/,
    );
  });
  it('reads a certificate: days to expiry, self-signed chain, expired, host name', async () => {
    const soon = await probe(check({ kind: 'tls', host: 'localhost', port: https, warnDays: 14 }));
    // Self-signed: the chain is not valid, whatever the dates say.
    expect(soon).toMatchObject({ outcome: 'failed', message: 'self-signed certificate' });
    expect(soon.certExpiresAt).not.toBeNull();
    expect(await probe(check({ kind: 'tls', host: 'localhost', port: expired }))).toMatchObject({
      outcome: 'failed',
      message: 'certificate expired',
    });
  });
  it('resolves a name, and fails one that resolves elsewhere', async () => {
    expect((await probe(check({ kind: 'dns', name: 'localhost' }))).outcome).toBe('ok');
    expect((await probe(check({ kind: 'dns', name: 'localhost', expect: '10.9.9.9' }))).outcome).toBe('failed');
  });
  it('judges the newest file of a folder by its age', async () => {
    const folder = join(dir, 'share');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder);
    writeFileSync(join(folder, 'backup-1.tar'), 'x');
    const old = new Date(Date.now() - 30 * 3_600_000);
    utimesSync(join(folder, 'backup-1.tar'), old, old);
    expect((await probe(check({ kind: 'file', folder, maxAgeHours: 26 }))).message).toBe(
      'newest file is 30 h old (at most 26 h)',
    );
    writeFileSync(join(folder, 'backup-2.tar'), 'x');
    expect((await probe(check({ kind: 'file', folder, maxAgeHours: 26, nameContains: 'BACKUP' }))).outcome).toBe('ok');
    expect((await probe(check({ kind: 'file', folder: join(dir, 'missing') }))).message).toMatch(
      /^folder not readable/,
    );
  });
});

describe('heartbeats', () => {
  const target = { kind: 'heartbeat' as const, periodMinutes: 60, graceMinutes: 10 };
  it('expects nothing before one period passed, then fails on silence', () => {
    const since = Date.parse('2026-11-23T08:00:00Z');
    expect(judgeHeartbeat(target, null, since, since + 69 * 60_000)).toBeNull();
    expect(judgeHeartbeat(target, null, since, since + 71 * 60_000)?.message).toBe('no heartbeat received yet');
    expect(judgeHeartbeat(target, '2026-11-23T08:30:00Z', since, since + 90 * 60_000)?.outcome).toBe('ok');
    expect(judgeHeartbeat(target, '2026-11-23T08:30:00Z', since, since + 120 * 60_000)?.message).toBe(
      'no heartbeat for 90 min',
    );
  });
});
