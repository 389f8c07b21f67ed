import type { Department, DirectorySystem, Person } from '../../shared/domain/directory';
import { emailKey, foldForSearch, searchKey } from '../../shared/domain/directory';
import type { TicketSummary } from '../../shared/domain/ticket';
import type { Db } from '../store/database';
import { sql } from '../store/statements';
import { rowToSummary, slaSummaryColumns, summaryColumns, type SummaryRow } from './tickets';

type DataRow = { id: number; data: string };
const parse = <T>(row: DataRow): T => ({ ...(JSON.parse(row.data) as T), id: row.id });

// People ----------------------------------------------------------------------------------------------------

const personSearch = (p: Person) => searchKey(p.name, p.email, p.phone, p.department, p.location, p.role);

export function allPeople(db: Db): Person[] {
  return (sql(db, 'SELECT id, data FROM directory_people WHERE removed = 0 ORDER BY id').all() as DataRow[]).map(
    (row) => parse<Person>(row),
  );
}

export function findPerson(db: Db, id: number): Person | undefined {
  const row = sql(db, 'SELECT id, data FROM directory_people WHERE id = ? AND removed = 0').get(id) as
    DataRow | undefined;
  return row ? parse<Person>(row) : undefined;
}

export function personByEmail(db: Db, email: string): Person | undefined {
  const key = emailKey(email);
  if (!key) return undefined;
  const row = sql(db, 'SELECT id, data FROM directory_people WHERE email_key = ? AND removed = 0').get(key) as
    DataRow | undefined;
  return row ? parse<Person>(row) : undefined;
}

/** Inserts (id 0) or replaces a person; returns it with its id. */
export function writePerson(db: Db, person: Person, at: string): Person {
  const { id, ...data } = person;
  const values = [emailKey(person.email), JSON.stringify(data), personSearch(person), at] as const;
  if (id === 0) {
    const result = sql(
      db,
      'INSERT INTO directory_people (email_key, data, search, updated_at) VALUES (?, ?, ?, ?)',
    ).run(...values);
    return { ...person, id: Number(result.lastInsertRowid) };
  }
  sql(db, 'UPDATE directory_people SET email_key = ?, data = ?, search = ?, updated_at = ? WHERE id = ?').run(
    ...values,
    id,
  );
  return person;
}

export function removePerson(db: Db, id: number, at: string): void {
  sql(db, 'UPDATE directory_people SET removed = 1, updated_at = ? WHERE id = ?').run(at, id);
}

// Departments -----------------------------------------------------------------------------------------------

export function allDepartments(db: Db): Department[] {
  return (
    sql(db, 'SELECT id, data FROM directory_departments WHERE removed = 0 ORDER BY name_key').all() as DataRow[]
  ).map((row) => parse<Department>(row));
}

export function findDepartment(db: Db, id: number): Department | undefined {
  const row = sql(db, 'SELECT id, data FROM directory_departments WHERE id = ? AND removed = 0').get(id) as
    DataRow | undefined;
  return row ? parse<Department>(row) : undefined;
}

export function writeDepartment(db: Db, department: Department, at: string): Department {
  const { id, ...data } = department;
  const values = [foldForSearch(department.name), JSON.stringify(data), at] as const;
  if (id === 0) {
    const result = sql(db, 'INSERT INTO directory_departments (name_key, data, updated_at) VALUES (?, ?, ?)').run(
      ...values,
    );
    return { ...department, id: Number(result.lastInsertRowid) };
  }
  sql(db, 'UPDATE directory_departments SET name_key = ?, data = ?, updated_at = ? WHERE id = ?').run(...values, id);
  return department;
}

export function removeDepartment(db: Db, id: number, at: string): void {
  sql(db, 'UPDATE directory_departments SET removed = 1, updated_at = ? WHERE id = ?').run(at, id);
}

// Systems ---------------------------------------------------------------------------------------------------

const systemSearch = (s: DirectorySystem) => searchKey(s.name, s.location, ...s.departments, ...s.processes);

export function allSystems(db: Db): DirectorySystem[] {
  return (sql(db, 'SELECT id, data FROM directory_systems WHERE removed = 0 ORDER BY name_key').all() as DataRow[]).map(
    (row) => parse<DirectorySystem>(row),
  );
}

export function findSystem(db: Db, id: number): DirectorySystem | undefined {
  const row = sql(db, 'SELECT id, data FROM directory_systems WHERE id = ? AND removed = 0').get(id) as
    DataRow | undefined;
  return row ? parse<DirectorySystem>(row) : undefined;
}

export function writeSystem(db: Db, system: DirectorySystem, at: string): DirectorySystem {
  const { id, ...data } = system;
  const values = [foldForSearch(system.name), JSON.stringify(data), systemSearch(system), at] as const;
  if (id === 0) {
    const result = sql(
      db,
      'INSERT INTO directory_systems (name_key, data, search, updated_at) VALUES (?, ?, ?, ?)',
    ).run(...values);
    return { ...system, id: Number(result.lastInsertRowid) };
  }
  sql(db, 'UPDATE directory_systems SET name_key = ?, data = ?, search = ?, updated_at = ? WHERE id = ?').run(
    ...values,
    id,
  );
  return system;
}

