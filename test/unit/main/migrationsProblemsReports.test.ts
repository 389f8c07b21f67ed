import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../src/main/store/migrations';
import { reportFactsDefinition } from '../../../src/main/store/migrations/016-report-facts';

/** The migrations of problems and reports: problems, report indexes, monthly reminders, the facts per ticket. */
describe('migration 013', () => {
  it('adds problems: a ticket belongs to one problem at most, actions by due date, dismissed patterns', () => {
    const db = new DatabaseSync(':memory:');
    db.exec('PRAGMA foreign_keys = ON');
    for (const migration of migrations.slice(0, 12)) {
      db.exec(migration.up);
      migration.run?.(db);
    }
    db.exec(migrations[12]?.up ?? '');
    db.exec(`INSERT INTO tickets (id, number, year, seq, title, description, channel, requester_name,
      requester_department, requester_phone, requester_email, first_contact, impact, urgency, priority, triage,
      status, tier, created_at, updated_at) VALUES (1, '2026-0001', 2026, 1, 't', 'd', 'phone', 'n', '', '', '', '{}',
      'low', 'low', 4, '{}', 'new', 'first', 'now', 'now')`);
    const problem = db.prepare(
      `INSERT INTO problems (state, content, rca, version, created_at, updated_at) VALUES ('analysing', '{}', '{}', 1, 'a', 'a')`,
    );
    problem.run();
    problem.run();
    db.exec("INSERT INTO problem_links (problem_id, ticket_id, linked_at) VALUES (1, 1, 'a')");
    expect(() => db.exec("INSERT INTO problem_links (problem_id, ticket_id, linked_at) VALUES (2, 1, 'a')")).toThrow(
      /UNIQUE/,
    );
    expect(() => db.exec("INSERT INTO problem_links (problem_id, ticket_id, linked_at) VALUES (1, 99, 'a')")).toThrow(
      /FOREIGN/,
    );
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'problem_actions_due'").get()).toBeDefined();
    db.exec("INSERT INTO pattern_dismissals (ticket_ids, reason, at) VALUES ('[1]', 'r', 'a')");
    db.close();
  });
});

describe('migration 014', () => {
  it('indexes when tickets were resolved, for the reports', () => {
    const db = new DatabaseSync(':memory:');
    for (const migration of migrations.slice(0, 13)) {
      db.exec(migration.up);
      migration.run?.(db);
    }
    db.exec(migrations[13]?.up ?? '');
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM tickets WHERE resolved_at >= '2026-11-01' AND resolved_at < '2026-12-01'",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('tickets_resolved');
    db.close();
  });
});

describe('migration 015', () => {
  it('keeps one reminder per month', () => {
    const db = new DatabaseSync(':memory:');
    for (const migration of migrations.slice(0, 14)) {
      db.exec(migration.up);
      migration.run?.(db);
    }
    db.exec(migrations[14]?.up ?? '');
    const insert = db.prepare('INSERT INTO report_reminders (month, at) VALUES (?, ?)');
    insert.run('2026-11', '2026-12-01T07:00:00.000Z');
    expect(() => insert.run('2026-11', '2026-12-01T08:00:00.000Z')).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT count(*) AS n FROM report_reminders').get()).toEqual({ n: 1 });
    db.close();
  });
});

