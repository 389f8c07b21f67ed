import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { databaseFile, openDatabase, schemaVersion } from '../../../src/main/store/database';
import { latestSchemaVersion, migrations } from '../../../src/main/store/migrations';
import { tempDir } from '../../support/store';
import { eventHash, GENESIS_HASH, verifyChain } from '../../../src/main/queries/audit';

const dirs: (() => void)[] = [];
const fresh = () => {
  const t = tempDir();
  dirs.push(t.remove);
  return t.dir;
};
afterEach(() => dirs.splice(0).forEach((remove) => remove()));

describe('store opening', () => {
  it('numbers migrations 1..n without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(latestSchemaVersion).toBe(migrations.length);
  });

  it('sets WAL, synchronous=FULL and foreign keys', () => {
    const db = openDatabase(fresh()).db;
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 });
    expect(db.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 });
    db.close();
  });

  it('refuses a database written by a newer version and leaves it as it was', () => {
    const dir = fresh();
    openDatabase(dir).db.close();
    const raw = new DatabaseSync(databaseFile(dir));
    raw.exec(`PRAGMA user_version = ${latestSchemaVersion + 1}`);
    raw.close();
    let caught: unknown;
    try {
      openDatabase(dir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).messageKey).toBe('store_too_new');
    const check = new DatabaseSync(databaseFile(dir));
    expect(schemaVersion(check)).toBe(latestSchemaVersion + 1);
    check.close();
  });

  it('reopens an existing database without running migrations again', () => {
    const dir = fresh();
    const { db } = openDatabase(dir);
    db.exec("INSERT INTO settings (key, value) VALUES ('language', '\"de\"')");
    db.close();
    const { db: again } = openDatabase(dir);
    expect(schemaVersion(again)).toBe(latestSchemaVersion);
    expect(again.prepare('SELECT value FROM settings').get()).toEqual({ value: '"de"' });
    again.close();
  });
});

