import { readFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySecrets } from '../../../src/main/host/mail/secrets';
import { startDovecot, type Dovecot } from '../../support/dovecot';
import { mailAccount } from '../../support/mail';
import { startSmtp } from '../../support/smtp';
import { handClock, networkProvider, outlookTicket, testStore } from '../../support/store';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/mail', name));

let dovecot: Dovecot;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  [dovecot, smtp] = await Promise.all([startDovecot(), startSmtp()]);
});
afterAll(async () => {
  await Promise.all([dovecot?.stop(), smtp?.stop()]);
});

/** The processed folder as the server names it (Dovecot's maildir separates with a dot). */
async function processedCount() {
  const imap = await dovecot.client();
  try {
    const folder = (await imap.list()).find((box) => box.path.endsWith('Verarbeitet'));
    if (!folder) return 0;
    const status = await imap.status(folder.path, { messages: true });
    return status ? (status.messages ?? 0) : 0;
  } finally {
    await imap.logout();
  }
}

function desk() {
  const clock = handClock('2026-12-01T09:00:00Z');
  const t = testStore(clock.now, { secrets: memorySecrets() });
  const account = {
    ...mailAccount,
    imapPort: dovecot.port,
    username: dovecot.user,
    smtpPort: smtp.port,
  };
  return { t, clock, account };
}

