import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '../../support/certificates';
import { startDovecot, type Dovecot } from '../../support/dovecot';
import { startHost } from '../../support/host';
import { mailAccount } from '../../support/mail';
import { tempDir } from '../../support/store';

const day = 86_400_000;
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Dovecot on TLS with a certificate valid from–to; the desk's host trusts it as its CA (NODE_EXTRA_CA_CERTS). */
async function tlsDesk(from: Date, to: Date) {
  const { dir, remove } = tempDir();
  cleanups.push(remove);
  mkdirSync(join(dir, 'ca'));
  const { key, cert } = selfSignedCertificate(join(dir, 'ca'), from, to);
  writeFileSync(join(dir, 'cert.pem'), cert);
  writeFileSync(join(dir, 'key.pem'), key);
  const dovecot: Dovecot = await startDovecot({ tls: { cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem') } });
  cleanups.push(() => dovecot.stop());
  const host = await startHost(join(dir, 'data'), { NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') });
  cleanups.push(() => host.kill());
  const account = {
    ...mailAccount,
    imapHost: '127.0.0.1',
    imapPort: dovecot.port,
    imapSecurity: 'tls' as const,
    username: dovecot.user,
    smtpHost: null,
  };
  const saved = await host.call<{ id: number }>('mail.accounts.save', { account, password: dovecot.password });
  return { dovecot, host, saved };
}

describe('mail over TLS', () => {
  it('reads a mailbox over TLS whose certificate is trusted and valid', { timeout: 60_000 }, async () => {
    const now = Date.now();
    const { dovecot, host, saved } = await tlsDesk(new Date(now - day), new Date(now + 30 * day));
    const probe = await host.call<{ imap: { ok: boolean; message: string } }>('mail.accounts.test', { id: saved.id });
    expect(probe.imap).toMatchObject({ ok: true });
    await dovecot.append('From: a@example.de\r\nSubject: TLS\r\nMessage-ID: <tls-1@example.de>\r\n\r\nText\r\n');
    expect(await host.call('mail.poll', {})).toEqual({ taken: 1, errors: [] });
  });

  it('refuses an expired certificate with a clear reason and takes nothing', { timeout: 60_000 }, async () => {
    const now = Date.now();
    const { dovecot, host, saved } = await tlsDesk(new Date(now - 60 * day), new Date(now - day));
    const probe = await host.call<{ imap: { ok: boolean; message: string } }>('mail.accounts.test', { id: saved.id });
    expect(probe.imap.ok).toBe(false);
    expect(probe.imap.message).toMatch(/expired/i);
    await dovecot.append('From: a@example.de\r\nSubject: TLS\r\nMessage-ID: <tls-2@example.de>\r\n\r\nText\r\n');
    const polled = await host.call<{ taken: number; errors: string[] }>('mail.poll', {});
    expect(polled.taken).toBe(0);
    expect(polled.errors[0]).toMatch(/expired/i);
    expect((await host.call<{ total: number }>('tickets.list', {})).total).toBe(0);
    expect(await dovecot.count('INBOX')).toBe(1);
  });

  it('refuses plain text to a server that is not this computer', { timeout: 60_000 }, async () => {
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    const host = await startHost(dir);
    cleanups.push(() => host.kill());
    const refused = await host
      .call('mail.accounts.save', { account: { ...mailAccount, imapHost: 'mail.example.de', imapSecurity: 'none' } })
      .then(
        () => '',
        (error: Error) => error.message,
      );
    expect(refused).toMatch(/TLS/);
    expect(refused).toMatch(/invalid_input/);
  });
});
