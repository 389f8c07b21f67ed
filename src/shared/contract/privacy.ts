import { z } from 'zod';
import { languageSchema } from '../domain/enums';
import { text } from '../domain/fields';
import { erasureBasisSchema, privacySubjectSchema, retentionSchema } from '../domain/privacy';
import { command, empty, query } from './common';

const subjectInput = z.strictObject({ subject: privacySubjectSchema });

export const footprintSchema = z.strictObject({
  /** What the person is found by (from the directory and as typed), shown so the coordinator can check it. */
  identifiers: z.array(z.string()),
  personId: z.int().nullable(),
  tickets: z.array(
    z.strictObject({
      id: z.int(),
      number: z.string(),
      title: z.string(),
      status: z.string(),
      open: z.boolean(),
      role: z.enum(['requester', 'mentioned']),
    }),
  ),
  counts: z.strictObject({
    tickets: z.int(),
    openTickets: z.int(),
    notes: z.int(),
    events: z.int(),
    attachments: z.int(),
    escalations: z.int(),
  }),
});
export type Footprint = z.infer<typeof footprintSchema>;

export const erasureRecordSchema = z.strictObject({
  id: z.int(),
  eventId: z.int(),
  at: z.string(),
  actor: z.string(),
  pseudonym: z.string(),
  basis: z.string(),
  scope: z.enum(['person', 'retention']),
  counts: z.strictObject({
    tickets: z.int(),
    notes: z.int(),
    events: z.int(),
    attachments: z.int(),
    escalations: z.int(),
    people: z.int(),
  }),
  /** Backups made before the erasure still hold the data, at most until then (rotation), unless deleted sooner. */
  backupsUntil: z.string().nullable(),
});
export type ErasureRecord = z.infer<typeof erasureRecordSchema>;

export const retentionViewSchema = retentionSchema.extend({
  lastRunAt: z.string().nullable(),
  lastCount: z.int(),
});

export const recordSectionSchema = z.strictObject({
  key: z.string(),
  title: z.string(),
  text: z.string(),
  /** Not edited: generated from what this desk holds. */
  generated: z.boolean(),
});

export const privacyContract = {
  /** What the desk holds about a person: checked before export or erasure. */
  'privacy.find': query(subjectInput, footprintSchema),
  /** Art. 15: everything about the person, as a ZIP with JSON and a readable HTML overview. */
  'privacy.export': query(
    subjectInput.extend({ language: languageSchema }),
    z.strictObject({ fileName: z.string(), contentBase64: z.string() }),
  ),
  /**
   * Art. 17: pseudonymises the person everywhere; the event log stays verifiable. A person on an open ticket needs
   * `confirmOpen`. Attachments of their tickets are deleted unless `keepAttachments`.
   */
  'privacy.erase': command(
    subjectInput.extend({
      basis: erasureBasisSchema,
      confirmOpen: z.boolean().default(false),
      keepAttachments: z.boolean().default(false),
    }),
    erasureRecordSchema,
  ),
  'privacy.erasures': query(empty, z.array(erasureRecordSchema)),
  'privacy.retention.get': query(empty, retentionViewSchema),
  'privacy.retention.update': command(z.strictObject({ retention: retentionSchema }), retentionViewSchema),
  /** Art. 5(1)(e): pseudonymises the requesters of tickets closed longer ago than the setting (run daily). */
  'privacy.retention.run': command(
    empty,
    z.strictObject({ tickets: z.int(), erasure: erasureRecordSchema.nullable() }),
  ),
  /** Art. 30: the record of processing, generated from this desk and editable. */
  'privacy.record': query(z.strictObject({ language: languageSchema }), z.array(recordSectionSchema)),
  'privacy.record.update': command(
    z.strictObject({ language: languageSchema, sections: z.record(z.string().max(40), text(20_000)) }),
    z.array(recordSectionSchema),
  ),
} as const;
