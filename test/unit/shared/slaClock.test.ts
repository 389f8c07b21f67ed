import { describe, expect, it } from 'vitest';
import type { Status } from '../../../src/shared/domain/enums';
import { computeSla, type SlaInput } from '../../../src/shared/domain/slaClock';
import { businessCalendar } from '../../../src/main/services/slaCalendar';
import { defaultSlaPolicy } from '../../../src/shared/domain/slaPolicy';

const defaultWeek = defaultSlaPolicy.week;

const calendar = businessCalendar({ timeZone: 'Europe/Berlin', state: 'BY', week: defaultWeek, closureDays: [] });
const t = (iso: string) => Date.parse(iso);
const H = 3_600_000;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

// A P1 by default: first response 1 h, resolution 4 h; waiting on requester pauses. Monday 23 Nov 2026, UTC+1.
function sla(overrides: Omit<Partial<SlaInput>, 'changes'> & { changes?: [string, Status][] }) {
  const { changes = [], ...rest } = overrides;
  return computeSla({
    createdAt: t('2026-11-23T08:00:00Z'),
    firstReplyAt: null,
    now: t('2026-11-23T08:30:00Z'),
    targets: { firstResponse: { hours: 1 }, resolution: { hours: 4 } },
    pausing: new Set<Status>(['waitingRequester']),
    calendar,
    ...rest,
    changes: changes.map(([at, to]) => ({ at: t(at), to })),
  });
}

describe('first-response clock', () => {
  it('runs from creation and is due an hour later', () => {
    const { firstResponse } = sla({});
    expect(firstResponse).toMatchObject({ state: 'running', fraction: 0.5 });
    expect(iso(firstResponse.dueAt)).toBe('2026-11-23T09:00:00.000Z');
  });
  it('knows when it will be at risk: 45 business minutes in', () => {
    expect(iso(sla({}).firstResponse.atRiskAt)).toBe('2026-11-23T08:45:00.000Z');
  });
  it('puts the 75 % mark of a Friday-evening ticket on Monday morning', () => {
    const { firstResponse } = sla({ createdAt: t('2026-11-27T15:30:00Z'), now: t('2026-11-27T15:40:00Z') });
    expect(iso(firstResponse.atRiskAt)).toBe('2026-11-30T07:15:00.000Z');
  });
  it('is at risk at 75 %', () => {
    expect(sla({ now: t('2026-11-23T08:45:00Z') }).firstResponse.fraction).toBe(0.75);
  });
  it('is met by a reply in time and stops there', () => {
    const { firstResponse } = sla({ firstReplyAt: t('2026-11-23T08:40:00Z'), now: t('2026-11-23T15:00:00Z') });
    expect(firstResponse).toMatchObject({ state: 'met', dueAt: null, remainingMs: (20 / 60) * H });
  });
  it('is stopped by resolving without a written reply (met when resolved in time)', () => {
    const { firstResponse } = sla({
      changes: [['2026-11-23T08:40:00Z', 'resolved']],
      now: t('2026-11-24T12:00:00Z'),
    });
    expect(firstResponse).toMatchObject({ state: 'met', dueAt: null, remainingMs: (20 / 60) * H });
  });
  it('is breached by a late reply', () => {
    expect(sla({ firstReplyAt: t('2026-11-23T09:10:00Z'), now: t('2026-11-23T12:00:00Z') }).firstResponse.state).toBe(
      'breached',
    );
  });
  it('is breached without a reply past the deadline, and says by how much', () => {
    const { firstResponse } = sla({ now: t('2026-11-23T09:30:00Z') });
    expect(firstResponse).toMatchObject({ state: 'breached', remainingMs: -0.5 * H });
  });
  it('counts business hours only: created Friday 16:30, due Monday 08:30', () => {
    const { firstResponse } = sla({ createdAt: t('2026-11-27T15:30:00Z'), now: t('2026-11-28T10:00:00Z') });
    expect(iso(firstResponse.dueAt)).toBe('2026-11-30T07:30:00.000Z');
    expect(firstResponse.elapsedMs).toBe(0.5 * H);
  });
});

