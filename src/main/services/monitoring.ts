import { randomBytes } from 'node:crypto';
import type { ChangeEvent, MethodOutput, MonitoringAlert, ParsedInput } from '../../shared/contract';
import type { CheckStatus, CheckView } from '../../shared/contract/monitoring';
import type { CheckState } from '../../shared/domain/monitoring';
import type { Status } from '../../shared/domain/enums';
import { isOpen } from '../../shared/domain/status';
import {
  activeMaintenance,
  HOURLY_RETENTION_DAYS,
  initialTracked,
  nextTracked,
  RAW_RETENTION_DAYS,
  uptimePercent,
} from '../../shared/domain/monitoringRules';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../queries/audit';
import { findSystem } from '../queries/directory';
import { findTicketRow } from '../queries/tickets';
import * as q from '../queries/monitoring';
import type { ServiceContext } from './context';
import { monitoringIncidents, type IncidentTickets } from './monitoringIncidents';

const DAY = 86_400_000;
const SPARK = 30;
const worst: Record<CheckState, number> = { down: 3, degraded: 2, unknown: 1, up: 0 };

/**
 * Monitoring: the checks of the directory's systems, their states, runs and incidents. The runs themselves are
 * made in main (host/monitoring); this service takes their results like any caller.
 */
export function monitoringService(ctx: ServiceContext, tickets: IncidentTickets & { timeZone: () => string }) {
  const actor = () => ctx.settings().coordinatorName;
  const incidents = monitoringIncidents(ctx, tickets, tickets.timeZone);
  const event = (kind: string, checkId: number, data: Record<string, unknown>, ticketId: number | null = null) =>
    appendEvent(ctx.db, { ticketId, at: ctx.now().toISOString(), actor: actor(), kind, data: { checkId, ...data } });
  const existing = (id: number) => {
    const stored = q.findCheck(ctx.db, id);
    if (!stored) throw new AppError('not_found', 'not_found_check', { id });
    return stored;
  };
  const changed = (ids: number[]): ChangeEvent[] => [{ entity: 'monitoring', ids }];
  const stateOf = (id: number) => q.stateOf(ctx.db, id) ?? blankState(id);
  const blankState = (id: number): q.StoredState => ({
    check_id: id,
    tracked: initialTracked(ctx.now().toISOString()),
    last_at: null,
    last_outcome: null,
    last_message: '',
    last_latency: null,
    last_beat_at: null,
    cert_expires_at: null,
    ticket_id: null,
    ticket_event_id: null,
    cert_ticket_id: null,
  });
  const maintenanceNow = (systemId: number) =>
    activeMaintenance(q.allMaintenance(ctx.db), systemId, ctx.now(), tickets.timeZone());

  /** What every check's status is read against, gathered once per call (uptimes, states, maintenance windows). */
  type Snapshot = {
    day: Map<number, q.UptimeRow>;
    week: Map<number, q.UptimeRow>;
    month: Map<number, q.UptimeRow>;
    states: Map<number, q.StoredState>;
    windows: ReturnType<typeof q.allMaintenance>;
  };
  const snapshot = (): Snapshot => {
    const since = (days: number) => new Date(ctx.now().getTime() - days * DAY).toISOString();
    return {
      day: q.uptimeSince(ctx.db, since(1)),
      week: q.uptimeSince(ctx.db, since(7)),
      month: q.uptimeSince(ctx.db, since(30)),
      states: q.allStates(ctx.db),
      windows: q.allMaintenance(ctx.db),
    };
  };
  const statusOf = (stored: q.StoredCheck, snap: Snapshot): CheckStatus => {
    const id = stored.check.id;
    const state = snap.states.get(id) ?? blankState(id);
    const percent = (row: q.UptimeRow | undefined) => (row ? uptimePercent(row.good, row.runs) : null);
    const ticket = state.ticket_id === null ? undefined : findTicketRow(ctx.db, state.ticket_id);
    return {
      state: state.tracked.state,
      flapping: state.tracked.flapping,
      since: state.tracked.since,
      lastAt: state.last_at,
      lastOutcome: state.last_outcome,
      lastMessage: state.last_message,
      latencyMs: state.last_latency,
      sparkline: q.lastSamples(ctx.db, id, SPARK).map((s) => (s.outcome === 'failed' ? null : s.latency_ms)),
      uptime: { day: percent(snap.day.get(id)), week: percent(snap.week.get(id)), month: percent(snap.month.get(id)) },
      ticketId: ticket && isOpen(ticket.status as Status) ? ticket.id : null,
      maintenance: activeMaintenance(snap.windows, stored.check.systemId, ctx.now(), tickets.timeZone())?.title ?? null,
      certExpiresAt: state.cert_expires_at,
    };
  };
  const view = (stored: q.StoredCheck, snap = snapshot()): CheckView => ({
    check: stored.check,
    status: statusOf(stored, snap),
    heartbeatPath: stored.secret ? `/heartbeat/${stored.secret}` : null,
  });
  const liveSystem = (id: number) => {
    const system = findSystem(ctx.db, id);
    if (!system || system.retired) throw new AppError('invalid_input', 'monitoring_system_unknown', { id });
    return system;
  };

  const record = ({ checkId, sample }: ParsedInput<'monitoring.results.record'>) => {
    let alert: MonitoringAlert | null = null;
    const result = ctx.write(
      () => {
        const stored = existing(checkId);
        const system = liveSystem(stored.check.systemId);
        const state = stateOf(checkId);
        const before = state.tracked;
        const { tracked, transition } = nextTracked(before, sample, stored.check);
        q.insertSample(ctx.db, checkId, sample);
        const maintenance = maintenanceNow(system.id);
        Object.assign(state, {
          tracked,
          last_at: sample.at,
          last_outcome: sample.outcome,
          last_message: sample.message,
          last_latency: sample.latencyMs,
        });
        alert = incidents.follow(stored.check, system, state, sample, transition, maintenance !== undefined);
        // Every state change is in the log, on the incident's ticket when there is one.
        const ticketCurrent =
          state.ticket_id !== null && q.lastEventOf(ctx.db, state.ticket_id) === state.ticket_event_id;
        if (before.state !== tracked.state || before.flapping !== tracked.flapping) {
          event(
            'monitoring.state',
            checkId,
            {
              name: stored.check.name,
              from: before.state,
              to: tracked.state,
              flapping: tracked.flapping,
              message: sample.message,
              ...(maintenance ? { maintenance: maintenance.title } : {}),
            },
            state.ticket_id,
          );
          if (ticketCurrent) state.ticket_event_id = q.lastEventOf(ctx.db, state.ticket_id!);
        }
        incidents.certificate(stored.check, system, state, sample);
        q.saveState(ctx.db, state);
        return { state: tracked.state, ticketId: state.ticket_id };
      },
      (): ChangeEvent[] => [
        ...changed([checkId]),
        ...(alert ? [{ entity: 'monitoringAlert' as const, ids: [checkId], alerts: [alert] }] : []),
      ],
    );
    return { state: result.state, ticketId: result.ticketId };
  };

  const save = ({ check }: ParsedInput<'monitoring.checks.save'>): CheckView =>
    ctx.write(
      () => {
        liveSystem(check.systemId);
        const at = ctx.now().toISOString();
        const previous = check.id === 0 ? undefined : existing(check.id);
        // A heartbeat check gets its secret once; it stays when the check is edited (the job keeps calling it).
        const secret =
          check.target.kind === 'heartbeat' ? (previous?.secret ?? randomBytes(18).toString('base64url')) : null;
        const id = previous ? check.id : q.insertCheck(ctx.db, check, secret, at);
        if (previous) q.updateCheck(ctx.db, check, secret, at);
        event(previous ? 'monitoring.check.updated' : 'monitoring.check.created', id, {
          name: check.name,
          kind: check.target.kind,
        });
        return view(existing(id));
      },
      (saved) => changed([saved.check.id]),
    );

  return {
    handlers: {
      'monitoring.checks.list': ({ systemId }: ParsedInput<'monitoring.checks.list'>) => {
        const snap = snapshot();
        return { checks: q.allChecks(ctx.db, systemId).map((stored) => view(stored, snap)) };
      },
      'monitoring.checks.get': ({ id }: ParsedInput<'monitoring.checks.get'>) => view(existing(id)),
      'monitoring.checks.save': save,
      'monitoring.checks.remove': ({ id }: ParsedInput<'monitoring.checks.remove'>) =>
        ctx.write(
          () => {
            const stored = existing(id);
            q.deleteCheck(ctx.db, id);
            event('monitoring.check.removed', id, { name: stored.check.name });
            return { id, removed: true as const };
          },
          () => changed([id]),
        ),
      'monitoring.status': (): MethodOutput<'monitoring.status'> => monitoringStatus(),
      'monitoring.history': (input: ParsedInput<'monitoring.history'>): MethodOutput<'monitoring.history'> => {
        existing(input.id);
        const rawFrom = ctx.now().getTime() - RAW_RETENTION_DAYS * DAY;
        const raw = input.resolution === 'raw' || (input.resolution === 'auto' && Date.parse(input.from) >= rawFrom);
        if (raw)
          return {
            resolution: 'raw',
            hours: [],
            samples: q.samplesBetween(ctx.db, input.id, input.from, input.to).map((s) => ({
              at: s.at,
              outcome: s.outcome,
              latencyMs: s.latency_ms,
              message: s.message,
            })),
          };
        return {
          resolution: 'hourly',
          samples: [],
          hours: q.hoursBetween(ctx.db, input.id, input.from, input.to).map((h) => ({
            hour: h.hour,
            runs: h.runs,
            good: h.good,
            latencyAvg: h.latency_runs ? Math.round(h.latency_sum / h.latency_runs) : null,
            latencyMax: h.latency_max,
          })),
        };
      },
      'monitoring.maintenance.list': () => ({ windows: q.allMaintenance(ctx.db) }),
      'monitoring.maintenance.save': ({ maintenance }: ParsedInput<'monitoring.maintenance.save'>) =>
        ctx.write(
          () => {
            if (maintenance.systemId !== 0) liveSystem(maintenance.systemId);
            const id = q.saveMaintenance(ctx.db, maintenance, ctx.now().toISOString());
            if (id === 0) throw new AppError('not_found', 'not_found_maintenance', { id: maintenance.id });
            event('monitoring.maintenance.saved', 0, { id, title: maintenance.title, window: maintenance.window });
            return { ...maintenance, id };
          },
          () => changed([]),
        ),
      'monitoring.maintenance.remove': ({ id }: ParsedInput<'monitoring.maintenance.remove'>) =>
        ctx.write(
          () => {
            if (!q.deleteMaintenance(ctx.db, id)) throw new AppError('not_found', 'not_found_maintenance', { id });
            event('monitoring.maintenance.removed', 0, { id });
            return { id, removed: true as const };
          },
          () => changed([]),
        ),
      'monitoring.plan': (): MethodOutput<'monitoring.plan'> => {
        const states = q.allStates(ctx.db);
        const live = new Map<number, boolean>();
        const isLive = (systemId: number) => {
          if (!live.has(systemId)) live.set(systemId, findSystem(ctx.db, systemId)?.retired === false);
          return live.get(systemId)!;
        };
        return {
          entries: q
            .allChecks(ctx.db)
            .filter(({ check }) => check.enabled && isLive(check.systemId))
            .map(({ check }) => ({
              check,
              lastAt: states.get(check.id)?.last_at ?? null,
              lastBeatAt: states.get(check.id)?.last_beat_at ?? null,
            })),
        };
      },
      'monitoring.results.record': record,
      'monitoring.heartbeat': ({ secret }: ParsedInput<'monitoring.heartbeat'>) =>
        ctx.write(
          () => {
            const stored = q.checkBySecret(ctx.db, secret);
            if (!stored) throw new AppError('not_found', 'monitoring_heartbeat_unknown');
            const at = ctx.now().toISOString();
            const state = stateOf(stored.check.id);
            state.last_beat_at = at;
            q.saveState(ctx.db, state);
            return { checkId: stored.check.id, at };
          },
          (beat) => changed([beat.checkId]),
        ),
      'monitoring.retention.run': () =>
        ctx.write(
          () => {
            const now = ctx.now().getTime();
            return {
              samples: q.pruneSamples(ctx.db, new Date(now - RAW_RETENTION_DAYS * DAY).toISOString()),
              hours: q.pruneHours(ctx.db, new Date(now - HOURLY_RETENTION_DAYS * DAY).toISOString()),
            };
          },
          (pruned) => (pruned.samples + pruned.hours ? changed([]) : []),
        ),
    },
  };

  function monitoringStatus(): MethodOutput<'monitoring.status'> {
    const snap = snapshot();
    const bySystem = new Map<number, CheckView[]>();
    for (const stored of q.allChecks(ctx.db)) {
      const list = bySystem.get(stored.check.systemId) ?? [];
      list.push(view(stored, snap));
      bySystem.set(stored.check.systemId, list);
    }
    const now = ctx.now().getTime();
    const systems = [...bySystem].flatMap(([systemId, checks]) => {
      const system = findSystem(ctx.db, systemId);
      if (!system || system.retired) return [];
      const enabled = checks.filter((c) => c.check.enabled);
      const state = enabled.reduce<CheckState>(
        (acc, c) => (worst[c.status.state] > worst[acc] ? c.status.state : acc),
        enabled.length ? 'up' : 'unknown',
      );
      return [{ id: system.id, name: system.name, criticality: system.criticality, state, checks }];
    });
    systems.sort((a, b) => worst[b.state] - worst[a.state] || a.name.localeCompare(b.name));
    const certificates = systems
      .flatMap((s) =>
        s.checks.flatMap((c) =>
          c.status.certExpiresAt
            ? [
                {
                  checkId: c.check.id,
                  systemName: s.name,
                  name: c.check.name,
                  expiresAt: c.status.certExpiresAt,
                  days: Math.floor((Date.parse(c.status.certExpiresAt) - now) / DAY),
                },
              ]
            : [],
        ),
      )
      .sort((a, b) => a.days - b.days);
    const criticalDown = systems
      .filter((s) => s.criticality === 'critical' && s.state === 'down')
      .map((s) => ({
        id: s.id,
        name: s.name,
        since:
          s.checks
            .filter((c) => c.status.state === 'down')
            .map((c) => c.status.since)
            .sort()[0] ?? '',
      }));
    return { systems, certificates, criticalDown, maintenance: snap.windows };
  }
}
