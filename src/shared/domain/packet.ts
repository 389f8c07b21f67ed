import { z } from 'zod';

/** packet.json, version 1: the case as the MSP receives it (redacted). Its JSON Schema travels in the ZIP. */
export const packetSchema = z.strictObject({
  schemaVersion: z.literal(1),
  generatedAt: z.string(),
  language: z.enum(['de', 'en']),
  kind: z.enum(['initial', 'update']),
  /** The provider's own ticket number, once known (update packets). */
  reference: z.string().nullable(),
  ticket: z.strictObject({
    number: z.string(),
    title: z.string(),
    status: z.string(),
    priority: z.string(),
    category: z.string().nullable(),
    createdAt: z.string(),
    requester: z.strictObject({ name: z.string(), department: z.string() }),
    description: z.string(),
  }),
  firstContact: z.record(z.string(), z.string()).nullable(),
  triage: z
    .strictObject({ impact: z.string(), urgency: z.string(), priority: z.string(), reason: z.string() })
    .nullable(),
  question: z.string(),
  timeline: z
    .array(z.strictObject({ at: z.string(), actor: z.string(), what: z.string(), text: z.string() }))
    .nullable(),
  checklists: z
    .array(
      z.strictObject({
        title: z.string(),
        version: z.int(),
        steps: z.array(
          z.strictObject({
            title: z.string(),
            state: z.string(),
            answer: z.string().nullable(),
            note: z.string(),
            by: z.string().nullable(),
            at: z.string().nullable(),
          }),
        ),
      }),
    )
    .nullable(),
  attachments: z.array(z.strictObject({ file: z.string(), size: z.int(), sha256: z.string() })),
  redacted: z.int(),
});
export type Packet = z.infer<typeof packetSchema>;