describe('migration 001', () => {
  it('creates the tables, indexes and search index, and sets user_version 1', () => {
    const db = new DatabaseSync(':memory:');
    const [first] = migrations;
    db.exec(first!.up);
    const names = (
      db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','index') ORDER BY name").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    for (const name of [
      'tickets',
      'notes',
      'attachments',
      'events',
      'audit_head',
      'settings',
      'ticket_counters',
      'tickets_fts',
      'tickets_open_priority',
    ]) {
      expect(names).toContain(name);
    }
    db.exec("INSERT INTO tickets_fts (rowid, number, title, body) VALUES (1, '2026-0001', 'Drucker', 'Störung')");
    expect(db.prepare('SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH \'"stor"*\'').all()).toHaveLength(1);
    db.close();
  });

  it('is run inside a transaction: a failing migration leaves user_version untouched', () => {
    const dir = fresh();
    const broken = [
      ...migrations,
      { version: latestSchemaVersion + 1, name: 'broken', up: 'CREATE TABLE x (a); SELECT nonsense FROM nowhere;' },
    ];
    expect(() => openDatabase(dir, broken)).toThrow();
    const db = new DatabaseSync(databaseFile(dir));
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'x'").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('migration 002', () => {
  it('adds the open/done sort indexes on top of 001, and the list uses them', () => {
    const db = new DatabaseSync(':memory:');
    for (const m of migrations.slice(0, 2)) db.exec(m.up);
    const plan = (query: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan('SELECT id FROM tickets WHERE is_open = 0 ORDER BY updated_at DESC, id DESC LIMIT 10')).toContain(
      'tickets_open_updated',
    );
    expect(plan('SELECT id FROM tickets WHERE is_open = 1 ORDER BY id DESC LIMIT 10')).toContain(
      'tickets_open_created',
    );
    expect(plan('SELECT id FROM tickets WHERE is_open = 0 ORDER BY updated_at DESC, id DESC LIMIT 10')).not.toContain(
      'TEMP B-TREE',
    );
    db.close();
  });
});

describe('migration 003', () => {
  it('adds stored SLA clocks beside existing tickets; warnings and "resolved today" are found by index', () => {
    const db = new DatabaseSync(':memory:');
    for (const m of migrations.slice(0, 2)) db.exec(m.up);
    db.exec(`INSERT INTO tickets (number, year, seq, title, description, channel, requester_name,
      requester_department, requester_phone, requester_email, first_contact, impact, urgency, priority, triage,
      status, tier, created_at, updated_at) VALUES ('2026-0001', 2026, 1, 't', '', 'phone', 'n', 'd', '', '', '{}',
      'high', 'high', 1, '{}', 'new', 'first', '2026-11-23T08:00:00Z', '2026-11-23T08:00:00Z')`);
    db.exec(migrations[2]!.up);
    db.exec(`INSERT INTO ticket_sla (ticket_id, first_state, first_target_ms, first_remaining_ms, resolution_state,
      resolution_target_ms, resolution_remaining_ms, next_alert_at, computed_at)
      VALUES (1, 'running', 3600000, 3600000, 'running', 14400000, 14400000, 100, 0)`);
    expect(db.prepare('SELECT ticket_id, warned_first FROM ticket_sla').all()).toEqual([
      { ticket_id: 1, warned_first: 0 },
    ]);
    const plan = (query: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan('SELECT ticket_id FROM ticket_sla WHERE next_alert_at <= 200')).toContain('ticket_sla_alert');
    expect(plan("SELECT id FROM tickets WHERE is_open = 0 AND resolved_at >= '2026-11-23'")).toContain(
      'INDEX tickets_board (is_open=? AND resolved_at>?)',
    );
    expect(() =>
      db.exec(`INSERT INTO ticket_sla (ticket_id, first_state, first_target_ms, first_remaining_ms,
      resolution_state, resolution_target_ms, resolution_remaining_ms, computed_at)
      VALUES (2, 'running', 'soon', 0, 'running', 0, 0, 0)`),
    ).toThrow(/cannot store TEXT value in INTEGER/);
    db.close();
  });
});

describe('migration 004', () => {
  it('adds checklist templates, runs and step states; step states refuse unknown values', () => {
    const db = new DatabaseSync(':memory:');
    for (const m of migrations.slice(0, 3)) db.exec(m.up);
    db.exec(migrations[3]!.up);
    const tables = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'checklist%' ORDER BY name")
        .all() as { name: string }[]
    ).map((r) => r.name);
    expect(tables).toEqual(['checklist_runs', 'checklist_steps', 'checklist_templates']);
    db.exec(`INSERT INTO tickets (number, year, seq, title, description, channel, requester_name,
      requester_department, requester_phone, requester_email, first_contact, impact, urgency, priority, triage,
      status, tier, created_at, updated_at) VALUES ('2026-0001', 2026, 1, 't', '', 'phone', 'n', 'd', '', '', '{}',
      'high', 'high', 1, '{}', 'new', 'first', '2026-11-23T08:00:00Z', '2026-11-23T08:00:00Z')`);
    db.exec(`INSERT INTO checklist_runs (ticket_id, template_key, language, template_version, template, variables,
      started_at, started_by) VALUES (1, 'k', 'de', 1, '{}', '{}', '2026-11-23T08:00:00Z', 'x')`);
    db.exec("INSERT INTO checklist_steps (run_id, step_id, state) VALUES (1, 'a', 'pending')");
    expect(() => db.exec("INSERT INTO checklist_steps (run_id, step_id, state) VALUES (1, 'b', 'finished')")).toThrow(
      /CHECK constraint/,
    );
    expect(() => db.exec("INSERT INTO checklist_steps (run_id, step_id, state) VALUES (1, 'a', 'done')")).toThrow(
      /UNIQUE|PRIMARY KEY/,
    );
    db.close();
  });
});

describe('migrations 005 and 006', () => {
  it('005 creates the provider directory and escalations; 006 makes their file paths relative', () => {
    const db = new DatabaseSync(':memory:');
    for (const migration of migrations.slice(0, 5)) db.exec(migration.up);
    const tables = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%esc%' OR name LIKE 'msp%'")
        .all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['msp_providers', 'escalations']));
    db.exec(`INSERT INTO tickets (number, year, seq, title, description, channel, requester_name,
      requester_department, requester_phone, requester_email, first_contact, impact, urgency, priority, triage,
      status, tier, created_at, updated_at) VALUES ('2026-0001', 2026, 1, 't', '', 'phone', 'n', 'd', '', '', '{}',
      'high', 'high', 1, '{}', 'new', 'first', '2026-11-23T08:00:00Z', '2026-11-23T08:00:00Z')`);
    db.exec("INSERT INTO msp_providers (id, data, updated_at) VALUES ('p', '{}', '2026-11-23T08:00:00Z')");
    const insert = db.prepare(`INSERT INTO escalations (ticket_id, provider_id, at, kind, packet_sha256, eml_sha256,
      packet_file, eml_file, included, redactions) VALUES (1, 'p', '2026-11-23T08:00:00Z', 'initial', 'a', 'b', ?, ?, '{}', '{}')`);
    insert.run(
      '/home/anna/.local/share/leitstand/escalations/LS-1.zip',
      '/home/anna/.local/share/leitstand/escalations/LS-1.eml',
    );
    insert.run('C:\\Users\\Anna\\AppData\\Roaming\\Leitstand\\escalations\\LS-2.zip', 'escalations/LS-2.eml');
    db.exec(migrations[5]!.up);
    expect(db.prepare('SELECT packet_file, eml_file FROM escalations ORDER BY id').all()).toEqual([
      { packet_file: 'escalations/LS-1.zip', eml_file: 'escalations/LS-1.eml' },
      { packet_file: 'escalations/LS-2.zip', eml_file: 'escalations/LS-2.eml' },
    ]);
    db.close();
  });
});

