import { describe, expect, it } from 'vitest';
import { statusSchema, type Status } from '../../../src/shared/domain/enums';
import { canTransition, isOpen } from '../../../src/shared/domain/status';

const allowed: [Status, Status][] = [
  ['new', 'inProgress'],
  ['new', 'waitingRequester'],
  ['new', 'resolved'],
  ['inProgress', 'waitingMsp'],
  ['inProgress', 'resolved'],
  ['waitingRequester', 'inProgress'],
  ['waitingVendor', 'waitingMsp'],
  ['resolved', 'closed'],
  ['resolved', 'inProgress'],
  ['closed', 'inProgress'],
];

describe('status transitions', () => {
  it.each(allowed)('%s → %s is allowed', (from, to) => expect(canTransition(from, to)).toBe(true));

  it('refuses everything else, including staying put', () => {
    const allowedKeys = new Set(allowed.map(([a, b]) => `${a}>${b}`));
    const extra = new Set([
      'new>waitingMsp',
      'new>waitingVendor',
      'inProgress>waitingRequester',
      'inProgress>waitingVendor',
      'waitingRequester>waitingMsp',
      'waitingRequester>waitingVendor',
      'waitingRequester>resolved',
      'waitingMsp>inProgress',
      'waitingMsp>waitingRequester',
      'waitingMsp>waitingVendor',
      'waitingMsp>resolved',
      'waitingVendor>inProgress',
      'waitingVendor>waitingRequester',
      'waitingVendor>resolved',
    ]);
    for (const from of statusSchema.options) {
      for (const to of statusSchema.options) {
        const key = `${from}>${to}`;
        expect(canTransition(from, to), key).toBe(allowedKeys.has(key) || extra.has(key));
      }
    }
    expect(canTransition('closed', 'resolved')).toBe(false);
    expect(canTransition('new', 'closed')).toBe(false);
  });

  it('knows which statuses are open', () => {
    expect(statusSchema.options.filter(isOpen)).toEqual([
      'new',
      'inProgress',
      'waitingRequester',
      'waitingMsp',
      'waitingVendor',
    ]);
  });
});
