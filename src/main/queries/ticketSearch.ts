import type { SQLInputValue } from 'node:sqlite';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { TicketFilter, TicketSort } from '../../shared/contract/tickets';
import { priorityRank } from '../../shared/domain/enums';
import type { TicketSummary } from '../../shared/domain/ticket';
import type { Db } from '../store/database';
import { sql } from '../store/statements';
import { rowToSummary, slaSummaryColumns, summaryColumns, type SummaryRow } from './tickets';

/**
 * Turns what a person types into an FTS5 query: every word must occur, each as a prefix,
 * quoted so that FTS syntax characters in the input are only ever text.
 */
export function toFtsQuery(input: string): string | null {
  const words = input.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const unique = [...new Set(words.map((word) => word.toLowerCase()))].slice(0, 8);
  return unique.length ? unique.map((word) => `"${word}"*`).join(' ') : null;
}

/** Rewrites the ticket's search row from its current fields and notes. Call in the changing transaction. */
export function indexTicketText(db: Db, ticketId: number): void {
  const ticket = sql(
    db,
    `SELECT number, title, description, requester_name, requester_department, first_contact, is_open
       FROM tickets WHERE id = ?`,
  ).get(ticketId) as
    | {
        number: string;
        title: string;
        description: string;
        requester_name: string;
        requester_department: string;
        first_contact: string;
        is_open: number;
      }
    | undefined;
  if (!ticket) return;
  const firstContact = JSON.parse(ticket.first_contact) as Record<string, unknown>;
  const notes = sql(db, 'SELECT body FROM notes WHERE ticket_id = ? ORDER BY id').all(ticketId) as {
    body: string;
  }[];
  const body = [
    ticket.description,
    ticket.requester_name,
    ticket.requester_department,
    firstContact.affectedSystems,
    firstContact.businessProcess,
    firstContact.recentChanges,
    ...notes.map((note) => note.body),
  ]
    .filter((part) => typeof part === 'string' && part.length > 0)
    .join('\n');
  sql(db, 'DELETE FROM tickets_fts WHERE rowid = ?').run(ticketId);
  sql(db, 'INSERT INTO tickets_fts (rowid, number, title, body) VALUES (?, ?, ?, ?)').run(
    ticketId,
    ticket.number,
    ticket.title,
    body,
  );
  sql(db, 'DELETE FROM tickets_open_fts WHERE rowid = ?').run(ticketId);
  if (ticket.is_open === 1)
    sql(db, 'INSERT INTO tickets_open_fts (rowid, number, title, body) VALUES (?, ?, ?, ?)').run(
      ticketId,
      ticket.number,
      ticket.title,
      body,
    );
}

/**
 * After any change to tickets (in its transaction): a ticket resolved or closed leaves the open tickets' search
 * index, a reopened one comes back with its text. Text changes of open tickets are written by `indexTicketText`.
 */
export function syncOpenSearch(db: Db, ticketIds: readonly number[]): void {
  for (const id of new Set(ticketIds)) {
    const row = sql(
      db,
      `SELECT t.is_open AS open, EXISTS (SELECT 1 FROM tickets_open_fts o WHERE o.rowid = t.id) AS indexed
         FROM tickets t WHERE t.id = ?`,
    ).get(id) as { open: number; indexed: number } | undefined;
    if (!row || row.open === row.indexed) continue;
    if (row.open) indexTicketText(db, id);
    else sql(db, 'DELETE FROM tickets_open_fts WHERE rowid = ?').run(id);
  }
}

/** Where the next page starts, and in which order it was taken: a cursor only continues the list it came from. */
const cursorSchema = z.strictObject({
  by: z.enum(['priority', 'created', 'number', 'updated']),
  dir: z.enum(['asc', 'desc']),
  key: z.union([z.number(), z.string().max(64)]),
  id: z.int().positive(),
});
type Cursor = z.infer<typeof cursorSchema>;

const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

/** A cursor is input from outside: one we did not issue for this order is refused, never read as "page 1". */
function decodeCursor(text: string | null, sort: TicketSort): Cursor | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  const parsed = cursorSchema.safeParse(value);
  if (!parsed.success || parsed.data.by !== sort.by || parsed.data.dir !== sort.dir)
    throw new AppError('invalid_input', 'invalid_cursor', {}, [{ path: ['cursor'] }]);
  return parsed.data;
}

const sortColumn: Record<TicketSort['by'], 'priority' | 'id' | 'updated_at'> = {
  priority: 'priority',
  created: 'id',
  number: 'id',
  updated: 'updated_at',
};

/** The list's filter as the query runs it: a report's figure comes as the tickets it counts. */
export type ListFilter = Omit<TicketFilter, 'report'> & { ids?: readonly number[] };