describe('migration 007', () => {
  it('adds the directory; an existing ticket keeps its requester and gets no person', () => {
    const db = new DatabaseSync(':memory:');
    for (const migration of migrations.slice(0, 6)) db.exec(migration.up);
    db.exec(`INSERT INTO tickets (number, year, seq, title, description, channel, requester_name,
      requester_department, requester_phone, requester_email, first_contact, impact, urgency, priority, triage,
      status, tier, created_at, updated_at) VALUES ('2026-0001', 2026, 1, 't', '', 'phone', 'Anna', 'Vertrieb', '', '',
      '{}', 'high', 'high', 1, '{}', 'new', 'first', '2026-11-23T08:00:00Z', '2026-11-23T08:00:00Z')`);
    db.exec(migrations[6]!.up);
    expect(db.prepare('SELECT requester_name, requester_person_id FROM tickets').get()).toEqual({
      requester_name: 'Anna',
      requester_person_id: 0,
    });
    const insert = db.prepare(
      "INSERT INTO directory_people (email_key, data, search, updated_at) VALUES (?, '{}', '', '2026-12-01T08:00:00Z')",
    );
    insert.run('anna@example.de');
    // One address, one person; a removed person frees it; no address is no clash.
    expect(() => insert.run('anna@example.de')).toThrow(/UNIQUE/);
    db.exec('UPDATE directory_people SET removed = 1');
    insert.run('anna@example.de');
    insert.run(null);
    insert.run(null);
    db.exec("INSERT INTO ticket_links (ticket_id, kind, ref_id) VALUES (1, 'system', 4)");
    expect(() => db.exec("INSERT INTO ticket_links (ticket_id, kind, ref_id) VALUES (1, 'printer', 4)")).toThrow(
      /CHECK/,
    );
    db.close();
  });
});

