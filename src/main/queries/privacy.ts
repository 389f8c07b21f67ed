import { mentions, type Identifiers } from '../../shared/domain/privacy';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

/** Tickets whose requester is the person, and tickets that mention them anywhere in their text or notes. */
export function ticketsOf(
  db: Db,
  personId: number | null,
  identifiers: Identifiers,
  words: readonly string[],
): { id: number; role: 'requester' | 'mentioned' }[] {
  const found = new Map<number, 'requester' | 'mentioned'>();
  const lowerEmails = identifiers.emails.map((e) => e.toLowerCase());
  const lowerNames = identifiers.names.map((n) => n.toLocaleLowerCase('de'));
  const requester = sql(
    db,
    `SELECT id, requester_person_id AS pid, lower(requester_email) AS email, requester_name AS name FROM tickets
      WHERE requester_erased = 0`,
  ).all() as { id: number; pid: number; email: string; name: string }[];
  for (const t of requester)
    if (
      (personId !== null && t.pid === personId) ||
      (t.email && lowerEmails.includes(t.email)) ||
      lowerNames.includes(t.name.toLocaleLowerCase('de'))
    )
      found.set(t.id, 'requester');
  if (personId !== null)
    for (const row of sql(db, "SELECT ticket_id FROM ticket_links WHERE kind = 'person' AND ref_id = ?").all(
      personId,
    ) as { ticket_id: number }[])
      if (!found.has(row.ticket_id)) found.set(row.ticket_id, 'mentioned');
  if (words.length) {
    const texts = sql(
      db,
      `SELECT id, title || ' ' || description || ' ' || first_contact || ' ' || coalesce(resolution, '') || ' ' ||
              requester_name || ' ' || requester_email || ' ' || requester_phone AS body FROM tickets`,
    ).all() as { id: number; body: string }[];
    for (const t of texts) if (!found.has(t.id) && mentions(t.body, words)) found.set(t.id, 'mentioned');
    for (const n of sql(db, 'SELECT ticket_id, body FROM notes').all() as { ticket_id: number; body: string }[])
      if (!found.has(n.ticket_id) && mentions(n.body, words)) found.set(n.ticket_id, 'mentioned');
  }
  return [...found].map(([id, role]) => ({ id, role })).sort((a, b) => a.id - b.id);
}

/** Events that belong to the tickets or name the person (in actor or data). */
export function eventsOf(db: Db, ticketIds: ReadonlySet<number>, words: readonly string[]): number[] {
  const ids: number[] = [];
  const rows = sql(db, 'SELECT id, ticket_id, actor, data FROM events ORDER BY id').all() as {
    id: number;
    ticket_id: number | null;
    actor: string;
    data: string;
  }[];
  for (const row of rows)
    if ((row.ticket_id !== null && ticketIds.has(row.ticket_id)) || mentions(`${row.actor} ${row.data}`, words))
      ids.push(row.id);
  return ids;
}

export type StoredPerson = { id: number; data: Record<string, unknown> };

export function directoryPerson(db: Db, id: number): StoredPerson | null {
  const row = sql(db, 'SELECT id, data FROM directory_people WHERE id = ?').get(id) as
    { id: number; data: string } | undefined;
  return row ? { id: row.id, data: JSON.parse(row.data) as Record<string, unknown> } : null;
}

export function directoryPersonByEmail(db: Db, email: string): StoredPerson | null {
  const row = sql(db, 'SELECT id FROM directory_people WHERE email_key = ? AND removed = 0').get(
    email.toLowerCase(),
  ) as { id: number } | undefined;
  return row ? directoryPerson(db, row.id) : null;
}