describe('mail against a real Dovecot and a real SMTP server', () => {
  it('polls the mailbox: each mail once, auto-replies dropped, taken mails moved, never deleted', async () => {
    const { t, account } = desk();
    try {
      const saved = await t.call('mail.accounts.save', { account, password: dovecot.password });
      expect(saved.hasPassword).toBe(true);
      expect(JSON.stringify(saved)).not.toContain(dovecot.password);
      expect(JSON.stringify(await t.call('mail.accounts.list', {}))).not.toContain(dovecot.password);
      const probe = await t.call('mail.accounts.test', { id: saved.id });
      expect(probe.imap.message).toMatch(/UIDVALIDITY/);
      expect(probe.smtp?.ok).toBe(true);
      for (const name of [
        'outlook-umlauts.eml',
        'gmail-inline-image.eml',
        'exchange-autoreply.eml',
        'thunderbird-forward.eml',
      ])
        await dovecot.append(fixture(name));
      const polled = await t.call('mail.poll', {});
      expect(polled).toEqual({ taken: 4, errors: [] });
      const tickets = (await t.call('tickets.list', { sort: { by: 'number', dir: 'asc' } })).items;
      expect(tickets.map((x) => [x.title, x.needsTriage])).toEqual([
        ['Großer Drucker im Erdgeschoß zeigt "Störung"', true],
        ['VPN verbindet nicht', true],
        ['Kalender-Einladung kommt nicht an', true],
      ]);
      expect(await dovecot.count('INBOX')).toBe(0);
      expect(await processedCount()).toBe(4);
      // Polled again: nothing new, nothing twice.
      expect(await t.call('mail.poll', {})).toEqual({ taken: 0, errors: [] });
      expect((await t.call('tickets.list', {})).total).toBe(3);
      const { attachments } = await t.call('tickets.get', { id: tickets[1]!.id });
      expect(attachments.map((a) => a.fileName)).toEqual(['fehler.png']);
      // Each new ticket's requester got one acknowledgement (the auto-reply none), sent with the loop guards.
      await t.mail.sendDue();
      const acks = smtp.received.filter((m) => m.mail.subject?.includes('[LS-'));
      expect(acks.map((m) => m.to[0] ?? '').sort((a, b) => a.localeCompare(b))).toEqual([
        'juergen.mueller@example.de',
        'petra.schulz@example.de',
        'sabine.koch.privat@gmail.com',
      ]);
      expect(
        acks.every((m) => m.mail.headers.some((h) => h.key === 'auto-submitted' && h.value === 'auto-replied')),
      ).toBe(true);
    } finally {
      await t.close();
    }
  });

  it('replies over SMTP with our tag and Message-ID; the answer threads into the ticket', async () => {
    const { t, account } = desk();
    try {
      const saved = await t.call('mail.accounts.save', {
        account: { ...account, acknowledge: false },
        password: dovecot.password,
      });
      await dovecot.append(fixture('gmail-inline-image.eml').toString().replace('CAF=abc123XYZ', 'CAF=second'));
      await t.call('mail.poll', { accountId: saved.id });
      const [ticket] = (await t.call('tickets.list', {})).items;
      const queued = await t.call('mail.send', { ticketId: ticket!.id, body: 'Bitte einmal neu anmelden.' });
      await t.mail.sendDue();
      const sent = smtp.received.find((m) => m.mail.messageId === `<${queued.messageId}>`);
      expect(sent?.mail.subject).toBe(`[LS-${ticket!.number}] AW: VPN verbindet nicht`);
      expect(sent?.mail.inReplyTo).toBe('<CAF=second@mail.gmail.com>');
      expect((await t.call('mail.outbox.list', { ticketId: ticket!.id })).items[0]?.state).toBe('sent');
      // The requester answers (her client keeps In-Reply-To, drops our tag): it lands on the ticket.
      await dovecot.append(
        `From: Sabine Koch <sabine.koch.privat@gmail.com>\r\nTo: it@firma.test\r\nSubject: Re: VPN\r\nMessage-ID: <answer-1@mail.gmail.com>\r\nIn-Reply-To: <${queued.messageId}>\r\nDate: Tue, 01 Dec 2026 10:00:00 +0100\r\n\r\nGeht wieder, danke!\r\n\r\nAm 01.12.2026 schrieb IT <it@firma.test>:\r\n> Bitte einmal neu anmelden.\r\n`,
      );
      await t.call('mail.poll', {});
      const detail = await t.call('tickets.get', { id: ticket!.id });
      expect(detail.notes.at(-1)?.body).toContain('Geht wieder, danke!');
      expect(detail.notes.at(-1)?.body).not.toContain('> Bitte einmal');
      expect((await t.call('tickets.list', {})).total).toBe(1);
    } finally {
      await t.close();
    }
  });

  it('keeps a reply through an SMTP outage and sends it once the server takes mail again', async () => {
    const { t, clock, account } = desk();
    try {
      await t.call('mail.accounts.save', { account: { ...account, acknowledge: false }, password: dovecot.password });
      const ticket = await t.call('mail.ingest', {
        mail: { ...(await import('../../support/mail')).printerMail, messageId: 'outage@example.de' },
        source: { kind: 'file', fileName: 'a.eml' },
      });
      smtp.state.refuse = true;
      const queued = await t.call('mail.send', { ticketId: ticket.ticketId!, body: 'Wir sind dran.' });
      await t.mail.sendDue();
      const failed = (await t.call('mail.outbox.list', {})).items.find((i) => i.id === queued.id);
      expect(failed).toMatchObject({ state: 'failed', attempts: 1 });
      expect(failed?.lastError).toMatch(/451/);
      smtp.state.refuse = false;
      // Not due yet: nothing is sent before the backoff has passed.
      await t.mail.sendDue();
      expect(smtp.received.some((m) => m.mail.messageId === `<${queued.messageId}>`)).toBe(false);
      clock.set('2026-12-01T09:02:00Z');
      await t.mail.sendDue();
      expect(smtp.received.filter((m) => m.mail.messageId === `<${queued.messageId}>`)).toHaveLength(1);
      expect((await t.call('mail.outbox.list', {})).items.find((i) => i.id === queued.id)?.state).toBe('sent');
    } finally {
      smtp.state.refuse = false;
      await t.close();
    }
  });

  it('sends an escalation packet over SMTP for a provider that takes it so: the ZIP attached, the reply threads in', async () => {
    const { t, account } = desk();
    try {
      await t.call('mail.accounts.save', { account: { ...account, acknowledge: false }, password: dovecot.password });
      await t.call('msp.providers.save', { provider: { ...networkProvider, delivery: 'smtp' } });
      const ticket = await t.call('tickets.create', outlookTicket);
      const built = await t.call('escalations.build', {
        ticketId: ticket.id,
        providerId: networkProvider.id,
        language: 'de',
      });
      expect(built.outboxId).not.toBeNull();
      await t.mail.sendDue();
      const sent = smtp.received.find((m) => m.to[0] === networkProvider.intakeEmail);
      expect(sent?.mail.subject).toContain(`[LS-${ticket.number}]`);
      expect(sent?.mail.attachments.map((a) => a.mimeType)).toContain('application/zip');
      // The provider answers in their system, which keeps In-Reply-To but drops our tag.
      await dovecot.append(
        `From: support@netzwerk-partner.example\r\nTo: it@firma.test\r\nSubject: [Ticket#84211] Ihre Anfrage\r\nMessage-ID: <msp-1@netzwerk-partner.example>\r\nIn-Reply-To: ${sent?.mail.messageId}\r\n\r\nWir kümmern uns.\r\n`,
      );
      await t.call('mail.poll', {});
      expect((await t.call('tickets.get', { id: ticket.id })).notes.at(-1)?.body).toContain('Wir kümmern uns.');
      // Their reference and reaction are recorded from the mail, as from a reply file.
      const [escalation] = (await t.call('escalations.forTicket', { ticketId: ticket.id })).escalations;
      expect(escalation).toMatchObject({ reference: '84211' });
      expect(escalation?.reactedAt).not.toBeNull();
      // Without a mailbox that sends, building is refused before anything is written.
      await t.call('mail.accounts.save', { id: 1, account: { ...account, smtpHost: null } });
      await expect(
        t.call('escalations.build', { ticketId: ticket.id, providerId: networkProvider.id, language: 'de' }),
      ).rejects.toThrow(/conflict/);
      expect((await t.call('escalations.forTicket', { ticketId: ticket.id })).escalations).toHaveLength(1);
    } finally {
      await t.close();
    }
  });

  it('hears of new mail at once over IDLE, long before the poll interval', async () => {
    const { t, account } = desk();
    try {
      t.mail.start();
      await t.call('mail.accounts.save', {
        account: { ...account, pollSeconds: 3600, acknowledge: false },
        password: dovecot.password,
      });
      // The first poll (a second after start) finds the folder empty; then the connection waits in IDLE.
      await new Promise((r) => setTimeout(r, 2500));
      await dovecot.append(fixture('apple-html-only.eml').toString().replace('8E1F2A3B', 'IDLE0001'));
      const deadline = Date.now() + 10_000;
      while ((await t.call('tickets.list', {})).total === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect((await t.call('tickets.list', {})).items.map((x) => x.title)).toEqual(['Outlook startet nicht']);
      await expect.poll(() => dovecot.count('INBOX')).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('a connection dropped in the middle of a fetch loses nothing and takes nothing twice', async () => {
    const { t, account } = desk();
    // A proxy in front of Dovecot that cuts the connection once 40 KB came down (inside the second large mail).
    let cut = 40_000;
    const proxy = createServer((client) => {
      const server = connect(dovecot.port, '127.0.0.1');
      let down = 0;
      server.on('data', (chunk: Buffer) => {
        down += chunk.length;
        if (down > cut) {
          client.destroy();
          server.destroy();
          return;
        }
        client.write(chunk);
      });
      client.on('data', (chunk: Buffer) => server.write(chunk));
      client.on('error', () => server.destroy());
      server.on('error', () => client.destroy());
      client.on('close', () => server.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const port = (proxy.address() as AddressInfo).port;
      await t.call('mail.accounts.save', {
        account: { ...account, imapPort: port, acknowledge: false },
        password: dovecot.password,
      });
      const big = (n: number) =>
        `From: Anna <anna@example.de>\r\nTo: it@firma.test\r\nSubject: Protokoll ${n}\r\nMessage-ID: <drop-${n}@example.de>\r\n\r\n${'Zeile mit Protokolltext. '.repeat(1000)}\r\n`;
      for (const n of [1, 2, 3]) await dovecot.append(big(n));
      const first = await t.call('mail.poll', {});
      expect(first.errors).toHaveLength(1);
      expect(first.taken).toBeLessThan(3);
      const after = (await t.call('tickets.list', {})).total;
      expect(after).toBe(first.taken);
      // The connection holds again: the rest is taken, nothing twice.
      cut = Number.POSITIVE_INFINITY;
      const second = await t.call('mail.poll', {});
      expect(second).toEqual({ taken: 3 - first.taken, errors: [] });
      const titles = (await t.call('tickets.list', {})).items.map((x) => x.title).sort((a, b) => a.localeCompare(b));
      expect(titles).toEqual(['Protokoll 1', 'Protokoll 2', 'Protokoll 3']);
      await expect.poll(() => dovecot.count('INBOX')).toBe(0);
    } finally {
      await new Promise((r) => proxy.close(r));
      await t.close();
    }
  });

  it('says what is wrong with a wrong password and takes nothing', async () => {
    const { t, account } = desk();
    try {
      const saved = await t.call('mail.accounts.save', { account, password: 'falsch' });
      await dovecot.append(fixture('apple-html-only.eml'));
      const polled = await t.call('mail.poll', {});
      expect(polled.taken).toBe(0);
      expect(polled.errors[0]).toMatch(/IT-Postfach: .*(auth|Authentication|failed)/i);
      expect((await t.call('mail.accounts.list', {})).accounts.find((a) => a.id === saved.id)?.lastError).toBeTruthy();
      expect((await t.call('mail.accounts.test', { id: saved.id })).imap.ok).toBe(false);
      expect((await t.call('tickets.list', {})).total).toBe(0);
      expect(await dovecot.count('INBOX')).toBe(1);
      // With the right password the waiting mail is taken after all.
      await t.call('mail.accounts.save', { id: saved.id, account, password: dovecot.password });
      expect((await t.call('mail.poll', {})).taken).toBe(1);
    } finally {
      await t.close();
    }
  });
});