describe('migration 008', () => {
  it('gives every open ticket a board slot with its stored deadline; triggers keep the slots with the tickets', () => {
    const db = new DatabaseSync(':memory:');
    for (const migration of migrations.slice(0, 7)) db.exec(migration.up);
    const insert = (seq: number, status: string, priority: number) =>
      db.exec(`INSERT INTO tickets (number, year, seq, title, description, channel, requester_name,
        requester_department, requester_phone, requester_email, first_contact, impact, urgency, priority, triage,
        status, tier, created_at, updated_at, resolved_at) VALUES ('2026-000${seq}', 2026, ${seq}, 't', '', 'phone',
        'Anna', 'Vertrieb', '', '', '{}', 'high', 'high', ${priority}, '{}', '${status}', 'first',
        '2026-11-23T08:00:00Z', '2026-11-23T08:00:00Z', ${status === 'resolved' ? "'2026-11-23T09:00:00Z'" : 'NULL'})`);
    insert(1, 'new', 2);
    insert(2, 'waitingMsp', 1);
    insert(3, 'resolved', 1);
    const clock = (ticketId: number, due: number | null) =>
      db.exec(`INSERT OR REPLACE INTO ticket_sla (ticket_id, first_state, first_target_ms, first_remaining_ms,
        resolution_state, resolution_target_ms, resolution_remaining_ms, next_due_at, computed_at)
        VALUES (${ticketId}, 'running', 0, 0, 'running', 0, 0, ${due ?? 'NULL'}, 0)`);
    clock(1, 5000);
    db.exec(migrations[7]!.up);
    const slots = () => db.prepare('SELECT ticket_id, priority, lane, rank FROM board_slots ORDER BY ticket_id').all();
    // Ticket 2 had no stored clock yet: it comes last in its cell until it gets one.
    expect(slots()).toEqual([
      { ticket_id: 1, priority: 2, lane: 0, rank: 5000 },
      { ticket_id: 2, priority: 1, lane: 2, rank: 9007199254740991 },
    ]);
    clock(2, 7000);
    db.exec("UPDATE tickets SET status = 'inProgress' WHERE id = 1");
    db.exec("UPDATE tickets SET status = 'inProgress', resolved_at = NULL WHERE id = 3");
    clock(1, 6000);
    expect(slots()).toEqual([
      { ticket_id: 1, priority: 2, lane: 1, rank: 6000 },
      { ticket_id: 2, priority: 1, lane: 2, rank: 7000 },
      { ticket_id: 3, priority: 1, lane: 1, rank: 9007199254740991 },
    ]);
    db.exec("UPDATE tickets SET status = 'resolved', resolved_at = '2026-11-23T10:00:00Z' WHERE id = 2");
    expect(slots()).toHaveLength(2);
    const plan = (
      db
        .prepare(
          'EXPLAIN QUERY PLAN SELECT ticket_id FROM board_slots WHERE priority = 1 AND lane = 0 ORDER BY rank, ticket_id LIMIT 50',
        )
        .all() as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' ');
    expect(plan).toContain('COVERING INDEX board_slots_cell (priority=? AND lane=?)');
    expect(plan).not.toContain('TEMP B-TREE');
    db.close();
  });
});

describe('migration 009', () => {
  it('gives the open tickets a search index of their own, filled from the one of all tickets', () => {
    const db = new DatabaseSync(':memory:');
    for (const migration of migrations.slice(0, 8)) db.exec(migration.up);
    for (const [seq, status, title] of [
      [1, 'new', 'Drucker streikt'],
      [2, 'closed', 'Drucker leer'],
    ] as const) {
      db.exec(`INSERT INTO tickets (number, year, seq, title, description, channel, requester_name,
        requester_department, requester_phone, requester_email, first_contact, impact, urgency, priority, triage,
        status, tier, created_at, updated_at) VALUES ('2026-000${seq}', 2026, ${seq}, '${title}', '', 'phone', 'n',
        'd', '', '', '{}', 'high', 'high', 2, '{}', '${status}', 'first', '2026-11-23T08:00:00Z', '2026-11-23T08:00:00Z')`);
      db.exec(`INSERT INTO tickets_fts (rowid, number, title, body) VALUES (${seq}, '2026-000${seq}', '${title}', '')`);
    }
    db.exec(migrations[8]!.up);
    expect(db.prepare("SELECT rowid, title FROM tickets_open_fts WHERE tickets_open_fts MATCH 'druck*'").all()).toEqual(
      [{ rowid: 1, title: 'Drucker streikt' }],
    );
    db.close();
  });
});

