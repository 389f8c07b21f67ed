import { isIP } from 'node:net';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { MailAccount } from '../../../shared/domain/mail';
import { trustedCertificates } from './trust';

/** One message of a folder, as the poller sees it before it fetches the source. */
export type MailboxMessage = { uid: number; size: number };

/**
 * A mailbox the desk reads: IMAP today; Microsoft 365 through Graph would be a second implementation of this
 * (it needs OAuth and the internet, so it is left out).
 */
export type Mailbox = {
  open: (folder: string) => Promise<{ uidValidity: number }>;
  list: () => Promise<MailboxMessage[]>;
  source: (uid: number) => Promise<Buffer>;
  /** The headers alone, for a mail too large to read whole. */
  headers: (uid: number) => Promise<Buffer>;
  /** Moves a taken mail to the processed folder (created when missing); never deletes. */
  moveToProcessed: (uids: number[], folder: string) => Promise<void>;
  /** Waits until the server announces new mail (IDLE) or `ms` have passed. */
  waitForMail: (ms: number) => Promise<void>;
  close: () => Promise<void>;
};

export function imapOptions(account: MailAccount, password: string): ImapFlowOptions {
  const options: ImapFlowOptions & { doSTARTTLS?: boolean } = {
    host: account.imapHost,
    port: account.imapPort,
    secure: account.imapSecurity === 'tls',
    // STARTTLS is required when chosen (no silent fallback to plain text); "none" is allowed on loopback only.
    doSTARTTLS: account.imapSecurity === 'starttls' ? true : account.imapSecurity === 'none' ? false : undefined,
    auth: { user: account.username, pass: password },
    logger: false,
    tls: {
      rejectUnauthorized: true,
      servername: isIP(account.imapHost) ? undefined : account.imapHost,
      ca: trustedCertificates(),
    },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
    maxIdleTime: 5 * 60_000,
    // IDLE starts a second after the last command (imapflow waits 15 s by default): new mail is heard at once.
    autoIdleDelay: 1000,
  };
  return options;
}

export async function connectImap(account: MailAccount, password: string): Promise<Mailbox> {
  const client = new ImapFlow(imapOptions(account, password));
  // A dropped connection surfaces as the next command's error; the event is only kept from crashing the process.
  client.on('error', () => undefined);
  await client.connect();
  let newMail: (() => void) | null = null;
  client.on('exists', () => newMail?.());
  let processedPath: string | null = null;
  return {
    open: async (folder) => {
      const box = await client.mailboxOpen(folder);
      return { uidValidity: Number(box.uidValidity) };
    },
    list: async () => {
      const found: MailboxMessage[] = [];
      for await (const message of client.fetch('1:*', { uid: true, size: true }, { uid: false })) {
        found.push({ uid: message.uid, size: message.size ?? 0 });
      }
      return found.sort((a, b) => a.uid - b.uid);
    },
    source: async (uid) => {
      const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
      if (!message || !message.source) throw new Error(`message ${uid} is gone`);
      return message.source;
    },
    headers: async (uid) => {
      const message = await client.fetchOne(String(uid), { headers: true }, { uid: true });
      if (!message || !message.headers) throw new Error(`message ${uid} is gone`);
      return message.headers;
    },
    moveToProcessed: async (uids, folder) => {
      if (!uids.length) return;
      if (!processedPath) {
        const path = folder.split('/').filter(Boolean);
        try {
          processedPath = (await client.mailboxCreate(path)).path;
        } catch {
          // It exists already: its path is the same parts joined by the server's separator.
          const list = await client.list();
          const delimiter = list[0]?.delimiter ?? '/';
          processedPath = path.join(delimiter);
        }
      }
      await client.messageMove(uids.join(','), processedPath, { uid: true });
    },
    waitForMail: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          newMail = null;
          resolve();
        }
        newMail = done;
      }),
    close: async () => {
      newMail?.();
      await client.logout().catch(() => client.close());
    },
  };
}
