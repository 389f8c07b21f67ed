import { createHash, randomBytes } from 'node:crypto';
import type { ParsedInput } from '../../shared/contract';
import type { IncomingMail, IngestResult, MailSource } from '../../shared/domain/mail';
import {
  classifyMail,
  followUpAction,
  mayAcknowledge,
  normalizeMessageId,
  shouldHold,
  threadTarget,
  withOurTag,
} from '../../shared/domain/mailRules';
import { referenceFromSubject } from '../../shared/domain/msp';
import type { Ticket } from '../../shared/domain/ticket';
import { mailTicketTexts } from '../../shared/i18n/mailTexts';
import { appendEvent } from '../queries/audit';
import { personByEmail } from '../queries/directory';
import {
  advanceCursor,
  findAccount,
  insertHeld,
  insertOutbox,
  lastAcknowledgement,
  readMailSettings,
  recentFromSender,
  recordMessage,
  seenIncoming,
  ticketByNumber,
  ticketOfMessage,
  ticketOfProviderReference,
} from '../queries/mail';
import { providerRows } from '../queries/msp';
import type { ServiceContext } from './context';

/** What the mail domain needs of the tickets domain (each runs inside the ingest's transaction). */
export type MailTicketOps = {
  create: (input: ParsedInput<'tickets.create'>, taken: { needsTriage: boolean; reportedAt: Date | null }) => Ticket;
  get: (id: number) => Ticket;
  note: (id: number, body: string) => void;
  /** The text of a mail that came in, on its ticket (logged as a mail, not as the desk's note). */
  mailIn: (id: number, body: string) => void;
  attach: (id: number, file: { fileName: string; mimeType: string; contentBase64: string }) => void;
  reopen: (id: number) => void;
  /** A requester's answer moves a ticket that waited on them back into work. */
  answered: (id: number) => void;
  acknowledgement: (ticketId: number) => { subject: string; body: string };
  /** The provider's mail on a forwarded ticket: their reference and reaction recorded (the MSP domain). */
  providerMail: (ticketId: number, from: string, subject: string) => boolean;
};

/** A Message-ID of ours: unique, and naming the desk (never the machine). */
export const newMessageId = (address: string): string =>
  `ls.${Date.now().toString(36)}.${randomBytes(8).toString('hex')}@${address.split('@')[1] ?? 'leitstand.invalid'}`;

/** A mail without a Message-ID gets a stable one from its content, so the same mail is still taken once. */
export const messageIdOf = (mail: IncomingMail): string =>
  mail.messageId
    ? normalizeMessageId(mail.messageId)
    : `sha256.${createHash('sha256')
        .update(`${mail.fromAddress}\n${mail.date ?? ''}\n${mail.subject}\n${mail.text}`)
        .digest('hex')
        .slice(0, 40)}@leitstand.invalid`;

