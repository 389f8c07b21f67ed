import { DateTime } from 'luxon';
import { REPORT_ZONE } from '../../shared/domain/report';
import type { Db } from '../store/database';
import * as q from '../queries/reports';

const RANKS = 4;
/** Whole months kept (two periods of five years, with room): the oldest used goes first. */
const MAX_MONTHS = 130;

/**
 * A clock's part of a stretch of tickets, per priority rank: outcomes of the clocks that stopped, the deadlines of
 * those still running (sorted: whether they passed depends on the end asked for), business times of the stopped.
 */
type ClockPart = { met: number[]; breached: number[]; runningDue: Float64Array[]; times: number[][] };
export type Dimension = { priority: number; category: string | null; channel: string; department: string; n: number };

/** The figures of a stretch of time that do not depend on when they are asked for: summed across stretches. */
export type Part = {
  dimensions: Map<string, Dimension>;
  first: ClockPart;
  tiers: Map<string, number>;
  resolution: ClockPart;
  reopened: number;
  /** When the tickets resolved here passed a checklist gate with steps open (ISO, sorted). */
  overrides: string[];
  systems: Map<number, number>;
};

function clockPart(rows: readonly { rank: number; state: string | null; due: number | null; ms: number | null }[]) {
  const part: ClockPart = { met: [0, 0, 0, 0], breached: [0, 0, 0, 0], runningDue: [], times: [[], [], [], []] };
  const running: number[][] = [[], [], [], []];
  for (const { rank, state, due, ms } of rows) {
    const i = rank - 1;
    if (i < 0 || i >= RANKS) continue;
    if (due !== null) {
      // A paused clock has no outcome yet, whatever the end.
      if (state !== 'paused') running[i]?.push(due);
    } else if (state === 'met' || state === 'breached') {
      const counts = state === 'met' ? part.met : part.breached;
      counts[i] = (counts[i] ?? 0) + 1;
      if (ms !== null) part.times[i]?.push(ms);
    }
  }
  part.runningDue = running.map((dues) => Float64Array.from(dues).sort());
  return part;
}

/** Reads the part of [from, to) from the facts' covering indexes. */
export function readPart(db: Db, range: { from: string; to: string }): Part {
  const created = q.createdFacts(db, range);
  const resolved = q.resolvedFacts(db, range);
  const dimensions = new Map<string, Dimension>();
  for (const [priority, category, channel, department] of created) {
    const key = `${priority}\u0000${category ?? '\u0001'}\u0000${channel}\u0000${department}`;
    const entry = dimensions.get(key);
    if (entry) entry.n += 1;
    else dimensions.set(key, { priority, category, channel, department, n: 1 });
  }
  const tiers = new Map<string, number>();
  let reopened = 0;
  const overrides: string[] = [];
  for (const [, tier, , , , wasReopened, overrideAt] of resolved) {
    tiers.set(tier, (tiers.get(tier) ?? 0) + 1);
    reopened += wasReopened ? 1 : 0;
    if (overrideAt !== null) overrides.push(overrideAt);
  }
  return {
    dimensions,
    first: clockPart(created.map(([rank, , , , state, due, ms]) => ({ rank, state, due, ms }))),
    tiers,
    resolution: clockPart(resolved.map(([rank, , state, due, ms]) => ({ rank, state, due, ms }))),
    reopened,
    overrides: overrides.sort(),
    systems: new Map(q.systemCounts(db, range).map((r) => [r.ref_id, r.n])),
  };
}

