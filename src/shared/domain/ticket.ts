import { z } from 'zod';
import { isoTime, line, requiredLine, text } from './fields';
import { rule } from './rule';
import {
  affectedScopeSchema,
  categorySchema,
  channelSchema,
  impairmentSchema,
  levelSchema,
  noteKindSchema,
  prioritySchema,
  statusSchema,
  tierSchema,
} from './enums';

export const requesterSchema = z.strictObject({
  name: requiredLine(120),
  /** The person of the directory the requester was picked as (0: typed in, not in the directory). */
  personId: z.int().nonnegative().max(Number.MAX_SAFE_INTEGER).default(0),
  department: line(120).default(''),
  phone: line(60).default(''),
  email: z.union([z.literal(''), z.email().max(200)]).default(''),
});
export type Requester = z.infer<typeof requesterSchema>;

/** The first-contact questions every request is taken in with. */
export const firstContactSchema = z.strictObject({
  affectedScope: affectedScopeSchema,
  affectedSystems: line(500).default(''),
  /** Systems of the directory picked for "which systems?" (the text above keeps what was typed besides). */
  systemIds: z.array(z.int().positive().max(Number.MAX_SAFE_INTEGER)).max(20).default([]),
  businessProcess: line(500).default(''),
  businessCritical: z.boolean().default(false),
  /** When the problem started, as an ISO time; null when the requester cannot say. */
  since: isoTime.nullable().default(null),
  recentChanges: text(4000).default(''),
  impairment: impairmentSchema,
});
export type FirstContact = z.infer<typeof firstContactSchema>;

export const triageOverrideSchema = z
  .strictObject({
    impact: levelSchema.optional(),
    urgency: levelSchema.optional(),
    priority: prioritySchema.optional(),
    reason: requiredLine(1000),
  })
  .refine((o) => o.impact || o.urgency || o.priority, rule('rule_override_empty', 'override names nothing to change'));

export const triageSchema = z.strictObject({
  impact: levelSchema,
  urgency: levelSchema,
  priority: prioritySchema,
  suggested: z.strictObject({
    impact: levelSchema,
    urgency: levelSchema,
    priority: prioritySchema,
    impactFrom: z.enum(['scope', 'businessCritical', 'criticalSystem', 'vip']),
    raisedBy: z.string().nullable().default(null),
  }),
  override: z
    .strictObject({
      impact: levelSchema.optional(),
      urgency: levelSchema.optional(),
      priority: prioritySchema.optional(),
      reason: z.string(),
    })
    .nullable(),
});
export type Triage = z.infer<typeof triageSchema>;

export const ticketSchema = z.strictObject({
  id: z.int(),
  number: z.string(),
  title: z.string(),
  description: z.string(),
  channel: channelSchema,
  requester: requesterSchema,
  firstContact: firstContactSchema,
  triage: triageSchema,
  status: statusSchema,
  tier: tierSchema,
  category: categorySchema.nullable(),
  assignee: z.string().nullable(),
  resolution: z.string().nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  resolvedAt: isoTime.nullable(),
  version: z.int(),
  /** Taken in without the first-contact answers (from mail): waits for them in "needs triage". */
  needsTriage: z.boolean().default(false),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const ticketSummarySchema = z.strictObject({
  id: z.int(),
  number: z.string(),
  title: z.string(),
  status: statusSchema,
  priority: prioritySchema,
  channel: channelSchema,
  category: categorySchema.nullable(),
  tier: tierSchema,
  requesterName: z.string(),
  department: z.string(),
  assignee: z.string().nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  /**
   * The deadline that counts now (the counting clock due first) and its 75 % moment, from the stored clocks; null
   * when no clock counts (paused, done) or where a view does not need it.
   */
  sla: z.strictObject({ dueAt: isoTime, atRiskAt: isoTime.nullable() }).nullable().default(null),
  needsTriage: z.boolean().default(false),
});
export type TicketSummary = z.infer<typeof ticketSummarySchema>;

export const noteSchema = z.strictObject({
  id: z.int(),
  ticketId: z.int(),
  kind: noteKindSchema,
  body: z.string(),
  author: z.string(),
  createdAt: isoTime,
});
export type Note = z.infer<typeof noteSchema>;

export const attachmentSchema = z.strictObject({
  id: z.int(),
  ticketId: z.int(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.int(),
  sha256: z.string(),
  author: z.string(),
  createdAt: isoTime,
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const eventSchema = z.strictObject({
  id: z.int(),
  ticketId: z.int().nullable(),
  at: isoTime,
  actor: z.string(),
  kind: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type LoggedEvent = z.infer<typeof eventSchema>;
