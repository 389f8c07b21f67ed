import { z } from 'zod';
import { prioritySchema, statusSchema } from '../domain/enums';
import { id, isoTime } from '../domain/fields';
import { slaPolicySchema } from '../domain/slaPolicy';
import { command, empty, query } from './common';

const clockSchema = z.strictObject({
  state: z.enum(['running', 'paused', 'met', 'breached']),
  dueAt: isoTime.nullable(),
  elapsedMinutes: z.number(),
  targetMinutes: z.number(),
  /** Business minutes left; negative once breached. */
  remainingMinutes: z.number(),
  fraction: z.number(),
});

export const slaStatusSchema = z.strictObject({
  ticketId: z.int(),
  priority: prioritySchema,
  firstResponse: clockSchema,
  resolution: clockSchema,
  /** The one word for colour: on track, at risk (≥ 75 %), breached, paused, or done. */
  level: z.enum(['onTrack', 'atRisk', 'breached', 'paused', 'done']),
  /** Why the resolution clock stands still, when it does. */
  pausedBy: statusSchema.nullable(),
});
export type SlaStatus = z.infer<typeof slaStatusSchema>;

export const slaContract = {
  'sla.policy.get': query(empty, slaPolicySchema),
  'sla.policy.update': command(z.strictObject({ policy: slaPolicySchema }), slaPolicySchema),
  'sla.status': query(z.strictObject({ id }), slaStatusSchema),
} as const;