export function removeSystem(db: Db, id: number, at: string): void {
  sql(db, 'UPDATE directory_systems SET removed = 1, updated_at = ? WHERE id = ?').run(at, id);
}

// Search ----------------------------------------------------------------------------------------------------

/** Rows whose folded words contain every folded word of the query (each as a word start or inside a word). */
export function searchRows(
  db: Db,
  table: 'directory_people' | 'directory_systems',
  words: readonly string[],
  limit: number,
): DataRow[] {
  if (words.length === 0) return [];
  const where = words.map(() => 'instr(search, ?) > 0').join(' AND ');
  // Word starts rank first (" mül" in " müller"), then the rest in id order.
  const rank = `CASE WHEN instr(' ' || search, ' ' || ?) > 0 THEN 0 ELSE 1 END`;
  return sql(db, `SELECT id, data FROM ${table} WHERE removed = 0 AND ${where} ORDER BY ${rank}, id LIMIT ?`).all(
    ...words,
    words[0]!,
    limit,
  ) as DataRow[];
}

// Ticket links ----------------------------------------------------------------------------------------------

export function setTicketLinks(db: Db, ticketId: number, personId: number | null, systemIds: readonly number[]) {
  sql(db, 'DELETE FROM ticket_links WHERE ticket_id = ?').run(ticketId);
  if (personId)
    sql(db, "INSERT INTO ticket_links (ticket_id, kind, ref_id) VALUES (?, 'person', ?)").run(ticketId, personId);
  for (const systemId of new Set(systemIds))
    sql(db, "INSERT INTO ticket_links (ticket_id, kind, ref_id) VALUES (?, 'system', ?)").run(ticketId, systemId);
}

export function linksOfTicket(db: Db, ticketId: number): { personId: number | null; systemIds: number[] } {
  const rows = sql(db, 'SELECT kind, ref_id FROM ticket_links WHERE ticket_id = ? ORDER BY kind, ref_id').all(
    ticketId,
  ) as { kind: 'person' | 'system'; ref_id: number }[];
  return {
    personId: rows.find((r) => r.kind === 'person')?.ref_id ?? null,
    systemIds: rows.filter((r) => r.kind === 'system').map((r) => r.ref_id),
  };
}

/** Tickets linked to a person or system, newest first; `openOnly` for a system's open tickets. */
export function linkedTickets(
  db: Db,
  kind: 'person' | 'system',
  refId: number,
  options: { openOnly: boolean; limit: number; exceptTicket?: number },
): TicketSummary[] {
  return (
    sql(
      db,
      `SELECT ${summaryColumns}, ${slaSummaryColumns} FROM tickets
       WHERE id IN (SELECT ticket_id FROM ticket_links WHERE kind = ? AND ref_id = ?)
         AND (? = 0 OR is_open = 1) AND id <> ?
       ORDER BY id DESC LIMIT ?`,
    ).all(kind, refId, options.openOnly ? 1 : 0, options.exceptTicket ?? 0, options.limit) as SummaryRow[]
  ).map(rowToSummary);
}

export function linkCounts(db: Db, kind: 'person' | 'system', openOnly: boolean): Map<number, number> {
  const rows = sql(
    db,
    `SELECT l.ref_id AS ref, count(*) AS n FROM ticket_links l JOIN tickets t ON t.id = l.ticket_id
     WHERE l.kind = ? AND (? = 0 OR t.is_open = 1) GROUP BY l.ref_id`,
  ).all(kind, openOnly ? 1 : 0) as { ref: number; n: number }[];
  return new Map(rows.map((r) => [r.ref, r.n]));
}

/** Every record's folded search words, in id order: what the in-memory typeahead index is built from. */
export function searchKeys(db: Db, table: 'directory_people' | 'directory_systems'): { id: number; search: string }[] {
  return sql(db, `SELECT id, search FROM ${table} WHERE removed = 0 ORDER BY id`).all() as {
    id: number;
    search: string;
  }[];
}

export function rowsByIds(db: Db, table: 'directory_people' | 'directory_systems', ids: readonly number[]): DataRow[] {
  if (!ids.length) return [];
  const rows = sql(db, `SELECT id, data FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(ids),
  ) as DataRow[];
  const order = new Map(ids.map((id, index) => [id, index]));
  return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/** Another live record with this name (folded), for the unique-name rule. */
export function otherWithName(db: Db, table: 'directory_systems' | 'directory_departments', name: string, id: number) {
  return sql(db, `SELECT id, data FROM ${table} WHERE name_key = ? AND removed = 0 AND id <> ?`).get(
    foldForSearch(name),
    id,
  ) as DataRow | undefined;
}

/** What a ticket row names: its person and its systems (from the first-contact answers). */
export function ticketNames(db: Db, ticketId: number): { personId: number; systemIds: number[] } | undefined {
  const row = sql(db, 'SELECT requester_person_id, first_contact FROM tickets WHERE id = ?').get(ticketId) as
    { requester_person_id: number; first_contact: string } | undefined;
  if (!row) return undefined;
  const systemIds = (JSON.parse(row.first_contact) as { systemIds?: number[] }).systemIds ?? [];
  return { personId: row.requester_person_id, systemIds };
}
