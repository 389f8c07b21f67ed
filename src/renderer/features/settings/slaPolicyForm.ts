import type { OpeningHours, Weekday } from '../../../shared/domain/businessTime';
import type { SlaPolicy } from '../../../shared/domain/slaPolicy';

export const weekdays: readonly Weekday[] = ['1', '2', '3', '4', '5', '6', '7'];

/** "08:00–12:00, 13:00–17:00"; empty when closed. */
export const hoursText = (hours: OpeningHours): string => hours.map((h) => `${h.start}–${h.end}`).join(', ');

/** Reads "8:00-12:00, 13:00–17:00" back; null when a stretch cannot be read (the store checks order and overlap). */
export function parseHours(text: string): OpeningHours | null {
  const parts = text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean);
  const result: { start: string; end: string }[] = [];
  for (const part of parts) {
    const match = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/.exec(part);
    if (!match) return null;
    const [, h1, m1, h2, m2] = match;
    result.push({ start: `${h1!.padStart(2, '0')}:${m1}`, end: `${h2!.padStart(2, '0')}:${m2}` });
  }
  return result;
}

export type TargetUnit = 'hours' | 'businessDays';
export type Target = SlaPolicy['targets']['P1']['firstResponse'];
export const targetValue = (target: Target): [number, TargetUnit] =>
  'hours' in target ? [target.hours, 'hours'] : [target.businessDays, 'businessDays'];
export const makeTarget = (value: number, unit: TargetUnit): Target =>
  unit === 'hours' ? { hours: value } : { businessDays: value };

/** One ISO date per line (or separated by commas/spaces). */
export const parseDays = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter(Boolean);
