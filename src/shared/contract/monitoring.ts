import { z } from 'zod';
import { criticalitySchema } from '../domain/directory';
import { id, isoTime } from '../domain/fields';
import { checkSchema, checkStateSchema, maintenanceSchema, sampleSchema } from '../domain/monitoring';
import { rule } from '../domain/rule';
import { command, empty, query } from './common';

/** A check with what the desk knows of it now. */
export const checkStatusSchema = z.strictObject({
  state: checkStateSchema,
  flapping: z.boolean(),
  since: isoTime,
  lastAt: isoTime.nullable(),
  lastOutcome: sampleSchema.shape.outcome.nullable(),
  lastMessage: z.string(),
  latencyMs: z.int().nullable(),
  /** The latencies of the last runs, oldest first (null: failed run). */
  sparkline: z.array(z.int().nullable()),
  uptime: z.strictObject({ day: z.number().nullable(), week: z.number().nullable(), month: z.number().nullable() }),
  /** The open incident of this check, if any. */
  ticketId: id.nullable(),
  /** The maintenance window holding its failures back now. */
  maintenance: z.string().nullable(),
  certExpiresAt: isoTime.nullable(),
});
export type CheckStatus = z.infer<typeof checkStatusSchema>;

const checkView = z.strictObject({
  check: checkSchema,
  status: checkStatusSchema,
  /** The path a job calls for a heartbeat check (POST), else null. */
  heartbeatPath: z.string().nullable(),
});
export type CheckView = z.infer<typeof checkView>;

const historySample = sampleSchema.pick({ at: true, outcome: true, latencyMs: true, message: true });
const historyHour = z.strictObject({
  hour: isoTime,
  runs: z.int(),
  good: z.int(),
  latencyAvg: z.int().nullable(),
  latencyMax: z.int().nullable(),
});

/** What the runner needs of each enabled check to plan its runs. */
const planEntry = z.strictObject({ check: checkSchema, lastAt: isoTime.nullable(), lastBeatAt: isoTime.nullable() });

export const monitoringContract = {
  'monitoring.checks.list': query(
    z.strictObject({ systemId: id.optional() }),
    z.strictObject({ checks: z.array(checkView) }),
  ),
  'monitoring.checks.get': query(z.strictObject({ id }), checkView),
  'monitoring.checks.save': command(z.strictObject({ check: checkSchema }), checkView),
  'monitoring.checks.remove': command(z.strictObject({ id }), z.strictObject({ id, removed: z.literal(true) })),
  /** Runs a check at once (in main) and records its result like a scheduled run. */
  'monitoring.checks.runNow': command(z.strictObject({ id }), checkView),
  /** Every system with checks, their states, the certificates by expiry, and which critical systems are down. */
  'monitoring.status': query(
    empty,
    z.strictObject({
      systems: z.array(
        z.strictObject({
          id,
          name: z.string(),
          criticality: criticalitySchema,
          state: checkStateSchema,
          checks: z.array(checkView),
        }),
      ),
      certificates: z.array(
        z.strictObject({ checkId: id, systemName: z.string(), name: z.string(), expiresAt: isoTime, days: z.int() }),
      ),
      criticalDown: z.array(z.strictObject({ id, name: z.string(), since: isoTime })),
      maintenance: z.array(maintenanceSchema),
    }),
  ),
  /** Raw runs for periods within the last 7 days, hourly aggregates beyond (or when asked). */
  'monitoring.history': query(
    z
      .strictObject({
        id,
        from: isoTime,
        to: isoTime,
        resolution: z.enum(['auto', 'raw', 'hourly']).default('auto'),
      })
      .refine((input) => Date.parse(input.from) < Date.parse(input.to), {
        ...rule('rule_monitoring_period', 'the period ends before it starts'),
        path: ['to'],
      }),
    z.strictObject({
      resolution: z.enum(['raw', 'hourly']),
      samples: z.array(historySample),
      hours: z.array(historyHour),
    }),
  ),
  'monitoring.maintenance.list': query(empty, z.strictObject({ windows: z.array(maintenanceSchema) })),
  'monitoring.maintenance.save': command(z.strictObject({ maintenance: maintenanceSchema }), maintenanceSchema),
  'monitoring.maintenance.remove': command(z.strictObject({ id }), z.strictObject({ id, removed: z.literal(true) })),
  /** The runner's plan: every enabled check with when it last ran. */
  'monitoring.plan': query(empty, z.strictObject({ entries: z.array(planEntry) })),
  /** The runner hands in one run's result; the state machine and the incidents follow. */
  'monitoring.results.record': command(
    z.strictObject({ checkId: id, sample: sampleSchema }),
    z.strictObject({ state: checkStateSchema, ticketId: id.nullable() }),
  ),
  /** A job's heartbeat, by the check's secret (the HTTP route POST /heartbeat/<secret> calls this). */
  'monitoring.heartbeat': command(
    z.strictObject({ secret: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }),
    z.strictObject({ checkId: id, at: isoTime }),
    1024,
  ),
  /** Drops raw runs older than 7 days and hourly aggregates older than 13 months. */
  'monitoring.retention.run': command(empty, z.strictObject({ samples: z.int(), hours: z.int() })),
} as const;
