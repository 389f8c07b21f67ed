import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreClient } from '../../../src/main/app/client';
import { monitoringRunner } from '../../../src/main/host/monitoring/runner';
import type { ProbeResult } from '../../../src/main/host/monitoring/probes';
import { checkSchema, type Check } from '../../../src/shared/domain/monitoring';

type Recorded = { checkId: number; at: string; outcome: string };

/** A store that answers the plan and takes results: what the runner talks to. */
function fakeStore(checks: Check[]) {
  const recorded: Recorded[] = [];
  const store = {
    call: async (method: string, input: { checkId: number; sample: { at: string; outcome: string } }) => {
      if (method === 'monitoring.plan')
        return { entries: checks.map((check) => ({ check, lastAt: null, lastBeatAt: null })) };
      if (method === 'monitoring.results.record') {
        recorded.push({ checkId: input.checkId, at: input.sample.at, outcome: input.sample.outcome });
        return { state: 'up', ticketId: null };
      }
      throw new Error(`unexpected ${method}`);
    },
    onChange: () => () => {},
  } as unknown as StoreClient;
  return { store, recorded };
}

const checks = (count: number, intervalSeconds = 60) =>
  Array.from({ length: count }, (_, i) =>
    checkSchema.parse({
      id: i + 1,
      systemId: 1,
      name: `Check ${i + 1}`,
      target: { kind: 'tcp', host: '127.0.0.1', port: 1 },
      intervalSeconds,
      timeoutSeconds: 5,
    }),
  );
const ok: ProbeResult = { outcome: 'ok', latencyMs: 1, message: 'port 1 open', certExpiresAt: null };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearInterval', 'clearTimeout', 'Date'] });
  vi.setSystemTime(new Date('2026-11-23T08:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('monitoring runner', () => {
  it('runs each check once per interval, with jitter, never more than the concurrency limit at once', async () => {
    const { store, recorded } = fakeStore(checks(20));
    let running = 0;
    let most = 0;
    const runner = monitoringRunner(store, {
      concurrency: 4,
      random: () => 0.5,
      probe: async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 200));
        running -= 1;
        return ok;
      },
    });
    runner.start();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    await runner.stop();
    expect(most).toBe(4);
    const perCheck = new Map<number, number>();
    for (const r of recorded) perCheck.set(r.checkId, (perCheck.get(r.checkId) ?? 0) + 1);
    // Ten minutes at one run a minute (the interval counts from the end of a run): 9 or 10 each, no more.
    for (const count of perCheck.values()) expect(count).toBeGreaterThanOrEqual(9);
    for (const count of perCheck.values()) expect(count).toBeLessThanOrEqual(10);
    expect(perCheck.size).toBe(20);
  });

  it('after a night of sleep runs every check once, not once per missed interval', async () => {
    const { store, recorded } = fakeStore(checks(5));
    const runner = monitoringRunner(store, { random: () => 0, probe: async () => ok });
    runner.start();
    await vi.advanceTimersByTimeAsync(61_000);
    const beforeSleep = recorded.length;
    expect(beforeSleep).toBe(10);
    // The laptop sleeps 8 hours: timers do not fire, the clock jumps.
    vi.setSystemTime(Date.now() + 8 * 3_600_000);
    await vi.advanceTimersByTimeAsync(6_000);
    const caughtUp = recorded.slice(beforeSleep);
    expect(caughtUp).toHaveLength(5);
    expect(new Set(caughtUp.map((r) => r.checkId)).size).toBe(5);
    await runner.stop();
  });

  it('a clock set back does not stop the checks', async () => {
    const { store, recorded } = fakeStore(checks(2));
    const runner = monitoringRunner(store, { random: () => 0, probe: async () => ok });
    runner.start();
    await vi.advanceTimersByTimeAsync(1_000);
    vi.setSystemTime(Date.now() - 3_600_000);
    await vi.advanceTimersByTimeAsync(125_000);
    await runner.stop();
    expect(recorded.length).toBeGreaterThanOrEqual(6);
  });

  it('keeps running when a probe throws or the store refuses a result', async () => {
    const { store, recorded } = fakeStore(checks(2));
    let calls = 0;
    const runner = monitoringRunner(store, {
      random: () => 0,
      probe: async () => {
        calls += 1;
        if (calls === 1) throw new Error('boom');
        return ok;
      },
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    runner.start();
    await vi.advanceTimersByTimeAsync(125_000);
    await runner.stop();
    warn.mockRestore();
    expect(recorded.length).toBeGreaterThanOrEqual(4);
  });
});
