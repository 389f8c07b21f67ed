import type { Figures } from '../../shared/domain/report';
import { uptimePercent } from '../../shared/domain/monitoringRules';
import type { DirectorySystem } from '../../shared/domain/directory';
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
  /** Every check with its system, each system read once; checks of retired or removed systems left out. */
  const liveChecks = () => {
    const systems = new Map<number, DirectorySystem | undefined>();
    return q.allChecks(ctx.db).flatMap(({ check }) => {
      if (!systems.has(check.systemId)) systems.set(check.systemId, findSystem(ctx.db, check.systemId));
      const system = systems.get(check.systemId);
      return system && !system.retired ? [{ check, system }] : [];
    });
  };
  return {
    availability(range: { from: string; to: string }): Figures['availability'] {
      const critical = new Map<number, { name: string; checkIds: number[] }>();
      for (const { check, system } of liveChecks()) {
        if (system.criticality !== 'critical') continue;
        const entry = critical.get(system.id) ?? { name: system.name, checkIds: [] };
        entry.checkIds.push(check.id);
        critical.set(system.id, entry);
      }
      const uptime = q.uptimeBySystem(ctx.db, range.from, range.to);
      const changes = q.stateChangesBetween(ctx.db, range.from, range.to);
      return [...critical]
        .map(([systemId, { name, checkIds }]) => {
          const runs = uptime.get(systemId);
          const changed = checkIds.map((id) => changes.get(id));
          return {
            systemId,
            name,
            uptime: runs ? uptimePercent(runs.good, runs.runs) : null,
            outages: changed.reduce((n, c) => n + (c?.downs ?? 0), 0),
            flapped: changed.some((c) => c?.flapped),
          };
        })
        .sort((a, b) => (a.uptime ?? 101) - (b.uptime ?? 101) || a.name.localeCompare(b.name));
    },
    risks(range: { from: string; to: string }): MonitoringRisks {
      const horizon = ctx.now().getTime() + CERTIFICATE_HORIZON_DAYS * DAY;
      const states = q.allStates(ctx.db);
      const changes = q.stateChangesBetween(ctx.db, range.from, range.to);
      const certificates: MonitoringRisks['certificates'] = [];
      const flapping = new Map<string, number>();
      for (const { check, system } of liveChecks()) {
        const expiresAt = states.get(check.id)?.cert_expires_at ?? null;
        if (expiresAt && Date.parse(expiresAt) <= horizon)
          certificates.push({ check: check.name, system: system.name, expiresAt });
        const changed = changes.get(check.id);
        if (changed?.flapped) flapping.set(system.name, (flapping.get(system.name) ?? 0) + changed.downs);
      }
      return {
        certificates: certificates.sort((a, b) => a.expiresAt.localeCompare(b.expiresAt)),
        flapping: [...flapping].map(([system, outages]) => ({ system, outages })),
      };
    },
  };
}
