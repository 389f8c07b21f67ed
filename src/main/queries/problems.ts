import type { ProblemContent, Rca } from '../../shared/domain/problem';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

export type ProblemRow = {
  id: number;
  state: string;
  content: string;
  rca: string;
  article_id: number | null;
  fixed_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
};
export type StoredProblem = Omit<ProblemRow, 'content' | 'rca'> & { content: ProblemContent; rca: Rca };
const columns = 'id, state, content, rca, article_id, fixed_at, version, created_at, updated_at';
const parsed = (row: ProblemRow): StoredProblem => ({
  ...row,
  content: JSON.parse(row.content) as ProblemContent,
  rca: JSON.parse(row.rca) as Rca,
});

export function findProblem(db: Db, id: number): StoredProblem | undefined {
  const row = sql(db, `SELECT ${columns} FROM problems WHERE id = ? AND removed = 0`).get(id) as ProblemRow | undefined;
  return row ? parsed(row) : undefined;
}

export function allProblems(db: Db): StoredProblem[] {
  return (sql(db, `SELECT ${columns} FROM problems WHERE removed = 0 ORDER BY id DESC`).all() as ProblemRow[]).map(
    parsed,
  );
}

export function insertProblem(db: Db, p: { content: ProblemContent; rca: Rca; at: string }): number {
  const row = sql(
    db,
    `INSERT INTO problems (state, content, rca, version, created_at, updated_at, fixed_at)
     VALUES (?, ?, ?, 1, ?, ?, ?) RETURNING id`,
  ).get(
    p.content.state,
    JSON.stringify(p.content),
    JSON.stringify(p.rca),
    p.at,
    p.at,
    p.content.state === 'resolved' ? p.at : null,
  ) as { id: number };
  return row.id;
}

export function updateProblem(
  db: Db,
  id: number,
  p: { content: ProblemContent; rca: Rca; at: string; fixedAt: string | null; articleId: number | null },
): void {
  sql(
    db,
    `UPDATE problems SET state = ?, content = ?, rca = ?, fixed_at = ?, article_id = ?, updated_at = ?,
       version = version + 1 WHERE id = ?`,
  ).run(p.content.state, JSON.stringify(p.content), JSON.stringify(p.rca), p.fixedAt, p.articleId, p.at, id);
}

export const removeProblemRow = (db: Db, id: number, at: string) =>
  sql(db, 'UPDATE problems SET removed = 1, updated_at = ?, version = version + 1 WHERE id = ?').run(at, id);

export type LinkedRow = {
  problem_id: number;
  ticket_id: number;
  linked_at: string;
  number: string;
  title: string;
  status: string;
  priority: number;
  created_at: string;
  requester_name: string;
  requester_email: string;
  is_open: number;
};
const linkedColumns = `l.problem_id, l.ticket_id, l.linked_at, t.number, t.title, t.status, t.priority, t.created_at,
  t.requester_name, t.requester_email, t.is_open`;

export function linkedTickets(db: Db, problemId: number): LinkedRow[] {
  return sql(
    db,
    `SELECT ${linkedColumns} FROM problem_links l JOIN tickets t ON t.id = l.ticket_id
     WHERE l.problem_id = ? ORDER BY t.created_at, t.id`,
  ).all(problemId) as LinkedRow[];
}

/** Linked tickets of every problem at once (the list), by problem. */
export function linkCounts(db: Db): Map<number, { incidents: number; open: number; best: number }> {
  const rows = sql(
    db,
    `SELECT l.problem_id AS id, count(*) AS incidents, sum(t.is_open) AS open, min(t.priority) AS best,
       count(*) AS n FROM problem_links l JOIN tickets t ON t.id = l.ticket_id GROUP BY l.problem_id`,
  ).all() as { id: number; incidents: number; open: number; best: number }[];
  return new Map(rows.map((r) => [r.id, r]));
}

export function problemOfTicket(db: Db, ticketId: number): number | null {
  const row = sql(db, 'SELECT problem_id FROM problem_links WHERE ticket_id = ?').get(ticketId) as
    { problem_id: number } | undefined;
  return row?.problem_id ?? null;
}

