import type { Migration } from './types';

/**
 * The monitoring state changes (outages, flapping) by time, for the reports: a partial index holds only those
 * events, so a month of them is a short range read while the rest of the log costs nothing more on writes.
 */
export const migration019: Migration = {
  version: 19,
  name: 'Monitoring state changes by time',
  up: `CREATE INDEX events_monitoring_state ON events (at) WHERE kind = 'monitoring.state';`,
};
