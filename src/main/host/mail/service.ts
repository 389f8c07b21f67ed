import type { MethodOutput } from '../../../shared/contract';
import type { StoreClient } from '../../app/client';
import { errorMessage } from '../../i18n';
import type { HostHandlers } from '../../app/hostMethods';
import { incomingMailSchema, type IncomingMail, type MailAccount } from '../../../shared/domain/mail';
import { AppError } from '../../../shared/errors';
import { cleanText } from '../../../shared/domain/textPolicy';
import { connectImap, type Mailbox } from './imap';
import { mailLimits, parseMailFile } from './parse';
import type { SecretStore } from './secrets';
import { sendOutboxMessage, smtpTransport } from './smtp';

type MailHandlers = Pick<HostHandlers, 'mail.import' | 'mail.accounts.save' | 'mail.accounts.test' | 'mail.poll'>;

export type MailHostOptions = {
  secrets: SecretStore;
  /** How often the outbox is looked at (sending is also nudged after each poll). */
  outboxTickMs?: number;
  connect?: (account: MailAccount, password: string) => Promise<Mailbox>;
};

const message = (error: unknown) => String((error as Error)?.message ?? error).slice(0, 300);

/** A mail too large to read is still taken: its headers, a note where it is, nothing of it lost. */
function oversized(headers: Buffer, size: number): Promise<IncomingMail> {
  return parseMailFile(headers, 'headers').then((mail) => ({
    ...mail,
    text: `(${Math.round(size / 1024 / 1024)} MB: zu groß zum Einlesen, liegt im Ordner für verarbeitete E-Mails / too large to read, kept in the processed folder)`,
  }));
}

/**
 * The mail's background work in main, off the store's thread: each enabled mailbox is read (IDLE where the
 * server offers it, else every `pollSeconds`), and the outbox is sent after commit with retries. Everything goes
 * into the desk through the store's methods, the mailbox position with each mail.
 */