/** The stretches of [start, end): whole Berlin months by their `yyyy-MM`, the rest (a period's edges) as they are. */
export function stretches(start: number, end: number): { from: number; to: number; month: string | null }[] {
  const out: { from: number; to: number; month: string | null }[] = [];
  let at = DateTime.fromMillis(start, { zone: REPORT_ZONE });
  while (at.toMillis() < end) {
    const monthStart = at.startOf('month');
    const next = monthStart.plus({ months: 1 });
    const to = Math.min(next.toMillis(), end);
    const whole = at.toMillis() === monthStart.toMillis() && to === next.toMillis();
    out.push({ from: at.toMillis(), to, month: whole ? monthStart.toFormat('yyyy-MM') : null });
    at = DateTime.fromMillis(to, { zone: REPORT_ZONE });
  }
  return out;
}

/** Of sorted values, how many are below the bound. */
function countBelow(sorted: Float64Array | readonly string[], bound: number | string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? bound) < bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What the dashboard counts of a period, summed from its parts as of `until` (the period's end, or now). */
export type Combined = {
  dimensions: Dimension[];
  tiers: Map<string, number>;
  /** Per clock and rank: met and breached as of `until`. */
  outcomes: Record<'first' | 'resolution', { met: number; breached: number }[]>;
  times: Record<'first' | 'resolution', number[][]>;
  systems: Map<number, number>;
  reopened: number;
  overridden: number;
};

export function combine(parts: readonly Part[], range: { from: string; to: string }, until: number): Combined {
  const dimensions = new Map<string, Dimension>();
  const tiers = new Map<string, number>();
  const systems = new Map<number, number>();
  const blank = () => Array.from({ length: RANKS }, () => ({ met: 0, breached: 0 }));
  const outcomes = { first: blank(), resolution: blank() };
  const times: Combined['times'] = { first: [[], [], [], []], resolution: [[], [], [], []] };
  let reopened = 0;
  let overridden = 0;
  for (const part of parts) {
    for (const [key, d] of part.dimensions) {
      const entry = dimensions.get(key);
      if (entry) entry.n += d.n;
      else dimensions.set(key, { ...d });
    }
    for (const [tier, n] of part.tiers) tiers.set(tier, (tiers.get(tier) ?? 0) + n);
    for (const [id, n] of part.systems) systems.set(id, (systems.get(id) ?? 0) + n);
    for (const clock of ['first', 'resolution'] as const)
      for (let i = 0; i < RANKS; i += 1) {
        const o = outcomes[clock][i];
        if (!o) continue;
        // A clock still running whose deadline passed before the end is breached by then.
        const due = part[clock].runningDue[i];
        o.met += part[clock].met[i] ?? 0;
        o.breached += (part[clock].breached[i] ?? 0) + (due ? countBelow(due, until) : 0);
        for (const ms of part[clock].times[i] ?? []) times[clock][i]?.push(ms);
      }
    reopened += part.reopened;
    overridden += countBelow(part.overrides, range.to) - countBelow(part.overrides, range.from);
  }
  return { dimensions: [...dimensions.values()], tiers, outcomes, times, systems, reopened, overridden };
}

/**
 * The parts of whole months, kept while the month's version (bumped by triggers with every change to its facts,
 * migration 018) holds: a year asks SQLite only for the months that changed since it was last counted.
 */
export function partCache(db: Db) {
  const kept = new Map<string, { version: number; part: Part }>();
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    parts(start: number, end: number): Part[] {
      const list = stretches(start, end);
      const months = list.flatMap((s) => (s.month ? [s.month] : []));
      const versions = months.length
        ? q.monthVersions(db, months[0] ?? '', months[months.length - 1] ?? '')
        : new Map<string, number>();
      return list.map((s) => {
        const range = { from: iso(s.from), to: iso(s.to) };
        if (!s.month) return readPart(db, range);
        const version = versions.get(s.month) ?? 0;
        const hit = kept.get(s.month);
        // Taken out and put back: the map's order is the order of use.
        kept.delete(s.month);
        const part = hit && hit.version === version ? hit.part : readPart(db, range);
        kept.set(s.month, { version, part });
        if (kept.size > MAX_MONTHS) kept.delete(kept.keys().next().value ?? '');
        return part;
      });
    },
  };
}
