import { z } from 'zod';
import { fileNameField, humane, id, line, requiredLine, requiredText } from '../domain/fields';
import {
  heldMailSchema,
  incomingMailSchema,
  ingestResultSchema,
  mailAccountFields,
  mailAccountSchema,
  mailSettingsSchema,
  mailSourceSchema,
  outboxItemSchema,
  outboxMessageSchema,
} from '../domain/mail';
import { isBase64 } from '../domain/base64';
import { rule } from '../domain/rule';
import { command, empty, query } from './common';

/** One mail file (.eml or Outlook .msg) of at most 100 MB, as base64. */
const maxMailBase64 = Math.ceil((100 * 1024 * 1024) / 3) * 4;
const mailFile = z.strictObject({
  fileName: fileNameField(255),
  contentBase64: z.string().max(maxMailBase64).refine(isBase64, rule('rule_base64', 'not base64')),
});

const ok = z.strictObject({ ok: z.literal(true) });
const probeResult = z.strictObject({ ok: z.boolean(), message: z.string() });

export const mailContract = {
  /** Mail files dropped on the desk or picked: each a new ticket or a timeline entry on its ticket. */
  'mail.import': command(
    z.strictObject({ files: z.array(mailFile).min(1).max(1000) }),
    z.strictObject({
      results: z.array(ingestResultSchema.extend({ fileName: z.string(), error: z.string().nullable() })),
    }),
    maxMailBase64 + 1024 * 1024,
  ),
  /** Takes in one parsed mail (the host's mailboxes and imports call it); the mailbox position lands with it. */
  'mail.ingest': command(
    z.strictObject({ mail: incomingMailSchema, source: mailSourceSchema, skipHold: z.boolean().default(false) }),
    ingestResultSchema,
    40 * 1024 * 1024,
  ),
  /** Where a mailbox's folder was last read: its UIDVALIDITY and the last UID taken. */
  'mail.cursor': query(
    z.strictObject({ accountId: id, folder: requiredLine(200) }),
    z.strictObject({ uidValidity: z.int(), lastUid: z.int() }).nullable(),
  ),
  'mail.accounts.list': query(empty, z.strictObject({ accounts: z.array(mailAccountSchema) })),
  /** Saves an account; a password given is kept in the OS keychain, an empty one keeps the stored one. */
  'mail.accounts.save': command(
    z.strictObject({
      id: id.optional(),
      account: mailAccountFields,
      password: humane(z.string().max(1000), true).optional(),
    }),
    mailAccountSchema,
  ),
  /** The store's half of saving (no password): the host keeps the password and calls this. */
  'mail.accounts.record': command(
    z.strictObject({ id: id.optional(), account: mailAccountFields, hasPassword: z.boolean() }),
    mailAccountSchema,
  ),
  'mail.accounts.remove': command(z.strictObject({ id }), ok),
  /** Logs in to IMAP (and SMTP where set) with the stored password and says what happened. */
  'mail.accounts.test': query(
    z.strictObject({ id }),
    z.strictObject({ imap: probeResult, smtp: probeResult.nullable() }),
  ),
  /** The last poll's time and error of an account (the host's poller writes it). */
  'mail.accounts.polled': command(z.strictObject({ id, error: line(500).nullable() }), ok),
  /** Polls now (one account or all enabled ones); answers what was taken in. */
  'mail.poll': command(
    z.strictObject({ accountId: id.optional() }),
    z.strictObject({ taken: z.int(), errors: z.array(z.string()) }),
  ),
  /** Queues a reply to the ticket's requester (or `to`) as a reply note and an outbox mail, in one transaction. */
  'mail.send': command(
    z.strictObject({
      ticketId: id,
      to: z.email().max(200).optional(),
      subject: line(300).optional(),
      body: requiredText(20_000),
    }),
    outboxItemSchema,
  ),
  'mail.outbox.list': query(
    z.strictObject({ ticketId: id.optional(), limit: z.int().min(1).max(500).default(100) }),
    z.strictObject({ items: z.array(outboxItemSchema) }),
  ),
  /** Sends a failed mail again now. */
  'mail.outbox.retry': command(z.strictObject({ id }), outboxItemSchema),
  /** For the host's sender: the mails due now, each marked as being sent. */
  'mail.outbox.claim': command(
    z.strictObject({ limit: z.int().min(1).max(50).default(10) }),
    z.strictObject({ items: z.array(outboxMessageSchema) }),
  ),
  /** For the host's sender: how a sending went (sent, or failed with the next try after a backoff). */
  'mail.outbox.mark': command(
    z.strictObject({ id, sent: z.boolean(), error: line(1000).nullable().default(null) }),
    outboxItemSchema,
  ),
  'mail.held.list': query(empty, z.strictObject({ items: z.array(heldMailSchema) })),
  /** Takes a held mail in after all (no hold this time). */
  'mail.held.release': command(z.strictObject({ id }), ingestResultSchema),
  'mail.held.discard': command(z.strictObject({ id }), ok),
  'mail.settings.get': query(empty, mailSettingsSchema),
  'mail.settings.update': command(z.strictObject({ settings: mailSettingsSchema }), mailSettingsSchema),
} as const;