export function mailHost(store: StoreClient, options: MailHostOptions) {
  const connect = options.connect ?? connectImap;
  const secrets = options.secrets;
  let stopped = false;
  /** Mailboxes are read only once the service is started (tests and tools call it without). */
  let started = false;
  const loops = new Map<number, { stop: () => void }>();
  const polling = new Map<number, Promise<{ taken: number; error: unknown }>>();
  let outboxTimer: NodeJS.Timeout | null = null;
  let sending: Promise<void> | null = null;

  const accounts = async () => (await store.call('mail.accounts.list', {})).accounts;

  /** What a poll did: mails taken before it ended, and what ended it early (null: it read everything). */
  type Polled = { taken: number; error: unknown };

  /** Reads one folder once: every mail after the stored position, each taken in its own transaction. */
  async function pollAccount(account: MailAccount, open?: Mailbox): Promise<Polled> {
    const password = secrets.get(account.id);
    if (!password) return { taken: 0, error: new AppError('conflict', 'mail_no_password', { name: account.name }) };
    let box: Mailbox;
    try {
      box = open ?? (await connect(account, password));
    } catch (error) {
      return { taken: 0, error };
    }
    let taken = 0;
    try {
      const { uidValidity } = await box.open(account.folder);
      const cursor = await store.call('mail.cursor', { accountId: account.id, folder: account.folder });
      const lastUid = cursor && cursor.uidValidity === uidValidity ? cursor.lastUid : 0;
      const messages = await box.list();
      // Taken before but not yet moved (the process stopped in between): moved now, not taken again.
      const leftBehind = messages.filter((m) => m.uid <= lastUid).map((m) => m.uid);
      await box.moveToProcessed(leftBehind, account.processedFolder);
      for (const { uid, size } of messages.filter((m) => m.uid > lastUid)) {
        if (stopped) break;
        const mail =
          size > mailLimits.maxBytes
            ? await oversized(await box.headers(uid), size)
            : await parseMailFile(await box.source(uid), `${account.folder}/${uid}`).catch(async (error: unknown) =>
                // An unreadable mail still becomes a ticket, with its raw source attached, so nothing is lost.
                unreadable(await box.source(uid), message(error)),
              );
        await store.call('mail.ingest', {
          mail,
          source: { kind: 'imap', accountId: account.id, folder: account.folder, uidValidity, uid },
          skipHold: false,
        });
        taken += 1;
        await box.moveToProcessed([uid], account.processedFolder);
      }
      await store.call('mail.accounts.polled', { id: account.id, error: null });
    } catch (error) {
      // A dropped connection, a refused command: what was taken stays taken (position and mail committed together).
      return { taken, error };
    } finally {
      // A connection of the loop stays open for IDLE; one opened for this poll alone is closed.
      if (!open) await box.close().catch(() => undefined);
    }
    return { taken, error: null };
  }

  /** The schema's defaults fill in everything an unreadable mail does not have. */
  function unreadable(source: Buffer, reason: string): IncomingMail {
    const fits = source.length <= mailLimits.maxAttachmentBytes;
    return incomingMailSchema.parse({
      messageId: '',
      fromAddress: '',
      subject: `(unreadable mail: ${cleanText(reason, true)})`.slice(0, 200),
      date: null,
      text: cleanText(reason, true),
      headers: {},
      attachments: fits
        ? [{ fileName: 'original.eml', mimeType: 'message/rfc822', contentBase64: source.toString('base64') }]
        : [],
      droppedParts: fits ? 0 : 1,
    });
  }

  /** One poll of an account at a time; a second asks for the running one's result. */
  function pollOnce(account: MailAccount, open?: Mailbox): Promise<Polled> {
    const running = polling.get(account.id);
    if (running) return running;
    const run = pollAccount(account, open)
      .then(async (polled) => {
        if (polled.error)
          await store
            .call('mail.accounts.polled', { id: account.id, error: message(polled.error) })
            .catch(() => undefined);
        return polled;
      })
      .finally(() => {
        polling.delete(account.id);
        void sendDue();
      });
    polling.set(account.id, run);
    return run;
  }

  /** Sends what is due, one batch after the other; a failure is marked with its retry time by the store. */
  function sendDue(): Promise<void> {
    if (sending || stopped) return sending ?? Promise.resolve();
    sending = (async () => {
      const byId = new Map((await accounts()).map((a) => [a.id, a]));
      for (;;) {
        const { items } = await store.call('mail.outbox.claim', { limit: 10 });
        if (!items.length) break;
        for (const item of items) {
          const account = byId.get(item.accountId);
          try {
            if (!account?.smtpHost) throw new Error('no SMTP server');
            await sendOutboxMessage(account, secrets.get(account.id), item);
            await store.call('mail.outbox.mark', { id: item.id, sent: true, error: null });
          } catch (error) {
            await store.call('mail.outbox.mark', { id: item.id, sent: false, error: message(error) });
          }
        }
      }
    })()
      .catch((error: unknown) => console.warn('[leitstand] outbox failed', message(error)))
      .finally(() => {
        sending = null;
      });
    return sending;
  }

  /**
   * Keeps reading one account over one connection: after each poll it waits for the server's news (IDLE, which
   * imapflow keeps up between commands) or the interval, whichever comes first. A failure closes the connection
   * and the next try opens a new one after a backoff; the account shows the error meanwhile.
   */
  function startLoop(account: MailAccount) {
    let active = true;
    let box: Mailbox | null = null;
    let timer: NodeJS.Timeout | null = null;
    const pause = (ms: number) =>
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
        timer.unref?.();
      });
    void (async () => {
      await pause(1000);
      while (active && !stopped) {
        try {
          const password = secrets.get(account.id);
          if (!password) return;
          box ??= await connect(account, password);
          const polled = await pollOnce(account, box);
          if (polled.error) throw polled.error;
          if (active) await box.waitForMail(account.pollSeconds * 1000);
        } catch {
          await box?.close().catch(() => undefined);
          box = null;
          if (active) await pause(Math.max(account.pollSeconds, 60) * 1000);
        }
      }
    })();
    loops.set(account.id, {
      stop: () => {
        active = false;
        if (timer) clearTimeout(timer);
        void box?.close().catch(() => undefined);
      },
    });
  }

  async function restartLoops() {
    for (const loop of loops.values()) loop.stop();
    loops.clear();
    if (stopped || !started) return;
    for (const account of await accounts()) if (account.enabled && secrets.get(account.id)) startLoop(account);
  }

  const handlers: MailHandlers = {
    'mail.import': async ({ files }) => {
      const results: MethodOutput<'mail.import'>['results'] = [];
      let firstError: unknown = null;
      const language = (await store.call('settings.get', {})).language === 'en' ? 'en' : 'de';
      for (const file of files) {
        try {
          const mail = await parseMailFile(Buffer.from(file.contentBase64, 'base64'), file.fileName);
          const result = await store.call('mail.ingest', {
            mail,
            source: { kind: 'file', fileName: file.fileName },
            skipHold: false,
          });
          results.push({ ...result, fileName: file.fileName, error: null });
        } catch (error) {
          firstError ??= error;
          results.push({
            outcome: 'duplicate' as const,
            ticketId: null,
            ticketNumber: null,
            reason: '',
            fileName: file.fileName,
            error: error instanceof AppError ? errorMessage(language, error.messageKey, error.params) : message(error),
          });
        }
      }
      void sendDue();
      // Nothing could be read: the answer is the (first) reason, as a refusal, not a list of failures.
      const first = results[0];
      if (first && results.every((r) => r.error !== null) && firstError) throw firstError;
      return { results };
    },
    'mail.accounts.save': async ({ id, account, password }) => {
      const keep = password === undefined || password === '';
      const hasPassword = keep ? id !== undefined && secrets.get(id) !== null : true;
      const saved = await store.call('mail.accounts.record', { ...(id ? { id } : {}), account, hasPassword });
      if (!keep && password) secrets.set(saved.id, password);
      await restartLoops();
      return saved;
    },
    'mail.accounts.test': async ({ id }) => {
      const account = (await accounts()).find((a) => a.id === id);
      if (!account) throw new AppError('not_found', 'not_found_mail_account', { id });
      const password = secrets.get(id);
      let imap = { ok: false, message: 'no password' };
      if (password) {
        try {
          const box = await connect(account, password);
          const { uidValidity } = await box.open(account.folder);
          await box.close();
          imap = { ok: true, message: `${account.folder} (UIDVALIDITY ${uidValidity})` };
        } catch (error) {
          imap = { ok: false, message: message(error) };
        }
      }
      let smtp = null;
      if (account.smtpHost) {
        const transport = smtpTransport(account, password);
        smtp = await transport.verify().then(
          () => ({ ok: true, message: `${account.smtpHost}:${account.smtpPort}` }),
          (error: unknown) => ({ ok: false, message: message(error) }),
        );
        transport.close();
      }
      return { imap, smtp };
    },
    'mail.poll': async ({ accountId }) => {
      const chosen = (await accounts()).filter((a) => (accountId ? a.id === accountId : a.enabled));
      let taken = 0;
      const errors: string[] = [];
      for (const account of chosen) {
        const polled = await pollOnce(account);
        taken += polled.taken;
        if (polled.error) errors.push(`${account.name}: ${message(polled.error)}`);
      }
      await sendDue();
      return { taken, errors };
    },
  };

  return {
    handlers,
    start: () => {
      started = true;
      void restartLoops().catch((error: unknown) => console.warn('[leitstand] mail start failed', message(error)));
      outboxTimer = setInterval(() => void sendDue(), options.outboxTickMs ?? 5_000);
      outboxTimer.unref?.();
    },
    stop: async () => {
      stopped = true;
      if (outboxTimer) clearInterval(outboxTimer);
      // A poll under way ends after its current mail (taken and moved); then the connections close.
      await Promise.allSettled([...polling.values(), sending ?? Promise.resolve()]);
      for (const loop of loops.values()) loop.stop();
      loops.clear();
    },
    /** Nudges the sender (after a reply was queued). */
    sendDue,
  };
}
