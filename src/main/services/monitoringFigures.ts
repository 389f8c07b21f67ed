import type { Figures } from '../../shared/domain/report';
import { uptimePercent } from '../../shared/domain/monitoringRules';
import { findSystem } from '../queries/directory';
import * as q from '../queries/monitoring';
import type { ServiceContext } from './context';

const DAY = 86_400_000;
/** How far ahead the monthly report warns of certificates ending. */
export const CERTIFICATE_HORIZON_DAYS = 30;

export type MonitoringRisks = {
  /** Certificates ending within the horizon (or ended), soonest first. */
  certificates: { check: string; system: string; expiresAt: string }[];
  /** Systems (any criticality) whose checks were flapping within the range, with the outages in it. */
  flapping: { system: string; outages: number }[];
};

/**
 * What the monitoring gives the reports: the uptime of the critical systems in a period (from the hourly
 * aggregates, over all checks of a system), their outages and flapping (from the state changes in the log), and
 * the certificates about to end.
 */
export function monitoringFigures(ctx: ServiceContext) {
  const checks = () => q.allChecks(ctx.db);
  return {
    availability(range: { from: string; to: string }): Figures['availability'] {
      const bySystem = new Map<number, number[]>();
      for (const { check } of checks())
        bySystem.set(check.systemId, [...(bySystem.get(check.systemId) ?? []), check.id]);
      const uptime = q.uptimeBySystem(ctx.db, range.from, range.to);
      const changes = q.stateChangesBetween(ctx.db, range.from, range.to);
      return [...bySystem]
        .flatMap(([systemId, ids]) => {
          const system = findSystem(ctx.db, systemId);
          if (!system || system.retired || system.criticality !== 'critical') return [];
          const runs = uptime.get(systemId);
          const changed = ids.map((id) => changes.get(id));
          return [
            {
              systemId,
              name: system.name,
              uptime: runs ? uptimePercent(runs.good, runs.runs) : null,
              outages: changed.reduce((n, c) => n + (c?.downs ?? 0), 0),
              flapped: changed.some((c) => c?.flapped),
            },
          ];
        })
        .sort((a, b) => (a.uptime ?? 101) - (b.uptime ?? 101) || a.name.localeCompare(b.name));
    },
    risks(range: { from: string; to: string }): MonitoringRisks {
      const horizon = ctx.now().getTime() + CERTIFICATE_HORIZON_DAYS * DAY;
      const states = q.allStates(ctx.db);
      const certificates = checks().flatMap(({ check }) => {
        const expiresAt = states.get(check.id)?.cert_expires_at ?? null;
        if (!expiresAt || Date.parse(expiresAt) > horizon) return [];
        const system = findSystem(ctx.db, check.systemId);
        return system && !system.retired ? [{ check: check.name, system: system.name, expiresAt }] : [];
      });
      const changes = q.stateChangesBetween(ctx.db, range.from, range.to);
      const flapping = new Map<string, number>();
      for (const { check } of checks()) {
        const changed = changes.get(check.id);
        const system = changed?.flapped ? findSystem(ctx.db, check.systemId) : undefined;
        if (changed && system && !system.retired)
          flapping.set(system.name, (flapping.get(system.name) ?? 0) + changed.downs);
      }
      return {
        certificates: certificates.sort((a, b) => a.expiresAt.localeCompare(b.expiresAt)),
        flapping: [...flapping].map(([system, outages]) => ({ system, outages })),
      };
    },
  };
}
