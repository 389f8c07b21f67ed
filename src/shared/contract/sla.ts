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

export const slaWarningSchema = z.strictObject({
  ticketId: z.int(),
  number: z.string(),
  title: z.string(),
  priority: prioritySchema,
  /** Our clocks, or the provider's (its contract reaction and resolution times) once forwarded. */
  clock: z.enum(['firstResponse', 'resolution', 'mspReaction', 'mspResolution']),
  level: z.enum(['atRisk', 'breached']),
  dueAt: isoTime,
  /** On breach, what could help: a higher tier, or handing the case to the service provider. */
  suggestions: z.array(z.enum(['raiseTier', 'forwardMsp'])),
});
export type SlaWarning = z.infer<typeof slaWarningSchema>;

export const slaContract = {
  'sla.policy.get': query(empty, slaPolicySchema),
  'sla.policy.update': command(z.strictObject({ policy: slaPolicySchema }), slaPolicySchema),
  'sla.status': query(z.strictObject({ id }), slaStatusSchema),
  /**
   * Looks for clocks that crossed 75 % or their deadline since the last look and raises each warning once (timeline
   * event, in-app notice, desktop notification). Run every half minute, on resume from sleep and on a clock jump.
   */
  'sla.check': command(
    empty,
    z.strictObject({
      warnings: z.array(slaWarningSchema),
      /** How many older tickets got their clocks stored in this run (a bounded batch each time). */
      backfilled: z.int(),
    }),
  ),
} as const;