const replyPrefix = /^(\s*(re|aw|wg|fw|fwd|antw|sv|vs)\s*(\[\d+\])?\s*:\s*)+/i;
const titleOf = (subject: string, fallback: string) =>
  subject.replace(replyPrefix, '').replace(/\s+/g, ' ').trim().slice(0, 200) || fallback;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function mailIngest(ctx: ServiceContext, tickets: MailTicketOps) {
  const texts = () => mailTicketTexts[ctx.settings().language === 'en' ? 'en' : 'de'];
  const actor = () => ctx.settings().coordinatorName;

  function requesterOf(mail: IncomingMail): ParsedInput<'tickets.create'>['requester'] {
    const address = mail.fromAddress.toLowerCase();
    const person = address ? personByEmail(ctx.db, address) : undefined;
    if (person)
      return {
        name: person.name,
        personId: person.id,
        department: person.department,
        phone: person.phone,
        email: person.email,
      };
    const email = emailPattern.test(address) && address.length <= 200 ? address : '';
    return { name: (mail.fromName || address || '?').slice(0, 120), personId: 0, department: '', phone: '', email };
  }

  function providerTicket(subject: string): number | undefined {
    for (const provider of providerRows(ctx.db)) {
      const reference = referenceFromSubject(subject, provider.subjectTag);
      const ticketId = reference ? ticketOfProviderReference(ctx.db, provider.id, reference) : undefined;
      if (ticketId !== undefined) return ticketId;
    }
    return undefined;
  }

  /** The mail's text on a ticket, its attachments within the desk's limit, and what was left out. */
  function attachContent(ticketId: number, mail: IncomingMail) {
    const limit = ctx.settings().attachmentMaxBytes;
    const leftOut: string[] = [];
    for (const file of mail.attachments) {
      const size = Math.floor((file.contentBase64.length * 3) / 4);
      if (size === 0) continue;
      if (size > limit) leftOut.push(file.fileName);
      else tickets.attach(ticketId, file);
    }
    if (leftOut.length) tickets.note(ticketId, texts().leftOut(leftOut.join(', ')));
    if (mail.droppedParts) tickets.note(ticketId, texts().droppedParts(mail.droppedParts));
  }

  const mailNote = (mail: IncomingMail) => {
    const quoted = mail.quoted ? `\n\n${texts().quotedFolded(mail.quoted.split('\n').length)}` : '';
    return `${texts().received(mail.fromName || mail.fromAddress, mail.subject || texts().noSubject)}\n\n${mail.text}${quoted}`.slice(
      0,
      20_000,
    );
  };

  function newTicket(mail: IncomingMail, description: string): Ticket {
    return tickets.create(
      {
        title: titleOf(mail.subject, texts().noSubject),
        description: description.slice(0, 20_000),
        channel: 'email',
        requester: requesterOf(mail),
        // Placeholders until the coordinator answers them: the ticket is marked "needs triage" meanwhile.
        firstContact: {
          affectedScope: 'person',
          affectedSystems: '',
          systemIds: [],
          businessProcess: '',
          businessCritical: false,
          since: null,
          recentChanges: '',
          impairment: 'workaround',
        },
        category: null,
        tier: 'first',
        assignee: null,
        triageOverride: null,
      },
      { needsTriage: true, reportedAt: mail.date ? new Date(mail.date) : null },
    );
  }

  function acknowledge(ticket: Ticket, source: MailSource) {
    if (source.kind !== 'imap' || !ticket.requester.email) return;
    const account = findAccount(ctx.db, source.accountId);
    if (!account?.acknowledge || !account.smtpHost) return;
    const to = ticket.requester.email.toLowerCase();
    if (!mayAcknowledge(lastAcknowledgement(ctx.db, to), ctx.now())) return;
    const { subject, body } = tickets.acknowledgement(ticket.id);
    const messageId = newMessageId(account.address);
    insertOutbox(
      ctx.db,
      {
        ticketId: ticket.id,
        accountId: account.id,
        kind: 'acknowledgement',
        to,
        subject: withOurTag(subject, ticket.number),
        body,
        messageId,
        inReplyTo: '',
        references: [],
        attachments: [],
      },
      ctx.now().toISOString(),
    );
    recordMessage(
      ctx.db,
      { messageId, direction: 'out', ticketId: ticket.id, sender: account.address, outcome: 'sent' },
      ctx.now().toISOString(),
    );
  }

  /**
   * Takes one mail in, all in one transaction with the mailbox position: a mail is taken exactly once, even when
   * the process dies (nothing of it lands, and the position stays) or the same mail arrives twice (its Message-ID).
   */
  function ingest(mail: IncomingMail, source: MailSource, skipHold: boolean): IngestResult {
    const now = ctx.now();
    const at = now.toISOString();
    const messageId = messageIdOf(mail);
    const sender = mail.fromAddress.toLowerCase();
    const touched: number[] = [];
    const result = ctx.write(
      (): IngestResult => {
        if (source.kind === 'imap')
          advanceCursor(ctx.db, source.accountId, source.folder, source.uidValidity, source.uid);
        const done = (outcome: IngestResult['outcome'], ticket: Ticket | null, reason = ''): IngestResult => {
          recordMessage(ctx.db, { messageId, direction: 'in', ticketId: ticket?.id ?? null, sender, outcome }, at);
          if (ticket) touched.push(ticket.id);
          appendEvent(ctx.db, {
            ticketId: ticket?.id ?? null,
            at,
            actor: actor(),
            kind: 'mail.received',
            data: {
              messageId,
              from: sender,
              subject: mail.subject.slice(0, 200),
              outcome,
              reason,
              source: source.kind,
            },
          });
          return { outcome, ticketId: ticket?.id ?? null, ticketNumber: ticket?.number ?? null, reason };
        };
        if (seenIncoming(ctx.db, messageId))
          return {
            outcome: 'duplicate',
            ticketId: ticketOfMessage(ctx.db, messageId) ?? null,
            ticketNumber: null,
            reason: messageId,
          };
        const kind = classifyMail(
          {
            ...mail.headers,
            from: sender,
            subject: mail.subject,
            messageId,
            inReplyTo: mail.inReplyTo,
            references: mail.references,
            isDeliveryReport: mail.isDeliveryReport,
          },
          mail.bouncedMessageIds,
        );
        if (kind.kind === 'bounce') {
          const bounced = kind.originalMessageIds
            .map(normalizeMessageId)
            .map((id) => ticketOfMessage(ctx.db, id))
            .find((id) => id !== undefined);
          const ticket = bounced !== undefined ? tickets.get(bounced) : null;
          if (ticket)
            tickets.note(
              ticket.id,
              texts().bounced(ticket.requester.email || '?', mail.text.slice(0, 600) || mail.subject),
            );
          return done('bounce', ticket, kind.reason);
        }
        if (kind.kind === 'autoReply') return done('autoReply', null, kind.reason);
        const settings = readMailSettings(ctx.db);
        if (!skipHold && sender) {
          const since = new Date(now.getTime() - settings.holdMinutes * 60_000).toISOString();
          if (shouldHold(recentFromSender(ctx.db, sender, since), settings)) {
            const reason = `${settings.holdCount}/${settings.holdMinutes} min`;
            insertHeld(ctx.db, {
              accountId: source.kind === 'imap' ? source.accountId : null,
              fromAddress: sender,
              subject: mail.subject.slice(0, 300),
              reason,
              receivedAt: at,
              mail,
              source,
            });
            return done('held', null, reason);
          }
        }
        const thread = threadTarget(mail, {
          byNumber: (number) => ticketByNumber(ctx.db, number),
          byMessageId: (id) => ticketOfMessage(ctx.db, id),
          byProviderTag: providerTicket,
        });
        if (thread) {
          const ticket = tickets.get(thread.ticketId);
          const action = followUpAction(ticket, now, settings.reopenDays);
          if (action !== 'newLinked') {
            tickets.mailIn(ticket.id, mailNote(mail));
            attachContent(ticket.id, mail);
            const fromProvider = tickets.providerMail(ticket.id, sender, mail.subject);
            if (action === 'reopen') {
              tickets.reopen(ticket.id);
              tickets.note(ticket.id, texts().reopened);
            } else if (!fromProvider) tickets.answered(ticket.id);
            return done(action === 'reopen' ? 'reopened' : 'followUp', tickets.get(ticket.id), thread.by);
          }
          const linked = newTicket(mail, `${texts().linkedNew(ticket.number)}\n\n${mail.text}`);
          attachContent(linked.id, mail);
          tickets.note(ticket.id, texts().linkedOld(linked.number));
          touched.push(ticket.id);
          return done('linked', linked, ticket.number);
        }
        const ticket = newTicket(mail, mail.text);
        attachContent(ticket.id, mail);
        acknowledge(ticket, source);
        return done('ticket', tickets.get(ticket.id));
      },
      () => [
        { entity: 'ticket', ids: touched },
        { entity: 'mail', ids: [] },
      ],
    );
    return result;
  }

  return { ingest };
}
