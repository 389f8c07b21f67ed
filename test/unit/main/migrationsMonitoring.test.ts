import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../src/main/store/migrations';

describe('migration 017', () => {
  it('adds checks of systems, their state, runs, hourly aggregates and maintenance windows; a check goes with its system', () => {
    const db = new DatabaseSync(':memory:');
    db.exec('PRAGMA foreign_keys = ON');
    for (const migration of migrations.slice(0, 16)) {
      db.exec(migration.up);
      migration.run?.(db);
    }
    db.exec(migrations[16]?.up ?? '');
    db.exec(
      "INSERT INTO directory_systems (id, name_key, data, search, updated_at) VALUES (1, 'erp', '{}', 'erp', 'a')",
    );
    db.exec(
      "INSERT INTO monitoring_checks (id, system_id, content, secret, created_at, updated_at) VALUES (1, 1, '{}', 's1', 'a', 'a')",
    );
    expect(() =>
      db.exec(
        "INSERT INTO monitoring_checks (system_id, content, secret, created_at, updated_at) VALUES (1, '{}', 's1', 'a', 'a')",
      ),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db.exec("INSERT INTO monitoring_checks (system_id, content, created_at, updated_at) VALUES (9, '{}', 'a', 'a')"),
    ).toThrow(/FOREIGN/);
    db.exec("INSERT INTO monitoring_state (check_id, tracked) VALUES (1, '{}')");
    db.exec(
      "INSERT INTO monitoring_samples (check_id, at, outcome, latency_ms, message) VALUES (1, 'a', 'ok', 1, 'm')",
    );
    db.exec(
      "INSERT INTO monitoring_hours (check_id, hour, runs, good, latency_sum, latency_runs, latency_max) VALUES (1, 'h', 1, 1, 1, 1, 1)",
    );
    expect(() =>
      db.exec(
        "INSERT INTO monitoring_hours (check_id, hour, runs, good, latency_sum, latency_runs) VALUES (1, 'h', 1, 1, 1, 1)",
      ),
    ).toThrow(/UNIQUE|PRIMARY/);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT at FROM monitoring_samples WHERE check_id = 1 AND at >= 'a' ORDER BY at")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('monitoring_samples_check_at');
    db.exec('DELETE FROM monitoring_checks WHERE id = 1');
    const left = ['monitoring_state', 'monitoring_samples', 'monitoring_hours'].map(
      (table) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    );
    expect(left).toEqual([0, 0, 0]);
    db.exec("INSERT INTO monitoring_maintenance (system_id, content, updated_at) VALUES (0, '{}', 'a')");
    db.close();
  });
});

describe('migration 019', () => {
  it('reads the monitoring state changes of a period by time, from an index of those events only', () => {
    const db = new DatabaseSync(':memory:');
    for (const migration of migrations.slice(0, 19)) {
      db.exec(migration.up);
      migration.run?.(db);
    }
    const plan = (
      db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT count(*) FROM events WHERE kind = 'monitoring.state' AND at >= '2026-11-01' AND at < '2026-12-01'`,
        )
        .all() as { detail: string }[]
    )
      .map((p) => p.detail)
      .join(' ');
    expect(plan).toContain('events_monitoring_state');
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'events_monitoring_state'").get()).toEqual({
      sql: expect.stringContaining("WHERE kind = 'monitoring.state'"),
    });
    db.close();
  });
});