describe('migration 010', () => {
  it('counts a filtered board from one covering index', () => {
    const db = new DatabaseSync(':memory:');
    for (const migration of migrations) db.exec(migration.up);
    const plan = (
      db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT b.priority, b.lane, count(*) AS n FROM board_slots b INDEXED BY board_slots_filter
           WHERE 1 AND b.category IN ('printing') AND b.department = 'Vertrieb' COLLATE NOCASE GROUP BY b.priority, b.lane`,
        )
        .all() as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' ');
    expect(plan).toContain('COVERING INDEX board_slots_filter');
    db.close();
  });
});

describe('migration 011', () => {
  /** A desk as it was before 011: three events hashed over their data in the clear. */
  function deskAt10(tamper?: string) {
    const dir = fresh();
    const { db } = openDatabase(dir, migrations.slice(0, 10));
    let prev = GENESIS_HASH;
    for (let id = 1; id <= 3; id += 1) {
      const row = {
        id,
        ticket_id: null,
        at: `2026-11-0${id}T08:00:00.000Z`,
        actor: 'IT-Koordination',
        kind: 'settings.updated',
        data: JSON.stringify({ requester: `Anna Müller ${id}` }),
        prev_hash: prev,
      };
      const hash = eventHash(row);
      db.prepare(
        'INSERT INTO events (id, ticket_id, at, actor, kind, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(row.id, row.ticket_id, row.at, row.actor, row.kind, row.data, row.prev_hash, hash);
      prev = hash;
    }
    db.prepare('INSERT INTO audit_head (id, event_id, hash) VALUES (1, 3, ?)').run(prev);
    if (tamper) db.exec(tamper);
    db.close();
    return { dir, head: prev };
  }

  it('converts an intact chain: salted MACs instead of data in the clear, the old head recorded, verify passes', () => {
    const { dir, head } = deskAt10();
    const { db } = openDatabase(dir);
    const rows = db.prepare('SELECT id, chain, salt, data_mac, kind, data FROM events ORDER BY id').all() as {
      id: number;
      chain: number;
      salt: Uint8Array | null;
      data_mac: string | null;
      kind: string;
      data: string;
    }[];
    expect(rows.map((r) => r.chain)).toEqual([2, 2, 2, 2]);
    expect(rows.every((r) => r.salt?.length === 16 && /^[0-9a-f]{64}$/.test(r.data_mac ?? ''))).toBe(true);
    expect(rows[3]).toMatchObject({ kind: 'audit.chainUpgraded' });
    expect(JSON.parse(rows[3]!.data)).toEqual({ previousHead: head, converted: 3 });
    expect(verifyChain(db)).toEqual({ ok: true, checked: 4, firstBroken: null });
    // Changing the data is still found.
    db.exec(`UPDATE events SET data = replace(data, 'Anna', 'Erna') WHERE id = 2`);
    expect(verifyChain(db).firstBroken).toEqual({ eventId: 2, reason: 'hash_mismatch' });
    db.close();
  });

  it('keeps a break found in the old chain where it was', () => {
    const { dir } = deskAt10(`UPDATE events SET data = replace(data, 'Anna', 'Erna') WHERE id = 2`);
    const { db } = openDatabase(dir);
    expect(verifyChain(db).firstBroken?.eventId).toBe(2);
    expect((db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(3);
    db.close();
  });
});

describe('migration 012', () => {
  it('adds the knowledge base: one live article per address, versions per article, links to tickets', () => {
    const db = new DatabaseSync(':memory:');
    for (const migration of migrations.slice(0, 11)) {
      db.exec(migration.up);
      migration.run?.(db);
    }
    db.exec(migrations[11]?.up ?? '');
    const insert = db.prepare(
      `INSERT INTO kb_articles (slug, state, review_at, version, content, created_at, updated_at, updated_by, removed)
       VALUES (?, 'published', NULL, 1, '{}', 'now', 'now', 'x', ?)`,
    );
    insert.run('outlook', 0);
    expect(() => insert.run('outlook', 0)).toThrow(/UNIQUE/);
    // A removed article gives its address free.
    db.exec("UPDATE kb_articles SET removed = 1 WHERE slug = 'outlook'");
    insert.run('outlook', 0);
    expect(() =>
      db.exec(
        "INSERT INTO kb_articles (slug, state, version, content, created_at, updated_at, updated_by) VALUES ('x', 'gone', 1, '{}', 'a', 'a', 'x')",
      ),
    ).toThrow(/CHECK/);
    db.exec(
      "INSERT INTO kb_versions (article_id, version, content, saved_at, saved_by, note) VALUES (1, 1, '{}', 'a', 'x', '')",
    );
    expect(() =>
      db.exec(
        "INSERT INTO kb_versions (article_id, version, content, saved_at, saved_by, note) VALUES (1, 1, '{}', 'a', 'x', '')",
      ),
    ).toThrow(/UNIQUE|PRIMARY/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'kb_links_ticket'").get()).toBeDefined();
    db.close();
  });
});

describe('transaction', () => {
  it('nests as a savepoint: an inner failure rolls back only the inner work', async () => {
    const { transaction } = await import('../../../src/main/store/database');
    const db = openDatabase(fresh()).db;
    transaction(db, () => {
      db.exec("INSERT INTO settings (key, value) VALUES ('a', '1')");
      expect(() =>
        transaction(db, () => {
          db.exec("INSERT INTO settings (key, value) VALUES ('b', '2')");
          throw new Error('inner');
        }),
      ).toThrow('inner');
      transaction(db, () => db.exec("INSERT INTO settings (key, value) VALUES ('c', '3')"));
    });
    expect(db.prepare('SELECT key FROM settings ORDER BY key').all()).toEqual([{ key: 'a' }, { key: 'c' }]);
    expect(db.isTransaction).toBe(false);
    db.close();
  });
});
