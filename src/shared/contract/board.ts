import { z } from 'zod';
import { categorySchema, levelSchema, prioritySchema, tierSchema } from '../domain/enums';
import { isoTime } from '../domain/fields';
import { ticketSummarySchema } from '../domain/ticket';
import { query } from './common';

export const boardColumnSchema = z.enum(['new', 'inProgress', 'waiting', 'resolvedToday']);
export type BoardColumn = z.infer<typeof boardColumnSchema>;

export const waitingOnSchema = z.enum(['requester', 'msp', 'vendor']);
export type WaitingOn = z.infer<typeof waitingOnSchema>;

export const boardFilterSchema = z.strictObject({
  category: z.array(categorySchema).max(20).optional(),
  tier: z.array(tierSchema).max(3).optional(),
  /** Only waiting tickets, waiting on these. */
  waitingOn: z.array(waitingOnSchema).max(3).optional(),
  /** Only tickets assigned to the coordinator. */
  mine: z.boolean().optional(),
  /** Only tickets of a person or system of the directory, or of a department. */
  personId: z.int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  systemId: z.int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  department: z.string().trim().min(1).max(120).optional(),
});
export type BoardFilter = z.infer<typeof boardFilterSchema>;

/** The one SLA clock a card or a next-up line shows: the counting one due first. */
export const slaBarSchema = z.strictObject({
  clock: z.enum(['firstResponse', 'resolution']),
  level: z.enum(['onTrack', 'atRisk', 'breached', 'paused', 'done']),
  dueAt: isoTime.nullable(),
  /** Business minutes left (negative once breached). */
  remainingMinutes: z.number(),
  /** Share of the target used up. */
  fraction: z.number(),
});
export type SlaBar = z.infer<typeof slaBarSchema>;

export const boardCardSchema = ticketSummarySchema.extend({
  version: z.int(),
  /** Forwarded to the service provider (tier MSP or waiting on the MSP). */
  msp: z.boolean(),
  /** The provider's side once forwarded: its ticket number and whether it is late against its contract. */
  mspClock: z.strictObject({ reference: z.string().nullable(), late: z.boolean() }).nullable(),
  sla: slaBarSchema,
  /** Checklist progress, once a checklist runs on the ticket. */
  checklist: z.strictObject({ done: z.int(), total: z.int(), overdue: z.int() }).nullable(),
});
export type BoardCard = z.infer<typeof boardCardSchema>;

export const boardCellSchema = z.strictObject({
  priority: prioritySchema,
  column: boardColumnSchema,
  /** How many tickets are in the cell; `cards` holds the most urgent `perCell` of them. */
  total: z.int(),
  cards: z.array(boardCardSchema),
});
export type BoardCell = z.infer<typeof boardCellSchema>;

export const boardContract = {
  'board.get': query(
    z.strictObject({ filter: boardFilterSchema.default({}), perCell: z.int().min(1).max(500).default(50) }),
    z.strictObject({ cells: z.array(boardCellSchema), generatedAt: isoTime }),
  ),
} as const;

/** Why a ticket stands where it does in "next up": its priority and what made it, then its clock. */
export const nextUpItemSchema = ticketSummarySchema.extend({
  sla: slaBarSchema,
  triage: z.strictObject({ impact: levelSchema, urgency: levelSchema, overridden: z.boolean() }),
});
export type NextUpItem = z.infer<typeof nextUpItemSchema>;
