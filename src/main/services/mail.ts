import type { MethodOutput, ParsedInput } from '../../shared/contract';
import { incomingMailSchema, mailSourceSchema } from '../../shared/domain/mail';
import { withOurTag } from '../../shared/domain/mailRules';
import type { Ticket } from '../../shared/domain/ticket';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../queries/audit';
import {
  claimDue,
  deleteHeld,
  findAccount,
  findHeld,
  findOutbox,
  forgetHeldMessage,
  insertOutbox,
  listAccounts,
  listHeld,
  listOutbox,
  markOutbox,
  readCursor,
  readMailSettings,
  recordMessage,
  removeAccount,
  retryOutbox,
  saveAccount,
  setPolled,
  threadOfTicket,
  writeMailSettings,
} from '../queries/mail';
import { basename, join } from 'node:path';
import type { ServiceContext } from './context';
import { mailIngest, messageIdOf, newMessageId, type MailTicketOps } from './mailIngest';

/** Retries of a failed mail: 1, 5, 15, 60 minutes, then every 4 hours for up to two days; then it stays failed. */
const backoffMinutes = [1, 5, 15, 60, 240];
const maxAttempts = 16;

export type MailDeps = MailTicketOps & {
  /** A reply note on the ticket (what the requester was told). */
  reply: (ticketId: number, body: string) => void;
};

