import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../src/main/store/migrations';

describe('migration 020', () => {
  it('adds the mail tables; tickets from before are not waiting for triage; a mail is known once per direction', () => {
    const db = new DatabaseSync(':memory:');
    db.exec('PRAGMA foreign_keys = ON');
    for (const migration of migrations.slice(0, 19)) {
      db.exec(migration.up);
      migration.run?.(db);
    }
    const columns = () => (db.prepare('PRAGMA table_info(tickets)').all() as { name: string }[]).map((c) => c.name);
    expect(columns()).not.toContain('needs_triage');
    db.exec(migrations[19]?.up ?? '');
    expect(columns()).toContain('needs_triage');
    db.exec("INSERT INTO mail_accounts (id, content, created_at, updated_at) VALUES (1, '{}', 'a', 'a')");
    db.exec("INSERT INTO mail_cursors (account_id, folder, uid_validity, last_uid) VALUES (1, 'INBOX', 7, 3)");
    db.exec(
      "INSERT INTO mail_messages (message_id, direction, sender, outcome, at) VALUES ('m@x', 'in', 'a@x', 'ticket', 'a')",
    );
    db.exec(
      "INSERT INTO mail_messages (message_id, direction, sender, outcome, at) VALUES ('m@x', 'out', 'a@x', 'sent', 'a')",
    );
    expect(() =>
      db.exec(
        "INSERT INTO mail_messages (message_id, direction, sender, outcome, at) VALUES ('m@x', 'in', 'b@x', 'ticket', 'b')",
      ),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db.exec(
        "INSERT INTO mail_outbox (account_id, kind, to_address, subject, body, message_id, state, created_at) VALUES (1, 'reply', 'a', 's', 'b', 'o@x', 'lost', 'a')",
      ),
    ).toThrow(/CHECK/);
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT * FROM mail_outbox WHERE state IN ('queued', 'sending', 'failed') AND next_attempt_at <= 'z'",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('mail_outbox_due');
    const triagePlan = db
      .prepare('EXPLAIN QUERY PLAN SELECT id FROM tickets WHERE needs_triage = 1 ORDER BY created_at, id')
      .all() as { detail: string }[];
    expect(triagePlan.map((p) => p.detail).join(' ')).toContain('tickets_needs_triage');
    // An account removed takes its folder positions with it.
    db.exec('DELETE FROM mail_accounts WHERE id = 1');
    expect(db.prepare('SELECT count(*) AS n FROM mail_cursors').get()).toEqual({ n: 0 });
    db.close();
  });
});
