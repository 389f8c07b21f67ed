import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SlaWarning } from '../../../src/shared/contract/sla';
import { showWarnings, warningNotice } from '../../../src/main/electron/notifications';
import { startSlaWatch } from '../../../src/main/host/slaWatch';

afterEach(() => vi.useRealTimers());

const breach: SlaWarning = {
  ticketId: 7,
  number: '2026-0007',
  title: 'Dateiserver nicht erreichbar',
  priority: 'P1',
  clock: 'resolution',
  level: 'breached',
  dueAt: '2026-11-23T12:00:00.000Z',
  suggestions: ['raiseTier', 'forwardMsp'],
};

describe('SLA watch', () => {
  it('looks shortly after start (the first reads and writes go first), then every interval, never stacked', async () => {
    vi.useFakeTimers();
    let release: () => void = () => {};
    const call = vi.fn(() => new Promise<{ warnings: [] }>((resolve) => (release = () => resolve({ warnings: [] }))));
    const watch = startSlaWatch({ call } as never, { intervalMs: 10_000 });
    await vi.advanceTimersByTimeAsync(2_900);
    expect(call).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(call).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(call).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(call).toHaveBeenCalledTimes(2);
    watch.stop();
  });

  it('notices a clock jump (wall clock moved against the steady clock) and looks right then', async () => {
    vi.useFakeTimers();
    let wall = 0;
    let steady = 0;
    const jumps: number[] = [];
    const call = vi.fn(async () => ({ warnings: [] }));
    const watch = startSlaWatch({ call } as never, {
      intervalMs: 1000,
      firstLookMs: 0,
      wallClock: () => wall,
      monotonic: () => steady,
      onClockJump: (ms) => jumps.push(ms),
    });
    steady += 1000;
    wall += 1000;
    await vi.advanceTimersByTimeAsync(1000);
    steady += 1000;
    wall += 1000 + 3_600_000;
    await vi.advanceTimersByTimeAsync(1000);
    expect(jumps).toEqual([3_600_000]);
    expect(call).toHaveBeenCalledTimes(3);
    watch.stop();
  });

  it('logs a failed look and keeps watching', async () => {
    vi.useFakeTimers();
    const log = vi.fn();
    const call = vi.fn(async () => {
      throw new Error('store damaged');
    });
    const watch = startSlaWatch({ call } as never, { intervalMs: 1000, firstLookMs: 0, log });
    await vi.advanceTimersByTimeAsync(1000);
    expect(log).toHaveBeenCalledWith('SLA check failed', expect.any(Error));
    expect(call).toHaveBeenCalledTimes(2);
    watch.stop();
  });
});

describe('desktop notification', () => {
  it('says what is overdue and what could help, in German and English', () => {
    expect(warningNotice(breach, 'de', 'Europe/Berlin')).toEqual({
      title: 'P1 · Lösungsfrist überschritten',
      body: '2026-0007 · Dateiserver nicht erreichbar\nfällig Mo., 13:00\nVorschlag: Stufe erhöhen / an Dienstleister übergeben',
    });
    expect(
      warningNotice({ ...breach, level: 'atRisk', clock: 'firstResponse', suggestions: [] }, 'en', 'Europe/Berlin'),
    ).toEqual({
      title: 'P1 · First response due soon',
      body: '2026-0007 · Dateiserver nicht erreichbar\ndue Mon 13:00',
    });
  });

  it('shows one notification per warning; a click opens the ticket', () => {
    const shown: { options: object; click?: () => void }[] = [];
    class FakeNotification {
      static isSupported = () => true;
      entry: { options: object; click?: () => void };
      constructor(options: object) {
        this.entry = { options };
        shown.push(this.entry);
      }
      on(_event: 'click', listener: () => void) {
        this.entry.click = listener;
        return this;
      }
      show() {}
    }
    const open = vi.fn();
    showWarnings(FakeNotification as never, [breach, { ...breach, ticketId: 8 }], 'de', 'Europe/Berlin', open);
    expect(shown).toHaveLength(2);
    shown[1]!.click!();
    expect(open).toHaveBeenCalledWith(8);
  });
});
