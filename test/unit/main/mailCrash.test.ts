import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../../support/dovecot';
import { mailAccount } from '../../support/mail';
import { tempDir } from '../../support/store';

const root = resolve(__dirname, '../../..');

/** The built headless host on `dataDir`: the whole desk in its own process, as it runs for real. */
async function startHost(dataDir: string) {
  const child: ChildProcess = spawn(process.execPath, [join(root, 'out/main/serve.js'), '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const { url, token } = await new Promise<{ url: string; token: string }>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`host did not start: ${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Leitstand listening on (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/.exec(output);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        done({ url: match[1], token: match[2] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const response = await fetch(`${url}/api/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!response.ok) throw new Error(`${method}: ${JSON.stringify(body)}`);
    return (body as { value?: T }).value ?? (body as T);
  };
  const kill = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGKILL');
    });
  return { call, kill };
}

let dovecot: Dovecot;
beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(() => dovecot?.stop());

describe('exactly once over a crash', () => {
  it('takes every mail once when the host is killed in the middle of a poll', { timeout: 120_000 }, async () => {
    const { dir, remove } = tempDir();
    const count = 120;
    try {
      for (let i = 0; i < count; i += 1)
        await dovecot.append(
          `From: Person ${i} <person${i}@example.de>\r\nTo: it@firma.test\r\nSubject: Anfrage ${i}\r\nMessage-ID: <crash-${i}@example.de>\r\nDate: Tue, 01 Dec 2026 08:00:00 +0100\r\n\r\nText ${i}\r\n`,
        );
      const account = {
        ...mailAccount,
        imapPort: dovecot.port,
        username: dovecot.user,
        smtpHost: null,
        pollSeconds: 15,
      };
      let host = await startHost(dir);
      const saved = await host.call<{ id: number }>('mail.accounts.save', { account, password: dovecot.password });
      // The mailbox is read by the host itself (its loop starts a second after the password is saved).
      const total = async () => (await host.call<{ total: number }>('tickets.list', { limit: 1 })).total;
      const deadline = Date.now() + 30_000;
      while ((await total()) < 15 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await host.kill();
      host = await startHost(dir);
      const before = await total();
      expect(before).toBeGreaterThan(0);
      expect(before).toBeLessThan(count);
      // The headless host keeps passwords in memory only: given again, the poll goes on where it stopped.
      await host.call('mail.accounts.save', { id: saved.id, account, password: dovecot.password });
      const polled = await host.call<{ taken: number; errors: string[] }>('mail.poll', {});
      expect(polled.errors).toEqual([]);
      const tickets = await host.call<{ items: { title: string }[]; total: number }>('tickets.list', { limit: 500 });
      expect(tickets.total).toBe(count);
      const titles = new Set(tickets.items.map((t) => t.title));
      expect(titles.size).toBe(count);
      expect(await dovecot.count('INBOX')).toBe(0);
      await host.kill();
    } finally {
      remove();
    }
  });
});
