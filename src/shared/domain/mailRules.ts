import type { Status } from './enums';

/** The headers and facts of an incoming mail the rules look at (already parsed and bounded). */
export type MailHeaders = {
  from: string;
  subject: string;
  messageId: string;
  inReplyTo: string;
  references: readonly string[];
  autoSubmitted: string;
  autoResponseSuppress: string;
  precedence: string;
  xAutoreply: string;
  xAutoResponse: string;
  listId: string;
  /** The mail is a delivery status notification (multipart/report; report-type=delivery-status). */
  isDeliveryReport: boolean;
};

export type MailKind =
  | { kind: 'normal' }
  | { kind: 'autoReply'; reason: string }
  | { kind: 'bounce'; reason: string; originalMessageIds: string[] };

const noReplyLocalPart =
  /^(no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|mailer-daemon|postmaster|bounces?|noreply-.*|.*-noreply)$/i;
/** Exchange, Gmail and Thunderbird out-of-office subjects, German and English. */
const autoReplySubject =
  /^(automatische antwort|abwesenheitsnotiz|auto(matic)? ?reply|out of (the )?office|abwesend|autoreply)\b|^(automatische antwort|automatic reply):/i;
const bounceSubject =
  /^(undeliverable|unzustellbar|delivery status notification|mail delivery failed|returned mail|nicht zustellbar|undelivered mail)/i;

export const localPart = (address: string): string => address.split('@')[0] ?? '';

/**
 * What an incoming mail is: a bounce (a delivery report, or the mailer daemon's return) becomes a note on the
 * ticket whose mail bounced; an automatic reply (RFC 3834 `Auto-Submitted`, Exchange's `X-Auto-Response-Suppress`,
 * bulk and list mail, no-reply senders) never opens a ticket and is never answered; the rest is a request.
 */
export function classifyMail(mail: MailHeaders, bouncedIds: readonly string[] = []): MailKind {
  const sender = mail.from.toLowerCase();
  const subject = mail.subject.trim();
  const daemon = /^(mailer-daemon|postmaster)$/i.test(localPart(sender));
  if (mail.isDeliveryReport || (daemon && bounceSubject.test(subject)))
    return {
      kind: 'bounce',
      reason: mail.isDeliveryReport ? 'delivery-status' : 'mailer-daemon',
      originalMessageIds: [...bouncedIds],
    };
  const auto = mail.autoSubmitted.trim().toLowerCase();
  if (auto && auto !== 'no') return { kind: 'autoReply', reason: `Auto-Submitted: ${auto}` };
  const suppress = mail.autoResponseSuppress.trim().toLowerCase();
  if (suppress && /\b(all|oof|autoreply)\b/.test(suppress))
    return { kind: 'autoReply', reason: `X-Auto-Response-Suppress: ${suppress}` };
  const precedence = mail.precedence.trim().toLowerCase();
  if (['bulk', 'list', 'junk', 'auto_reply'].includes(precedence))
    return { kind: 'autoReply', reason: `Precedence: ${precedence}` };
  if (mail.xAutoreply.trim()) return { kind: 'autoReply', reason: 'X-Autoreply' };
  if (mail.xAutoResponse.trim()) return { kind: 'autoReply', reason: 'X-Autorespond' };
  if (mail.listId.trim()) return { kind: 'autoReply', reason: 'List-Id' };
  if (noReplyLocalPart.test(localPart(sender))) return { kind: 'autoReply', reason: `no-reply sender ${sender}` };
  if (autoReplySubject.test(subject)) return { kind: 'autoReply', reason: `subject "${subject.slice(0, 80)}"` };
  return { kind: 'normal' };
}

/** Our tag in a subject, e.g. "AW: [LS-2026-0042] Drucker" → "2026-0042". */
export function ourTicketNumber(subject: string): string | null {
  const match = /\[LS-(\d{4}-\d{4,9})\]/i.exec(subject);
  return match ? (match[1] ?? null) : null;
}

/** Puts our tag in front of a subject unless it already carries it. */
export function withOurTag(subject: string, number: string): string {
  if (ourTicketNumber(subject) === number) return subject;
  // A template's bare "[2026-0042]" becomes the tag rather than a second label.
  const bare = `[${number}]`;
  if (subject.includes(bare)) return subject.replace(bare, `[LS-${number}]`);
  return `[LS-${number}] ${subject}`.trim();
}

/** Message-IDs compared without angle brackets and case of the domain part. */
export function normalizeMessageId(raw: string): string {
  const trimmed = raw.trim().replace(/^<|>$/g, '');
  const at = trimmed.lastIndexOf('@');
  return at < 0 ? trimmed : `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}

export type ThreadLookups = {
  /** The ticket of one of our numbers, when it exists. */
  byNumber: (number: string) => number | undefined;
  /** The ticket of a Message-ID we sent or took in. */
  byMessageId: (messageId: string) => number | undefined;
  /** The ticket a provider's reference in the subject belongs to (the providers' tags). */
  byProviderTag: (subject: string) => number | undefined;
};

export type ThreadMatch = { ticketId: number; by: 'tag' | 'header' | 'provider' } | null;

/**
 * The ticket an incoming mail belongs to: our tag first (it survives forwarding and mail clients that drop
 * headers), then `In-Reply-To` and `References` (newest first) against the Message-IDs we know, then the
 * providers' tags. A tag naming no ticket of ours falls through to the headers.
 */
export function threadTarget(mail: Pick<MailHeaders, 'subject' | 'inReplyTo' | 'references'>, look: ThreadLookups) {
  const number = ourTicketNumber(mail.subject);
  const tagged = number ? look.byNumber(number) : undefined;
  if (tagged !== undefined) return { ticketId: tagged, by: 'tag' } as const;
  const ids = [mail.inReplyTo, ...[...mail.references].reverse()].filter(Boolean).map(normalizeMessageId);
  for (const messageId of ids) {
    const ticketId = look.byMessageId(messageId);
    if (ticketId !== undefined) return { ticketId, by: 'header' } as const;
  }
  const provider = look.byProviderTag(mail.subject);
  if (provider !== undefined) return { ticketId: provider, by: 'provider' } as const;
  return null;
}

export type FollowUp = 'attach' | 'reopen' | 'newLinked';

/**
 * What a follow-up to a ticket does: on an open ticket it is a timeline entry; on a resolved one within the
 * reopen period it reopens the ticket; on a closed one, or after the period, it opens a new ticket linked to it.
 */
export function followUpAction(
  ticket: { status: Status; resolvedAt: string | null },
  now: Date,
  reopenDays: number,
): FollowUp {
  if (ticket.status !== 'resolved' && ticket.status !== 'closed') return 'attach';
  if (ticket.status === 'closed' || !ticket.resolvedAt) return 'newLinked';
  const age = now.getTime() - Date.parse(ticket.resolvedAt);
  return age <= reopenDays * 86_400_000 ? 'reopen' : 'newLinked';
}

export type MailLimits = {
  /** More than `holdCount` mails from one sender within `holdMinutes` are held for review. */
  holdCount: number;
  holdMinutes: number;
};

/** A sender sending more than the limit in the window is held (a mail bomb, a loop with another system). */
export const shouldHold = (recentFromSender: number, limits: MailLimits): boolean =>
  recentFromSender >= limits.holdCount;

/** At most one automatic acknowledgement per sender per day. */
export function mayAcknowledge(lastAckAt: string | null, now: Date): boolean {
  if (!lastAckAt) return true;
  return now.getTime() - Date.parse(lastAckAt) >= 86_400_000;
}