export function mailService(ctx: ServiceContext, deps: MailDeps) {
  const { ingest } = mailIngest(ctx, deps);
  const actor = () => ctx.settings().coordinatorName;
  const mailChange = (ids: number[] = []) => [{ entity: 'mail' as const, ids }];

  function logged(kind: string, data: Record<string, unknown>, ticketId: number | null = null) {
    appendEvent(ctx.db, { ticketId, at: ctx.now().toISOString(), actor: actor(), kind, data });
  }

  function account(id: number) {
    const found = findAccount(ctx.db, id);
    if (!found) throw new AppError('not_found', 'not_found_mail_account', { id });
    return found;
  }

  /** The account replies leave through: the first enabled one with an SMTP server. */
  function sendingAccount() {
    const found = listAccounts(ctx.db).find((a) => a.enabled && a.smtpHost);
    if (!found) throw new AppError('conflict', 'mail_no_smtp', {});
    return found;
  }

  /** A packet for a provider that takes packets over SMTP: queued inside the escalation's transaction. */
  function queuePacket(m: { ticketId: number; to: string; subject: string; body: string; zipFile: string }): number {
    const from = sendingAccount();
    const messageId = newMessageId(from.address);
    const at = ctx.now().toISOString();
    const item = insertOutbox(
      ctx.db,
      {
        ticketId: m.ticketId,
        accountId: from.id,
        kind: 'packet',
        to: m.to,
        subject: m.subject,
        body: m.body,
        messageId,
        inReplyTo: '',
        references: [],
        attachments: [
          { fileName: basename(m.zipFile), path: join(ctx.dataDir, m.zipFile), mimeType: 'application/zip' },
        ],
      },
      at,
    );
    // The provider's answer threads by In-Reply-To even when their system drops our tag.
    recordMessage(
      ctx.db,
      { messageId, direction: 'out', ticketId: m.ticketId, sender: from.address, outcome: 'sent' },
      at,
    );
    logged('mail.queued', { outboxId: item.id, to: m.to, subject: m.subject, messageId }, m.ticketId);
    return item.id;
  }

  const handlers = {
    'mail.ingest': ({ mail, source, skipHold }: ParsedInput<'mail.ingest'>): MethodOutput<'mail.ingest'> =>
      ingest(mail, source, skipHold),

    'mail.cursor': ({ accountId, folder }: ParsedInput<'mail.cursor'>): MethodOutput<'mail.cursor'> =>
      readCursor(ctx.db, accountId, folder),

    'mail.accounts.list': (): MethodOutput<'mail.accounts.list'> => ({ accounts: listAccounts(ctx.db) }),

    'mail.accounts.record': (input: ParsedInput<'mail.accounts.record'>): MethodOutput<'mail.accounts.record'> => {
      const before = input.id === undefined ? undefined : account(input.id);
      const at = ctx.now().toISOString();
      return ctx.write(
        () => {
          const id = saveAccount(ctx.db, input.id, input.account, input.hasPassword, at);
          logged(before ? 'mail.accountUpdated' : 'mail.accountAdded', {
            id,
            before: before ? { ...before, lastPollAt: undefined } : null,
            after: input.account,
          });
          return account(id);
        },
        (saved) => mailChange([saved.id]),
      );
    },

    'mail.accounts.remove': ({ id }: ParsedInput<'mail.accounts.remove'>): MethodOutput<'mail.accounts.remove'> => {
      const before = account(id);
      ctx.write(
        () => {
          removeAccount(ctx.db, id);
          logged('mail.accountRemoved', { id, name: before.name, address: before.address });
        },
        () => mailChange([id]),
      );
      return { ok: true };
    },

    'mail.accounts.polled': ({
      id,
      error,
    }: ParsedInput<'mail.accounts.polled'>): MethodOutput<'mail.accounts.polled'> => {
      const before = account(id);
      // Only a change of the account's state is a change (a poll every minute that works writes nothing new).
      if (before.lastError === error && before.lastPollAt && !error) return { ok: true };
      ctx.write(
        () => setPolled(ctx.db, id, ctx.now().toISOString(), error),
        () => mailChange([id]),
      );
      return { ok: true };
    },

    'mail.send': (input: ParsedInput<'mail.send'>): MethodOutput<'mail.send'> => {
      const ticket: Ticket = deps.get(input.ticketId);
      const from = sendingAccount();
      const to = input.to ?? ticket.requester.email;
      if (!to) throw new AppError('invalid_input', 'mail_no_recipient', { number: ticket.number }, [{ path: ['to'] }]);
      const subject = withOurTag(input.subject?.trim() || `AW: ${ticket.title}`, ticket.number);
      const references = threadOfTicket(ctx.db, ticket.id);
      const messageId = newMessageId(from.address);
      const at = ctx.now().toISOString();
      return ctx.write(
        () => {
          // The reply note and the mail land together: what the timeline says was sent is what is sent.
          deps.reply(ticket.id, `${subject}\n\n${input.body}`);
          const item = insertOutbox(
            ctx.db,
            {
              ticketId: ticket.id,
              accountId: from.id,
              kind: 'reply',
              to,
              subject,
              body: input.body,
              messageId,
              inReplyTo: references.at(-1) ?? '',
              references,
              attachments: [],
            },
            at,
          );
          recordMessage(
            ctx.db,
            { messageId, direction: 'out', ticketId: ticket.id, sender: from.address, outcome: 'sent' },
            at,
          );
          logged('mail.queued', { outboxId: item.id, to, subject, messageId }, ticket.id);
          return item;
        },
        (item) => [{ entity: 'ticket', ids: [ticket.id] }, ...mailChange([item.id])],
      );
    },

    'mail.outbox.list': ({ ticketId, limit }: ParsedInput<'mail.outbox.list'>): MethodOutput<'mail.outbox.list'> => ({
      items: listOutbox(ctx.db, ticketId, limit),
    }),

    'mail.outbox.retry': ({ id }: ParsedInput<'mail.outbox.retry'>): MethodOutput<'mail.outbox.retry'> => {
      if (!findOutbox(ctx.db, id)) throw new AppError('not_found', 'not_found_outbox', { id });
      return ctx.write(
        () => {
          retryOutbox(ctx.db, id, ctx.now().toISOString());
          return findOutbox(ctx.db, id)!;
        },
        (item) => mailChange([item.id]),
      );
    },

    'mail.outbox.claim': ({ limit }: ParsedInput<'mail.outbox.claim'>): MethodOutput<'mail.outbox.claim'> => {
      const now = ctx.now();
      // A claim not marked within 10 minutes (the process died while sending) is due again.
      const retryAt = new Date(now.getTime() + 10 * 60_000).toISOString();
      const items = ctx.write(
        () => claimDue(ctx.db, now.toISOString(), retryAt, limit, (id) => findAccount(ctx.db, id)?.address ?? ''),
        (claimed) => (claimed.length ? mailChange(claimed.map((item) => item.id)) : []),
      );
      return { items };
    },

    'mail.outbox.mark': ({ id, sent, error }: ParsedInput<'mail.outbox.mark'>): MethodOutput<'mail.outbox.mark'> => {
      const item = findOutbox(ctx.db, id);
      if (!item) throw new AppError('not_found', 'not_found_outbox', { id });
      const now = ctx.now();
      const attempts = item.attempts + 1;
      const wait = backoffMinutes[Math.min(attempts - 1, backoffMinutes.length - 1)] ?? 240;
      const nextAt = attempts >= maxAttempts ? null : new Date(now.getTime() + wait * 60_000).toISOString();
      return ctx.write(
        () => {
          markOutbox(ctx.db, id, sent ? { sentAt: now.toISOString() } : { error: error ?? '?', nextAt });
          logged(sent ? 'mail.sent' : 'mail.failed', { outboxId: id, to: item.to, attempts, error }, item.ticketId);
          return findOutbox(ctx.db, id)!;
        },
        (marked) => [
          ...mailChange([marked.id]),
          ...(marked.ticketId ? [{ entity: 'ticket' as const, ids: [marked.ticketId] }] : []),
        ],
      );
    },

    'mail.held.list': (): MethodOutput<'mail.held.list'> => ({ items: listHeld(ctx.db) }),

    'mail.held.release': ({ id }: ParsedInput<'mail.held.release'>): MethodOutput<'mail.held.release'> => {
      const found = findHeld(ctx.db, id);
      if (!found) throw new AppError('not_found', 'not_found_held', { id });
      const mail = incomingMailSchema.parse(found.mail);
      const source = mailSourceSchema.parse(found.source);
      return ctx.write(
        () => {
          deleteHeld(ctx.db, id);
          // The hold was recorded as the mail's outcome; taking it in now replaces that record.
          forgetHeldMessage(ctx.db, messageIdOf(mail));
          return ingest(mail, source, true);
        },
        () => mailChange([id]),
      );
    },

    'mail.held.discard': ({ id }: ParsedInput<'mail.held.discard'>): MethodOutput<'mail.held.discard'> => {
      const found = findHeld(ctx.db, id);
      if (!found) throw new AppError('not_found', 'not_found_held', { id });
      ctx.write(
        () => {
          deleteHeld(ctx.db, id);
          logged('mail.discarded', { from: found.held.fromAddress, subject: found.held.subject });
        },
        () => mailChange([id]),
      );
      return { ok: true };
    },

    'mail.settings.get': (): MethodOutput<'mail.settings.get'> => readMailSettings(ctx.db),

    'mail.settings.update': ({
      settings,
    }: ParsedInput<'mail.settings.update'>): MethodOutput<'mail.settings.update'> => {
      const before = readMailSettings(ctx.db);
      if (JSON.stringify(before) === JSON.stringify(settings)) return before;
      ctx.write(
        () => {
          writeMailSettings(ctx.db, settings);
          logged('mail.settingsUpdated', { before, after: settings });
        },
        () => [{ entity: 'settings', ids: [] }],
      );
      return settings;
    },
  };
  return { handlers, queuePacket, check: () => void sendingAccount() };
}
