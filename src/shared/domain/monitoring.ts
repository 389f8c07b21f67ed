import { z } from 'zod';
import { id, isoTime, line, requiredLine } from './fields';
import { rule } from './rule';

/**
 * A host name as DNS allows it (labels of letters, digits and hyphens), or an IPv4/IPv6 address. Refused before
 * anything is sent: a check never resolves or connects to something mistyped.
 */
const hostNamePattern = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*\.?$/i;
export const hostSchema = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .refine(
    (value) =>
      hostNamePattern.test(value) ||
      z.ipv4().safeParse(value).success ||
      z.ipv6().safeParse(value.replace(/^\[|\]$/g, '')).success,
    rule('rule_monitoring_host', 'not a host name or IP address'),
  );
/** Where the desktop app takes heartbeats (the headless host takes them on its own port). */
export const DESKTOP_HEARTBEAT_PORT = 48_500;

export const portSchema = z.int().min(1).max(65_535);

const httpUrl = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !url.username;
      } catch {
        return false;
      }
    },
    rule('rule_monitoring_url', 'not an http(s) address'),
  );

/** What a check looks at, by kind. */
export const checkTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('http'),
    url: httpUrl,
    /** Accepted status codes, from–to (200–399: a success, or a redirect that ends the chain). */
    statusMin: z.int().min(100).max(599).default(200),
    statusMax: z.int().min(100).max(599).default(399),
    /** A word the body must contain ('' none); only the first megabyte is read. */
    keyword: line(200).default(''),
    /** Slower than this is degraded (0: no threshold). */
    slowMs: z.int().min(0).max(120_000).default(0),
    followRedirects: z.boolean().default(true),
  }),
  z.strictObject({ kind: z.literal('tcp'), host: hostSchema, port: portSchema }),
  z.strictObject({
    kind: z.literal('tls'),
    host: hostSchema,
    port: portSchema.default(443),
    /** A certificate expiring within this many days opens a planned task. */
    warnDays: z.int().min(1).max(365).default(14),
  }),
  z.strictObject({
    kind: z.literal('dns'),
    name: hostSchema,
    /** The address it must resolve to ('' any). */
    expect: z.union([z.literal(''), z.ipv4(), z.ipv6()]).default(''),
  }),
  z.strictObject({ kind: z.literal('ping'), host: hostSchema }),
  /** A job calls POST /heartbeat/<secret>; silence longer than period + grace is a failure. */
  z.strictObject({
    kind: z.literal('heartbeat'),
    periodMinutes: z.int().min(1).max(10_080).default(1440),
    graceMinutes: z.int().min(0).max(1440).default(60),
  }),
  /** The newest file in a folder (e.g. the backup share) must be younger than `maxAgeHours`. */
  z.strictObject({
    kind: z.literal('file'),
    folder: requiredLine(1000),
    /** Only names containing this ('' any file). */
    nameContains: line(200).default(''),
    maxAgeHours: z.int().min(1).max(8760).default(26),
  }),
]);
export type CheckTarget = z.infer<typeof checkTargetSchema>;
export type CheckKind = CheckTarget['kind'];
export const checkKinds: readonly CheckKind[] = ['http', 'tcp', 'tls', 'dns', 'ping', 'heartbeat', 'file'];

export const checkSchema = z
  .strictObject({
    /** 0 for a new check. */
    id: z.int().nonnegative().default(0),
    systemId: id,
    name: requiredLine(120),
    enabled: z.boolean().default(true),
    target: checkTargetSchema,
    intervalSeconds: z.int().min(10).max(86_400).default(60),
    timeoutSeconds: z.int().min(1).max(120).default(10),
    /** Tries again at once before a run counts as failed. */
    retries: z.int().min(0).max(5).default(0),
    /** Consecutive failed runs before the check is down. */
    downAfter: z.int().min(1).max(20).default(2),
    /** Consecutive good runs before a down check is up again. */
    upAfter: z.int().min(1).max(20).default(1),
    /** More state changes than this within an hour: flapping (one incident, held open). */
    flapLimit: z.int().min(2).max(60).default(6),
    /** Recovery resolves the incident when nobody touched the ticket. */
    autoResolve: z.boolean().default(true),
  })
  .refine((check) => check.timeoutSeconds < check.intervalSeconds, {
    ...rule('rule_monitoring_timeout', 'the timeout must be shorter than the interval'),
    path: ['timeoutSeconds'],
  })
  .refine((check) => check.target.kind !== 'http' || check.target.statusMin <= check.target.statusMax, {
    ...rule('rule_monitoring_status_range', 'the lowest status code is above the highest'),
    path: ['target', 'statusMin'],
  });
export type Check = z.infer<typeof checkSchema>;
export type CheckInput = z.input<typeof checkSchema>;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, rule('rule_clock_time', 'not a time (HH:MM)'));

/** A time during which failures open nothing: one-off (a planned change) or weekly (the Sunday patch night). */
export const maintenanceSchema = z
  .strictObject({
    id: z.int().nonnegative().default(0),
    /** The system it covers (all its checks), or 0 for every system. */
    systemId: z.int().nonnegative().default(0),
    title: requiredLine(200),
    window: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('once'), from: isoTime, to: isoTime }),
      z.strictObject({
        kind: z.literal('weekly'),
        /** ISO weekdays, 1 Monday … 7 Sunday. */
        days: z.array(z.int().min(1).max(7)).min(1).max(7),
        start: clockTime,
        end: clockTime,
      }),
    ]),
  })
  .refine((m) => m.window.kind !== 'once' || Date.parse(m.window.from) < Date.parse(m.window.to), {
    ...rule('rule_monitoring_window_order', 'the window ends before it starts'),
    path: ['window', 'to'],
  });
export type Maintenance = z.infer<typeof maintenanceSchema>;
export type MaintenanceInput = z.input<typeof maintenanceSchema>;

export const checkStateSchema = z.enum(['up', 'degraded', 'down', 'unknown']);
export type CheckState = z.infer<typeof checkStateSchema>;

/** One run of a check, as the runner measured it. */
export const sampleSchema = z.strictObject({
  at: isoTime,
  /** ok: all fine; degraded: answered but slow or a certificate expiring soon; failed: not working. */
  outcome: z.enum(['ok', 'degraded', 'failed']),
  latencyMs: z.int().min(0).max(3_600_000).nullable(),
  /** What was seen, in plain words of the check ("HTTP 503", "connection refused", "expires in 9 days"). */
  message: line(500),
  /** A certificate's end (TLS checks and https). */
  certExpiresAt: isoTime.nullable().default(null),
});
export type Sample = z.infer<typeof sampleSchema>;