/** Of these tickets, the ones linked to a problem (and to which). */
export function linksOfTickets(db: Db, ticketIds: readonly number[]): Map<number, number> {
  if (!ticketIds.length) return new Map();
  const rows = sql(
    db,
    'SELECT ticket_id, problem_id FROM problem_links WHERE ticket_id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(ticketIds)) as { ticket_id: number; problem_id: number }[];
  return new Map(rows.map((r) => [r.ticket_id, r.problem_id]));
}

export const allLinkedTicketIds = (db: Db): Set<number> =>
  new Set((sql(db, 'SELECT ticket_id FROM problem_links').all() as { ticket_id: number }[]).map((r) => r.ticket_id));

export const insertLink = (db: Db, problemId: number, ticketId: number, at: string) =>
  sql(db, 'INSERT INTO problem_links (problem_id, ticket_id, linked_at) VALUES (?, ?, ?)').run(problemId, ticketId, at);
export const deleteLink = (db: Db, problemId: number, ticketId: number) =>
  sql(db, 'DELETE FROM problem_links WHERE problem_id = ? AND ticket_id = ?').run(problemId, ticketId).changes;

export type ActionRow = {
  id: number;
  problem_id: number;
  title: string;
  owner: string;
  due: string;
  state: string;
  done_at: string | null;
  reminded_at: string | null;
  created_at: string;
};
export const actionsOf = (db: Db, problemId: number): ActionRow[] =>
  sql(db, 'SELECT * FROM problem_actions WHERE problem_id = ? ORDER BY due, id').all(problemId) as ActionRow[];
export const findAction = (db: Db, id: number): ActionRow | undefined =>
  sql(db, 'SELECT * FROM problem_actions WHERE id = ?').get(id) as ActionRow | undefined;
/** Open action items of problems still on the desk, the earliest due first. */
export const openActions = (db: Db): (ActionRow & { problem_title: string })[] =>
  sql(
    db,
    `SELECT a.*, json_extract(p.content, '$.title') AS problem_title FROM problem_actions a
     JOIN problems p ON p.id = a.problem_id AND p.removed = 0
     WHERE a.state IN ('open', 'inProgress') ORDER BY a.due, a.id`,
  ).all() as (ActionRow & { problem_title: string })[];

export function insertAction(db: Db, a: Omit<ActionRow, 'id' | 'done_at' | 'reminded_at'>): number {
  const row = sql(
    db,
    `INSERT INTO problem_actions (problem_id, title, owner, due, state, created_at) VALUES (?, ?, ?, ?, ?, ?)
     RETURNING id`,
  ).get(a.problem_id, a.title, a.owner, a.due, a.state, a.created_at) as { id: number };
  return row.id;
}
export function updateAction(db: Db, a: Pick<ActionRow, 'id' | 'title' | 'owner' | 'due' | 'state' | 'done_at'>) {
  sql(
    db,
    'UPDATE problem_actions SET title = ?, owner = ?, due = ?, state = ?, done_at = ?, reminded_at = CASE WHEN due = ? THEN reminded_at END WHERE id = ?',
  ).run(a.title, a.owner, a.due, a.state, a.done_at, a.due, a.id);
}
export const markReminded = (db: Db, id: number, at: string) =>
  sql(db, 'UPDATE problem_actions SET reminded_at = ? WHERE id = ?').run(at, id);

export const dismissals = (db: Db): number[][] =>
  (sql(db, 'SELECT ticket_ids FROM pattern_dismissals').all() as { ticket_ids: string }[]).map(
    (r) => JSON.parse(r.ticket_ids) as number[],
  );
export const insertDismissal = (db: Db, ticketIds: readonly number[], reason: string, at: string) =>
  sql(db, 'INSERT INTO pattern_dismissals (ticket_ids, reason, at) VALUES (?, ?, ?)').run(
    JSON.stringify(ticketIds),
    reason,
    at,
  );

export type WindowTicketRow = {
  id: number;
  number: string;
  title: string;
  description: string;
  status: string;
  category: string | null;
  requester_name: string;
  requester_email: string;
  requester_department: string;
  created_at: string;
  notes: string | null;
  systems: string | null;
};
const windowColumns = `t.id, t.number, t.title, t.description, t.status, t.category, t.requester_name,
  t.requester_email, t.requester_department, t.created_at,
  (SELECT substr(group_concat(n.body, ' '), 1, 4000) FROM notes n WHERE n.ticket_id = t.id) AS notes,
  (SELECT json_group_array(k.ref_id) FROM ticket_links k WHERE k.ticket_id = t.id AND k.kind = 'system') AS systems`;

/** The newest tickets since a time (at most `limit`), with their notes' text and systems. */
export const windowTickets = (db: Db, since: string, limit: number): WindowTicketRow[] =>
  sql(
    db,
    `SELECT ${windowColumns} FROM tickets t WHERE t.created_at >= ? ORDER BY t.created_at DESC, t.id DESC LIMIT ?`,
  ).all(since, limit) as WindowTicketRow[];

export const windowTicketsByIds = (db: Db, ids: readonly number[]): WindowTicketRow[] =>
  ids.length
    ? (sql(db, `SELECT ${windowColumns} FROM tickets t WHERE t.id IN (SELECT value FROM json_each(?))`).all(
        JSON.stringify(ids),
      ) as WindowTicketRow[])
    : [];
