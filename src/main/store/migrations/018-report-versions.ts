import type { Migration } from './types';

/**
 * The Berlin months an instant can fall in: Berlin is an hour or two ahead of UTC, so both are bumped (one of them
 * is the month, the other the same month or its neighbour — an extra bump only costs a recount of that month).
 */
const monthsOf = (instant: string) =>
  `SELECT strftime('%Y-%m', ${instant}, '+1 hours') AS month UNION SELECT strftime('%Y-%m', ${instant}, '+2 hours')`;

const bump = (instants: readonly string[]) => `
      INSERT INTO report_versions (month, version)
        SELECT month, 1 FROM (${instants.map(monthsOf).join(' UNION ')}) WHERE month IS NOT NULL
        ON CONFLICT (month) DO UPDATE SET version = version + 1;`;

/**
 * A version per Berlin month of the report facts, bumped in the same transaction as any change to a fact of a
 * ticket that came in or was resolved in that month, or to the systems such a ticket names: the dashboard keeps
 * each whole month's counts and sorted times and reuses them while the month's version holds, so a year costs the
 * months that changed, not a scan of the year. No write path can skip a bump (the facts themselves are kept by
 * triggers, migration 016).
 */
export const migration018: Migration = {
  version: 18,
  name: 'Report versions',
  up: `
    CREATE TABLE report_versions (month TEXT PRIMARY KEY, version INTEGER NOT NULL) STRICT, WITHOUT ROWID;
    CREATE TRIGGER report_versions_in AFTER INSERT ON report_facts BEGIN${bump(['NEW.created_at', 'NEW.resolved_at'])}
    END;
    CREATE TRIGGER report_versions_change AFTER UPDATE ON report_facts BEGIN${bump([
      'OLD.created_at',
      'OLD.resolved_at',
      'NEW.created_at',
      'NEW.resolved_at',
    ])}
    END;
    CREATE TRIGGER report_versions_out AFTER DELETE ON report_facts BEGIN${bump(['OLD.created_at', 'OLD.resolved_at'])}
    END;
    CREATE TRIGGER report_versions_system_in AFTER INSERT ON ticket_links WHEN NEW.kind = 'system' BEGIN${bump([
      '(SELECT created_at FROM report_facts WHERE ticket_id = NEW.ticket_id)',
    ])}
    END;
    CREATE TRIGGER report_versions_system_out AFTER DELETE ON ticket_links WHEN OLD.kind = 'system' BEGIN${bump([
      '(SELECT created_at FROM report_facts WHERE ticket_id = OLD.ticket_id)',
    ])}
    END;
  `,
};
