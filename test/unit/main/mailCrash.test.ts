import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../../support/dovecot';
import { mailAccount } from '../../support/mail';
import { startHost } from '../../support/host';
import { tempDir } from '../../support/store';

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
