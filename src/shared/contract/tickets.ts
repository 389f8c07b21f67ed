import { z } from 'zod';
import {
  categorySchema,
  channelSchema,
  noteKindSchema,
  prioritySchema,
  statusSchema,
  tierSchema,
} from '../domain/enums';
import { fileNameField, id, line, requiredLine, requiredText, text } from '../domain/fields';
import {
  attachmentSchema,
  eventSchema,
  firstContactSchema,
  noteSchema,
  requesterSchema,
  ticketSchema,
  ticketSummarySchema,
  triageOverrideSchema,
} from '../domain/ticket';
import { isBase64 } from '../domain/base64';
import { rule } from '../domain/rule';
import { reportFilterSchema } from '../domain/report';
import { command, query } from './common';
import { nextUpItemSchema } from './board';

const expectedVersion = z.int().positive().optional();

export const ticketCreateInput = z.strictObject({
  title: requiredLine(200),
  description: text(20_000).default(''),
  channel: channelSchema,
  requester: requesterSchema,
  firstContact: firstContactSchema,
  category: categorySchema.nullable().default(null),
  tier: tierSchema.default('first'),
  assignee: line(120).nullable().default(null),
  triageOverride: triageOverrideSchema.nullable().default(null),
});
export type TicketCreateInput = z.input<typeof ticketCreateInput>;

export const ticketSortSchema = z.strictObject({
  by: z.enum(['priority', 'created', 'updated', 'number']),
  dir: z.enum(['asc', 'desc']),
});
export type TicketSort = z.infer<typeof ticketSortSchema>;

const filterList = <T extends z.ZodType>(item: T) => z.array(item).max(20).optional();

export const ticketFilterSchema = z.strictObject({
  status: filterList(statusSchema),
  priority: filterList(prioritySchema),
  channel: filterList(channelSchema),
  category: filterList(categorySchema),
  tier: filterList(tierSchema),
  /** true: only open tickets (new, in progress, waiting); false: only resolved or closed. */
  open: z.boolean().optional(),
  q: line(200).optional(),
  /** Tickets of a person or system of the directory, or of a department. */
  personId: id.optional(),
  systemId: id.optional(),
  department: requiredLine(120).optional(),
  /** Exactly the tickets a figure of a report counts (a period and the figure). */
  report: reportFilterSchema.optional(),
});
export type TicketFilter = z.infer<typeof ticketFilterSchema>;

export const ticketListInput = z.strictObject({
  filter: ticketFilterSchema.default({}),
  sort: ticketSortSchema.default({ by: 'priority', dir: 'asc' }),
  limit: z.int().min(1).max(500).default(100),
  cursor: z.string().max(200).nullable().default(null),
});
export type TicketListInput = z.input<typeof ticketListInput>;

export const ticketListOutput = z.strictObject({
  items: z.array(ticketSummarySchema),
  nextCursor: z.string().nullable(),
  /** How many tickets match; counted for the first page only (null on later pages, it has not changed meaning). */
  total: z.int().nullable(),
});

export const ticketPatchSchema = z.strictObject({
  title: requiredLine(200).optional(),
  description: text(20_000).optional(),
  channel: channelSchema.optional(),
  requester: requesterSchema.optional(),
  firstContact: firstContactSchema.optional(),
  category: categorySchema.nullable().optional(),
  tier: tierSchema.optional(),
  assignee: line(120).nullable().optional(),
});

export const ticketUpdateInput = z.strictObject({
  id,
  expectedVersion,
  patch: ticketPatchSchema.default({}),
  /** An object sets a manual triage, null returns to the suggestion, absent leaves it. */
  triageOverride: triageOverrideSchema.nullable().optional(),
});
export type TicketUpdateInput = z.input<typeof ticketUpdateInput>;

export const ticketTransitionInput = z.strictObject({
  id,
  to: statusSchema,
  expectedVersion,
  /** Required when moving to "resolved": what was done. */
  resolution: text(4000).optional(),
  /** Resolving while required checklist steps are open: why (logged). */
  checklistOverride: line(500).optional(),
});

export const ticketDetailSchema = z.strictObject({
  ticket: ticketSchema,
  notes: z.array(noteSchema),
  attachments: z.array(attachmentSchema),
});

export const ticketSearchOutput = z.strictObject({
  items: z.array(ticketSummarySchema.extend({ snippet: z.string() })),
});

/** Base64 of at most 100 MiB (the settings ceiling); the per-installation limit is checked by the service. */
const maxAttachmentBase64 = Math.ceil((100 * 1024 * 1024) / 3) * 4;

export const ticketsContract = {
  'tickets.create': command(ticketCreateInput, ticketSchema),
  'tickets.get': query(z.strictObject({ id }), ticketDetailSchema),
  'tickets.list': query(ticketListInput, ticketListOutput),
  'tickets.update': command(ticketUpdateInput, ticketSchema),
  'tickets.transition': command(ticketTransitionInput, ticketSchema),
  /**
   * Takes back the ticket's last change (a status move, a resolve, a priority change) within a minute of it and
   * only if nothing changed since (`expectedVersion` is the version it produced); logged as an undo of that event.
   */
  'tickets.undo': command(z.strictObject({ id, expectedVersion: z.int().positive() }), ticketSchema),
  'tickets.addNote': command(z.strictObject({ id, kind: noteKindSchema, body: requiredText(20_000) }), noteSchema),
  'tickets.search': query(
    z.strictObject({ q: requiredLine(200), limit: z.int().min(1).max(100).default(20) }),
    ticketSearchOutput,
  ),
  'tickets.timeline': query(z.strictObject({ id }), z.strictObject({ events: z.array(eventSchema) })),
  'tickets.attach': command(
    z.strictObject({
      id,
      fileName: fileNameField(255),
      mimeType: line(200).default('application/octet-stream'),
      contentBase64: z.string().max(maxAttachmentBase64).refine(isBase64, rule('rule_base64', 'not base64')),
    }),
    attachmentSchema,
    maxAttachmentBase64 + 64 * 1024,
  ),
  /** "What do I do now": open tickets by priority, then by SLA time left; paused ones (waiting on you) apart. */
  'tickets.nextUp': query(
    z.strictObject({ limit: z.int().min(1).max(200).default(25) }),
    z.strictObject({ items: z.array(nextUpItemSchema), total: z.int(), paused: z.int() }),
  ),
  'tickets.attachment': query(
    z.strictObject({ attachmentId: id }),
    z.strictObject({ attachment: attachmentSchema, contentBase64: z.string() }),
  ),
} as const;
export type TicketPatch = z.input<typeof ticketPatchSchema>;