function whereClause(filter: ListFilter): { sql: string[]; params: SQLInputValue[] } {
  const sql: string[] = [];
  const params: SQLInputValue[] = [];
  const inList = (column: string, values: readonly SQLInputValue[] | undefined) => {
    if (!values || values.length === 0) return;
    sql.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  inList('status', filter.status);
  inList(
    'priority',
    filter.priority?.map((p) => priorityRank[p]),
  );
  inList('channel', filter.channel);
  inList('category', filter.category);
  inList('tier', filter.tier);
  // The directory's links: a person's tickets, a system's tickets; a department by the requester's department.
  if (filter.personId !== undefined) {
    sql.push("id IN (SELECT ticket_id FROM ticket_links WHERE kind = 'person' AND ref_id = ?)");
    params.push(filter.personId);
  }
  if (filter.systemId !== undefined) {
    sql.push("id IN (SELECT ticket_id FROM ticket_links WHERE kind = 'system' AND ref_id = ?)");
    params.push(filter.systemId);
  }
  if (filter.department !== undefined) {
    sql.push('requester_department = ? COLLATE NOCASE');
    params.push(filter.department);
  }
  if (filter.ids !== undefined) {
    sql.push('id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filter.ids));
  }
  if (filter.open !== undefined) {
    sql.push('is_open = ?');
    params.push(filter.open ? 1 : 0);
  }
  const fts = filter.q ? toFtsQuery(filter.q) : null;
  if (filter.q && !fts) sql.push('0');
  if (fts) {
    // Open tickets have a search index of their own: the match then costs what the open tickets cost.
    const index = filter.open === true ? 'tickets_open_fts' : 'tickets_fts';
    sql.push(`id IN (SELECT rowid FROM ${index} WHERE ${index} MATCH ?)`);
    params.push(fts);
  }
  return { sql, params };
}

export function listTickets(
  db: Db,
  input: { filter: ListFilter; sort: TicketSort; limit: number; cursor: string | null },
): { items: TicketSummary[]; nextCursor: string | null; total: number | null } {
  const where = whereClause(input.filter);
  const column = sortColumn[input.sort.by];
  const dir = input.sort.dir === 'asc' ? 'ASC' : 'DESC';
  const after = decodeCursor(input.cursor, input.sort);
  const pageWhere = [...where.sql];
  const pageParams = [...where.params];
  if (after) {
    const op = dir === 'ASC' ? '>' : '<';
    if (column === 'id') {
      pageWhere.push(`id ${op} ?`);
      pageParams.push(after.id);
    } else {
      pageWhere.push(`(${column}, id) ${op} (?, ?)`);
      pageParams.push(after.key, after.id);
    }
  }
  const order = column === 'id' ? `id ${dir}` : `${column} ${dir}, id ${dir}`;
  const rows = sql(
    db,
    `SELECT ${summaryColumns}, ${slaSummaryColumns} FROM tickets ${toWhere(pageWhere)} ORDER BY ${order} LIMIT ?`,
  ).all(...pageParams, input.limit + 1) as SummaryRow[];
  const more = rows.length > input.limit;
  const page = more ? rows.slice(0, input.limit) : rows;
  const last = page.at(-1);
  // Counting costs as much as the page itself on broad filters; later pages keep the first page's count.
  const total = after
    ? null
    : (sql(db, `SELECT count(*) AS n FROM tickets ${toWhere(where.sql)}`).get(...where.params) as { n: number }).n;
  return {
    items: page.map(rowToSummary),
    nextCursor:
      more && last
        ? encodeCursor({
            by: input.sort.by,
            dir: input.sort.dir,
            key: column === 'id' ? last.id : last[column],
            id: last.id,
          })
        : null,
    total,
  };
}

const toWhere = (parts: string[]): string => (parts.length ? `WHERE ${parts.join(' AND ')}` : '');

/** Newest matches first: recency is what a desk looks for, and it lets FTS stop after `limit` rows. */
export function searchTickets(db: Db, q: string, limit: number): (TicketSummary & { snippet: string })[] {
  const fts = toFtsQuery(q);
  if (!fts) return [];
  const hits = sql(
    db,
    `SELECT rowid AS id, snippet(tickets_fts, -1, '[', ']', '…', 12) AS snippet
       FROM tickets_fts WHERE tickets_fts MATCH ? ORDER BY rowid DESC LIMIT ?`,
  ).all(fts, limit) as { id: number; snippet: string }[];
  if (hits.length === 0) return [];
  const rows = sql(
    db,
    `SELECT ${summaryColumns}, ${slaSummaryColumns} FROM tickets WHERE id IN (${hits.map(() => '?').join(', ')})`,
  ).all(...hits.map((hit) => hit.id)) as SummaryRow[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return hits.flatMap((hit) => {
    const row = byId.get(hit.id);
    return row ? [{ ...rowToSummary(row), snippet: hit.snippet }] : [];
  });
}