describe('migration 016', () => {
  it('fills the report facts from the desk as it was, and its triggers keep them with every later write', () => {
    const db = new DatabaseSync(':memory:');
    for (const migration of migrations.slice(0, 15)) {
      db.exec(migration.up);
      migration.run?.(db);
    }
    const ticket = (id: number, created: string, resolved: string | null) =>
      db.exec(`INSERT INTO tickets (id, number, year, seq, title, description, channel, requester_name,
          requester_department, requester_phone, requester_email, first_contact, impact, urgency, priority, triage,
          status, tier, category, created_at, updated_at, resolved_at, version)
        VALUES (${id}, '2026-000${id}', 2026, ${id}, 'T', '', 'phone', 'A', ' Vertrieb ', '', '', '{}', 'high', 'high',
          1, '{}', '${resolved ? 'resolved' : 'new'}', 'first', 'network', '${created}', '${created}',
          ${resolved ? `'${resolved}'` : 'NULL'}, 1)`);
    const event = (ticketId: number, kind: string, data: string) =>
      db
        .prepare(
          `INSERT INTO events (ticket_id, at, actor, kind, data, prev_hash, hash) VALUES (?, '2026-11-02T10:00:00Z', 'x', ?, ?, '', '')`,
        )
        .run(ticketId, kind, data);
    ticket(1, '2026-11-02T08:00:00Z', '2026-11-02T10:00:00Z');
    db.exec(`INSERT INTO ticket_sla (ticket_id, first_state, first_due_at, first_risk_at, first_target_ms,
        first_remaining_ms, resolution_state, resolution_due_at, resolution_risk_at, resolution_target_ms,
        resolution_remaining_ms, computed_at) VALUES (1, 'met', NULL, NULL, 3600000, 600000, 'met', NULL, NULL,
        14400000, 7200000, 0)`);
    event(1, 'ticket.reopened', '{}');
    event(1, 'ticket.transitioned', '{"changes":{},"checklistOverride":"Vor Ort geprüft"}');
    db.exec(migrations[15]?.up ?? '');
    const facts = () => db.prepare('SELECT * FROM report_facts ORDER BY ticket_id').all();
    expect(facts()).toEqual([
      expect.objectContaining({
        ticket_id: 1,
        department: 'Vertrieb',
        first_state: 'met',
        first_ms: 3_000_000,
        resolution_ms: 7_200_000,
        reopened: 1,
        override_at: '2026-11-02T10:00:00Z',
      }),
    ]);
    // Later writes: a new ticket, its clocks, a change of category, an override named only inside a text.
    ticket(2, '2026-11-03T08:00:00Z', null);
    db.exec(`INSERT OR REPLACE INTO ticket_sla (ticket_id, first_state, first_due_at, first_risk_at,
        first_target_ms, first_remaining_ms, resolution_state, resolution_due_at, resolution_risk_at,
        resolution_target_ms, resolution_remaining_ms, computed_at) VALUES (2, 'running', 99, NULL, 3600000,
        3600000, 'running', 199, NULL, 14400000, 14400000, 0)`);
    db.exec("UPDATE tickets SET category = 'printer', requester_department = 'Lager' WHERE id = 2");
    event(2, 'ticket.transitioned', '{"changes":{"resolution":["","\\"checklistOverride\\": nein"]}}');
    expect(facts()[1]).toMatchObject({
      ticket_id: 2,
      category: 'printer',
      department: 'Lager',
      first_state: 'running',
      first_due_at: 99,
      reopened: 0,
      override_at: null,
    });
    const differ = (a: string, b: string) => db.prepare(`SELECT count(*) AS n FROM (${a} EXCEPT ${b})`).get();
    expect(differ('SELECT * FROM report_facts', reportFactsDefinition)).toEqual({ n: 0 });
    db.close();
  });
});

describe('migration 018', () => {
  it('bumps the Berlin months of a ticket’s facts with every change to them or to the systems it names', () => {
    const db = new DatabaseSync(':memory:');
    for (const migration of migrations.slice(0, 17)) {
      db.exec(migration.up);
      migration.run?.(db);
    }
    db.exec(migrations[17]?.up ?? '');
    const versions = () =>
      Object.fromEntries(
        (
          db.prepare('SELECT month, version FROM report_versions ORDER BY month').all() as {
            month: string;
            version: number;
          }[]
        ).map((r) => [r.month, r.version]),
      );
    // 00:30 Berlin on 1 November (winter time) is 31 October 23:30 UTC: November is bumped (October only with it,
    // by the summer-time reading — an extra recount, never a missed one).
    db.exec(`INSERT INTO tickets (id, number, year, seq, title, description, channel, requester_name,
        requester_department, requester_phone, requester_email, first_contact, impact, urgency, priority, triage,
        status, tier, created_at, updated_at, version) VALUES (1, '2026-0001', 2026, 1, 'T', '', 'phone', 'A', '', '',
        '', '{}', 'high', 'high', 1, '{}', 'new', 'first', '2026-10-31T23:30:00.000Z', '2026-10-31T23:30:00.000Z', 1)`);
    expect(versions()).toEqual({ '2026-11': 1 });
    db.exec("UPDATE tickets SET resolved_at = '2026-12-02T09:00:00.000Z', status = 'resolved' WHERE id = 1");
    expect(versions()).toEqual({ '2026-11': 2, '2026-12': 1 });
    db.exec("INSERT INTO ticket_links (ticket_id, kind, ref_id) VALUES (1, 'system', 7)");
    expect(versions()).toEqual({ '2026-11': 3, '2026-12': 1 });
    db.exec('DELETE FROM ticket_links WHERE ticket_id = 1');
    expect(versions()).toEqual({ '2026-11': 4, '2026-12': 1 });
    // A person named is no figure of the dashboard: nothing to bump.
    db.exec("INSERT INTO ticket_links (ticket_id, kind, ref_id) VALUES (1, 'person', 3)");
    expect(versions()).toEqual({ '2026-11': 4, '2026-12': 1 });
    db.close();
  });
});
