import { z } from 'zod';
import { fileNameField, id, isoTime, line, requiredLine, text } from './fields';
import { rule } from './rule';

/** How a connection is secured: TLS from the start, STARTTLS upgrade, or none (refused unless the host is loopback). */
export const mailSecuritySchema = z.enum(['tls', 'starttls', 'none']);
export type MailSecurity = z.infer<typeof mailSecuritySchema>;

const host = requiredLine(253).refine(
  (value) => /^[a-z0-9.:[\]-]+$/i.test(value),
  rule('rule_host', 'not a host name'),
);
const port = z.int().min(1).max(65_535);

export const isLoopbackHost = (name: string): boolean =>
  name === 'localhost' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name) || name === '::1' || name === '[::1]';

const addressField = z.email().max(200);

/** One IT mailbox: where mail comes in (IMAP) and goes out (SMTP). The password is never part of it. */
export const mailAccountFields = z
  .strictObject({
    name: requiredLine(120),
    /** The address replies come from and requesters write to, e.g. it@firma.de. */
    address: addressField,
    imapHost: host,
    imapPort: port.default(993),
    imapSecurity: mailSecuritySchema.default('tls'),
    username: requiredLine(200),
    folder: requiredLine(200).default('INBOX'),
    /** Where taken mails are moved (never deleted). */
    processedFolder: requiredLine(200).default('Leitstand/Verarbeitet'),
    smtpHost: host.nullable().default(null),
    smtpPort: port.default(587),
    smtpSecurity: mailSecuritySchema.default('starttls'),
    /** Poll interval when the server offers no IDLE, in seconds. */
    pollSeconds: z.int().min(15).max(3600).default(60),
    enabled: z.boolean().default(true),
    /** Send an acknowledgement for a new ticket (at most one per sender and day). */
    acknowledge: z.boolean().default(true),
  })
  .refine((a) => a.imapSecurity !== 'none' || isLoopbackHost(a.imapHost), {
    ...rule('rule_tls_required', 'TLS is required unless the server is this computer'),
    path: ['imapSecurity'],
  })
  .refine((a) => a.smtpHost === null || a.smtpSecurity !== 'none' || isLoopbackHost(a.smtpHost), {
    ...rule('rule_tls_required', 'TLS is required unless the server is this computer'),
    path: ['smtpSecurity'],
  });

export const mailAccountSchema = z.strictObject({
  id: z.int(),
  name: z.string(),
  address: z.string(),
  imapHost: z.string(),
  imapPort: z.int(),
  imapSecurity: mailSecuritySchema,
  username: z.string(),
  folder: z.string(),
  processedFolder: z.string(),
  smtpHost: z.string().nullable(),
  smtpPort: z.int(),
  smtpSecurity: mailSecuritySchema,
  pollSeconds: z.int(),
  enabled: z.boolean(),
  acknowledge: z.boolean(),
  /** Whether a password is kept in the OS keychain (never the password itself). */
  hasPassword: z.boolean(),
  /** The last poll: when, and what went wrong (null when it worked). */
  lastPollAt: isoTime.nullable(),
  lastError: z.string().nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type MailAccount = z.infer<typeof mailAccountSchema>;

const messageIdField = line(998);
/** A header's value as the parser gave it (cleaned of what disguises text). */
const headerField = (max = 200) => line(max).default('');

export const mailAttachmentSchema = z.strictObject({
  fileName: fileNameField(255),
  mimeType: line(200).default('application/octet-stream'),
  contentBase64: z.string().max(Math.ceil((25 * 1024 * 1024) / 3) * 4),
  /** Shown in the body (an inline image). */
  inline: z.boolean().default(false),
});

/** A parsed mail as the host hands it to the store: bounded, cleaned, with where it came from. */
export const incomingMailSchema = z.strictObject({
  messageId: messageIdField,
  inReplyTo: messageIdField.default(''),
  references: z.array(messageIdField).max(100).default([]),
  fromAddress: line(320),
  fromName: line(200).default(''),
  subject: text(1000).default(''),
  /** The mail's Date header; null when missing or unreadable. */
  date: isoTime.nullable(),
  text: text(100_000).default(''),
  quoted: text(100_000).default(''),
  headers: z.strictObject({
    autoSubmitted: headerField(),
    autoResponseSuppress: headerField(),
    precedence: headerField(),
    xAutoreply: headerField(),
    xAutoResponse: headerField(),
    listId: headerField(500),
  }),
  isDeliveryReport: z.boolean().default(false),
  /** For a bounce: the Message-IDs of the mail that bounced, as far as the report names them. */
  bouncedMessageIds: z.array(messageIdField).max(20).default([]),
  attachments: z.array(mailAttachmentSchema).max(200).default([]),
  /** Parts left out because of the limits (count), told on the ticket. */
  droppedParts: z.int().nonnegative().default(0),
});
export type IncomingMail = z.infer<typeof incomingMailSchema>;

export const mailOutcomeSchema = z.enum([
  'ticket',
  'followUp',
  'reopened',
  'linked',
  'autoReply',
  'bounce',
  'held',
  'duplicate',
]);
export type MailOutcome = z.infer<typeof mailOutcomeSchema>;

export const ingestResultSchema = z.strictObject({
  outcome: mailOutcomeSchema,
  ticketId: z.int().nullable(),
  ticketNumber: z.string().nullable(),
  reason: z.string().default(''),
});
export type IngestResult = z.infer<typeof ingestResultSchema>;

export const outboxStateSchema = z.enum(['queued', 'sending', 'sent', 'failed']);
export const outboxKindSchema = z.enum(['reply', 'acknowledgement', 'packet']);

export const outboxItemSchema = z.strictObject({
  id: z.int(),
  ticketId: z.int().nullable(),
  accountId: z.int(),
  kind: outboxKindSchema,
  to: z.string(),
  subject: z.string(),
  messageId: z.string(),
  state: outboxStateSchema,
  attempts: z.int(),
  nextAttemptAt: isoTime.nullable(),
  lastError: z.string().nullable(),
  createdAt: isoTime,
  sentAt: isoTime.nullable(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

/** What the sender needs of one queued mail (the host builds the MIME message from it). */
export const outboxMessageSchema = outboxItemSchema.extend({
  from: z.string(),
  body: z.string(),
  inReplyTo: z.string(),
  references: z.array(z.string()),
  automatic: z.boolean(),
  attachments: z.array(z.strictObject({ fileName: z.string(), path: z.string(), mimeType: z.string() })),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const heldMailSchema = z.strictObject({
  id: z.int(),
  accountId: z.int().nullable(),
  fromAddress: z.string(),
  subject: z.string(),
  reason: z.string(),
  receivedAt: isoTime,
});
export type HeldMail = z.infer<typeof heldMailSchema>;

export const mailSettingsSchema = z.strictObject({
  /** A reply to a resolved ticket within this many days reopens it; later it opens a new linked ticket. */
  reopenDays: z.int().min(0).max(365).default(14),
  /** More than this many mails from one sender… */
  holdCount: z.int().min(2).max(10_000).default(10),
  /** …within this many minutes are held for review. */
  holdMinutes: z.int().min(1).max(1440).default(10),
});
export type MailSettings = z.infer<typeof mailSettingsSchema>;

/** Where a mail came from: a file dropped on the desk, or a mailbox (with the position to store with it). */
export const mailSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('file'), fileName: line(255) }),
  z.strictObject({
    kind: z.literal('imap'),
    accountId: id,
    folder: requiredLine(200),
    uidValidity: z.int().nonnegative(),
    uid: z.int().positive(),
  }),
]);
export type MailSource = z.infer<typeof mailSourceSchema>;
