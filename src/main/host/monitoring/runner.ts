import type { MethodOutput } from '../../../shared/contract';
import type { Check } from '../../../shared/domain/monitoring';
import type { StoreClient } from '../../app/client';
import { cleanMessage, judgeHeartbeat, probe, type ProbeResult } from './probes';

type PlanEntry = MethodOutput<'monitoring.plan'>['entries'][number];

export type RunnerOptions = {
  /** How often the runner looks for due checks. */
  tickMs?: number;
  /** Checks running at the same time at most. */
  concurrency?: number;
  /** A tick later than this (the laptop slept, the clock jumped) starts one catch-up round instead of a burst. */
  jumpMs?: number;
  random?: () => number;
  /** Runs a check; tests and the bench put a fake in. */
  probe?: (check: Check, now: number) => Promise<ProbeResult>;
};

export type Runner = {
  start: () => void;
  stop: () => Promise<void>;
  /** Runs one check now and records the result (the "run now" button). */
  runNow: (id: number) => Promise<void>;
};

/**
 * The monitoring's scheduler, in main (never on the store's thread): each check runs on its interval with a
 * little jitter, at most `concurrency` at a time, and hands its result to the store. After a sleep or a jump of
 * the clock every check runs once, spread over a few seconds: no burst of stale failures.
 */
export function monitoringRunner(store: StoreClient, options: RunnerOptions = {}): Runner {
  const tickMs = options.tickMs ?? 1000;
  const concurrency = options.concurrency ?? 8;
  const jumpMs = options.jumpMs ?? 30_000;
  const random = options.random ?? Math.random;
  const run = options.probe ?? probe;
  let plan = new Map<number, PlanEntry>();
  const nextAt = new Map<number, number>();
  const seenSince = new Map<number, number>();
  const running = new Set<number>();
  const waiting: number[] = [];
  const underWay = new Set<Promise<void>>();
  let timer: ReturnType<typeof setInterval> | null = null;
  let lastTick = Date.now();
  let planDirty = true;
  let planLoading: Promise<void> | null = null;
  let lastPlanAt = 0;
  let unsubscribe: (() => void) | null = null;

  const loadPlan = async () => {
    const { entries } = await store.call('monitoring.plan', {});
    const now = Date.now();
    const next = new Map(entries.map((entry) => [entry.check.id, entry]));
    for (const [id, entry] of next) {
      const before = plan.get(id);
      if (!seenSince.has(id)) seenSince.set(id, now);
      // New or re-timed checks are placed once; a known one keeps its place in the schedule.
      if (!before || before.check.intervalSeconds !== entry.check.intervalSeconds || !nextAt.has(id)) {
        const interval = entry.check.intervalSeconds * 1000;
        const due = entry.lastAt ? Date.parse(entry.lastAt) + interval : now;
        nextAt.set(id, Math.max(now, Math.min(due, now + interval)) + Math.floor(random() * Math.min(interval, 5000)));
      }
    }
    for (const id of plan.keys()) if (!next.has(id)) nextAt.delete(id);
    plan = next;
  };
  const refreshPlan = () => {
    if (planLoading) return planLoading;
    planDirty = false;
    lastPlanAt = Date.now();
    planLoading = loadPlan()
      .catch((error: unknown) => {
        planDirty = true;
        console.warn('[leitstand] monitoring plan failed', error);
      })
      .finally(() => {
        planLoading = null;
      });
    return planLoading;
  };

  const sampleOf = async (entry: PlanEntry, startedAt: number): Promise<ProbeResult | null> => {
    const check = entry.check;
    if (check.target.kind === 'heartbeat')
      return judgeHeartbeat(check.target, entry.lastBeatAt, seenSince.get(check.id) ?? startedAt, startedAt);
    let result = await run(check, startedAt);
    for (let retry = 0; retry < check.retries && result.outcome === 'failed'; retry += 1)
      result = await run(check, Date.now());
    return result;
  };
  const execute = async (entry: PlanEntry) => {
    const startedAt = Date.now();
    try {
      const result = await sampleOf(entry, startedAt);
      if (!result) return;
      await store.call('monitoring.results.record', {
        checkId: entry.check.id,
        sample: { at: new Date(startedAt).toISOString(), ...result, message: cleanMessage(result.message) },
      });
    } catch (error) {
      // A check removed meanwhile, a store that is closing: the next plan sorts it out.
      planDirty = true;
      console.warn('[leitstand] monitoring run failed', entry.check.id, error);
    }
  };
  const pump = () => {
    while (running.size < concurrency && waiting.length) {
      const id = waiting.shift()!;
      const entry = plan.get(id);
      if (!entry || running.has(id)) continue;
      running.add(id);
      const work = execute(entry).finally(() => {
        running.delete(id);
        underWay.delete(work);
        nextAt.set(id, Date.now() + entry.check.intervalSeconds * 1000);
        pump();
      });
      underWay.add(work);
    }
  };
  const tick = () => {
    const now = Date.now();
    const gap = now - lastTick;
    lastTick = now;
    if (gap > jumpMs || gap < 0) {
      // Slept or the clock jumped: one round for everything, spread over a few seconds.
      for (const id of plan.keys()) nextAt.set(id, now + Math.floor(random() * Math.min(5000, jumpMs)));
      planDirty = true;
    }
    if (planDirty && now - lastPlanAt >= 5000) void refreshPlan();
    for (const [id, at] of nextAt) {
      if (at > now || running.has(id) || waiting.includes(id)) continue;
      // Held until it ran; the interval counts from its end.
      nextAt.set(id, Number.POSITIVE_INFINITY);
      waiting.push(id);
    }
    pump();
  };

  return {
    start: () => {
      if (timer) return;
      lastTick = Date.now();
      unsubscribe = store.onChange((change) => {
        if (change.entity === 'monitoring' || change.entity === 'system') planDirty = true;
      });
      void refreshPlan().then(tick);
      timer = setInterval(tick, tickMs);
      timer.unref?.();
    },
    stop: async () => {
      if (timer) clearInterval(timer);
      timer = null;
      unsubscribe?.();
      waiting.length = 0;
      await Promise.allSettled(underWay);
    },
    runNow: async (id) => {
      await refreshPlan();
      const entry = plan.get(id);
      if (!entry) {
        // A disabled check (or one saved while the plan was being read) runs too when asked: its own entry.
        const { check } = await store.call('monitoring.checks.get', { id });
        await execute({ check, lastAt: null, lastBeatAt: null });
        return;
      }
      await execute(entry);
      nextAt.set(id, Date.now() + entry.check.intervalSeconds * 1000);
    },
  };
}
