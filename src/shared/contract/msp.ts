import { z } from 'zod';
import { mspProviderSchema } from '../domain/msp';
import { slugSchema } from '../domain/checklist';
import { languageSchema } from '../domain/enums';
import { id, isoTime, requiredLine, text } from '../domain/fields';
import { command, empty, query } from './common';
import { isBase64 } from '../domain/base64';

import { rule } from '../domain/rule';
import { findingKinds } from '../domain/redactionRules';

/** A reply mail of up to 10 MB, as base64. */
const maxReplyBase64 = Math.ceil((10 * 1024 * 1024) / 3) * 4;

const findingSchema = z.strictObject({
  id: z.string(),
  field: z.string(),
  kind: z.enum(findingKinds),
  hint: z.string(),
});

/** What goes into a packet; the summary and the ticket's facts always do. */
export const packetChoiceSchema = z.strictObject({
  ticketId: id,
  providerId: slugSchema,
  language: languageSchema,
  firstContact: z.boolean().default(true),
  triage: z.boolean().default(true),
  timeline: z.boolean().default(true),
  checklists: z.boolean().default(true),
  attachmentIds: z.array(id).max(200).default([]),
  /** The question to the MSP. */
  question: text(4000).default(''),
  /** Findings the coordinator lets through, each with a reason (logged). */
  released: z
    .array(z.strictObject({ findingId: requiredLine(200), reason: requiredLine(300) }))
    .max(200)
    .default([]),
});

export const escalationSchema = z.strictObject({
  id: z.int(),
  ticketId: z.int(),
  providerId: z.string(),
  providerName: z.string(),
  at: isoTime,
  kind: z.enum(['initial', 'update']),
  packetSha256: z.string(),
  emlSha256: z.string(),
  reference: z.string().nullable(),
  reactedAt: isoTime.nullable(),
  /** The provider's own clock against its contract, in its support hours. */
  clock: z.strictObject({
    reaction: z.strictObject({ dueAt: isoTime, met: z.boolean().nullable(), overdue: z.boolean() }),
    resolution: z.strictObject({ dueAt: isoTime, overdue: z.boolean() }),
  }),
});
export type Escalation = z.infer<typeof escalationSchema>;

export const mspContract = {
  'msp.providers.list': query(empty, z.strictObject({ providers: z.array(mspProviderSchema) })),
  'msp.providers.save': command(z.strictObject({ provider: mspProviderSchema }), mspProviderSchema),
  'msp.providers.remove': command(z.strictObject({ id: slugSchema }), z.strictObject({ removed: z.literal(true) })),
  /** Exactly what would leave the house: the mail, the files, and every finding that will be redacted. */
  'escalations.preview': query(
    packetChoiceSchema,
    z.strictObject({
      to: z.string(),
      subject: z.string(),
      /** The summary as it will be sent (redacted). */
      text: z.string(),
      files: z.array(z.string()),
      findings: z.array(findingSchema),
    }),
  ),
  /** Writes the packet (ZIP) and the mail draft (.eml), records the escalation, sets "waiting on MSP". */
  'escalations.build': command(
    packetChoiceSchema,
    z.strictObject({
      escalation: escalationSchema,
      zipFile: z.string(),
      emlFile: z.string(),
      files: z.array(z.string()),
      /** The outbox mail that carries the packet, when the provider takes packets over SMTP. */
      outboxId: z.int().nullable().default(null),
    }),
  ),
  'escalations.forTicket': query(
    z.strictObject({ ticketId: id }),
    z.strictObject({ escalations: z.array(escalationSchema) }),
  ),
  'escalations.recordReference': command(
    z.strictObject({ escalationId: id, reference: requiredLine(40).regex(/^[A-Za-z0-9._-]+$/) }),
    escalationSchema,
  ),
  /** The packet or the mail draft of an escalation, for a download (browser host) or a save dialog. */
  'escalations.download': query(
    z.strictObject({ escalationId: id, file: z.enum(['zip', 'eml']) }),
    z.strictObject({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }),
  ),
  /** A reply from the provider (.eml dropped on the ticket): its reference from the subject, its text into the log. */
  'escalations.importReply': command(
    z.strictObject({
      ticketId: id,
      contentBase64: z.string().max(maxReplyBase64).refine(isBase64, rule('rule_base64', 'not base64')),
    }),
    z.strictObject({
      reference: z.string().nullable(),
      subject: z.string(),
      attachments: z.array(z.string()),
      noteId: z.int(),
    }),
    maxReplyBase64 + 64 * 1024,
  ),
} as const;