describe('resolution clock', () => {
  it('pauses while waiting on the requester, across a night', () => {
    const { resolution } = sla({
      changes: [
        ['2026-11-23T08:00:00Z', 'inProgress'],
        ['2026-11-23T09:00:00Z', 'waitingRequester'],
        ['2026-11-24T09:00:00Z', 'inProgress'],
      ],
      now: t('2026-11-24T09:00:00Z'),
    });
    expect(resolution).toMatchObject({ state: 'running', elapsedMs: 1 * H });
    expect(iso(resolution.dueAt)).toBe('2026-11-24T12:00:00.000Z');
    expect(iso(resolution.atRiskAt)).toBe('2026-11-24T11:00:00.000Z');
  });
  it('shows paused with the time left while waiting on the requester', () => {
    const { resolution } = sla({
      changes: [['2026-11-23T09:00:00Z', 'waitingRequester']],
      now: t('2026-11-25T09:00:00Z'),
    });
    expect(resolution).toMatchObject({ state: 'paused', dueAt: null, remainingMs: 3 * H });
  });
  it('keeps running while waiting on the MSP (their clock is a separate one)', () => {
    const { resolution } = sla({
      changes: [
        ['2026-11-23T09:00:00Z', 'waitingMsp'],
        ['2026-11-24T09:00:00Z', 'inProgress'],
      ],
      now: t('2026-11-24T09:00:00Z'),
    });
    expect(resolution).toMatchObject({ state: 'breached', elapsedMs: 10 * H });
  });
  it('a pause across a holiday and a night: Wednesday 10:00 to Friday 10:00 around Fronleichnam', () => {
    const { resolution } = sla({
      createdAt: t('2026-06-03T07:00:00Z'),
      changes: [
        ['2026-06-03T08:00:00Z', 'waitingRequester'],
        ['2026-06-05T08:00:00Z', 'inProgress'],
      ],
      now: t('2026-06-05T09:00:00Z'),
    });
    // 1 h before the pause, 1 h since Friday 10:00; the other 3 h are due Friday 13:00 CEST.
    expect(resolution.elapsedMs).toBe(2 * H);
    expect(iso(resolution.dueAt)).toBe('2026-06-05T11:00:00.000Z');
  });
  it('is met when resolved in time and stands still while resolved', () => {
    const { resolution } = sla({ changes: [['2026-11-23T10:00:00Z', 'resolved']], now: t('2026-11-30T10:00:00Z') });
    expect(resolution).toMatchObject({ state: 'met', elapsedMs: 2 * H, dueAt: null });
  });
  it('runs on after a reopen, from where it stood', () => {
    const { resolution } = sla({
      changes: [
        ['2026-11-23T10:00:00Z', 'resolved'],
        ['2026-11-24T08:00:00Z', 'inProgress'],
      ],
      now: t('2026-11-24T09:00:00Z'),
    });
    expect(resolution).toMatchObject({ state: 'running', elapsedMs: 3 * H });
    expect(iso(resolution.dueAt)).toBe('2026-11-24T10:00:00.000Z');
  });
  it('is breached when resolved too late', () => {
    expect(
      sla({ changes: [['2026-11-23T15:00:00Z', 'closed']], now: t('2026-11-24T15:00:00Z') }).resolution.state,
    ).toBe('breached');
  });
  it('counts business days: 3 days from Monday 10:00, two days on, two thirds gone', () => {
    const { resolution } = sla({
      createdAt: t('2026-11-23T09:00:00Z'),
      targets: { firstResponse: { hours: 8 }, resolution: { businessDays: 3 } },
      now: t('2026-11-25T09:00:00Z'),
    });
    expect(resolution.targetMs).toBe(27 * H);
    expect(resolution.elapsedMs).toBe(18 * H);
    expect(iso(resolution.dueAt)).toBe('2026-11-26T09:00:00.000Z');
  });
});

describe('clock jumps', () => {
  it('a clock set back before the last change never yields negative time', () => {
    const { resolution, firstResponse } = sla({
      changes: [['2026-11-23T09:00:00Z', 'inProgress']],
      now: t('2026-11-23T07:00:00Z'),
    });
    expect(resolution.elapsedMs).toBe(0);
    expect(firstResponse.elapsedMs).toBe(0);
    expect(resolution.state).toBe('running');
  });
  it('a clock jumping a week forward shows the breach at once', () => {
    const { resolution } = sla({ now: t('2026-11-30T08:00:00Z') });
    expect(resolution).toMatchObject({ state: 'breached', elapsedMs: 45 * H, remainingMs: -41 * H });
    expect(iso(resolution.dueAt)).toBe('2026-11-23T12:00:00.000Z');
  });
});
