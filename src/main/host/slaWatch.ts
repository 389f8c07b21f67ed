import type { StoreClient } from '../app/client';

export type SlaWatch = {
  /** Looks now (on resume from sleep, or when the clock jumped). */
  checkNow: () => Promise<void>;
  stop: () => void;
};

export type SlaWatchOptions = {
  intervalMs?: number;
  /** Wall clock and a monotonic clock: when they drift apart the wall clock jumped (or the machine slept). */
  wallClock?: () => number;
  monotonic?: () => number;
  onClockJump?: (jumpMs: number) => void;
  log?: (message: string, error: unknown) => void;
  /** The first look after start: warnings due while the desk was closed are raised this much later. */
  firstLookMs?: number;
};

const JUMP_TOLERANCE_MS = 5_000;

/**
 * Asks the store every half minute for SLA warnings that came due. Deadlines are stored as UTC instants, so a
 * clock jump or a sleep needs no recomputation, only a look right away; the store raises each warning once.
 */
export function startSlaWatch(store: Pick<StoreClient, 'call'>, options: SlaWatchOptions = {}): SlaWatch {
  const {
    intervalMs = 30_000,
    wallClock = Date.now,
    monotonic = () => performance.now(),
    onClockJump = () => {},
    log = (message, error) => console.warn(`[leitstand] ${message}`, error),
    firstLookMs = 3_000,
  } = options;
  let running: Promise<void> | null = null;
  const checkNow = (): Promise<void> => {
    // One look at a time: a slow look is not stacked by the next tick.
    running ??= store
      .call('sla.check', {})
      .then(() => undefined)
      .catch((error: unknown) => log('SLA check failed', error))
      .finally(() => {
        running = null;
      });
    return running;
  };
  let lastWall = wallClock();
  let lastMonotonic = monotonic();
  const tick = () => {
    const wall = wallClock();
    const steady = monotonic();
    const jump = wall - lastWall - (steady - lastMonotonic);
    lastWall = wall;
    lastMonotonic = steady;
    if (Math.abs(jump) > JUMP_TOLERANCE_MS) onClockJump(jump);
    void checkNow();
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref?.();
  // Not at once: at 1,000,000 tickets a look takes 200 ms of the store's thread, and the first reads and the first
  // write of the day come first.
  const first = setTimeout(() => void checkNow(), firstLookMs);
  first.unref?.();
  return {
    checkNow,
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
