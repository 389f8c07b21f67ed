import type { ArticleContent } from '../../shared/domain/kb';
import type { Status } from '../../shared/domain/enums';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

export type ArticleRow = {
  id: number;
  slug: string;
  state: string;
  review_at: string | null;
  version: number;
  content: string;
  created_at: string;
  updated_at: string;
  updated_by: string;
};
export type StoredArticle = Omit<ArticleRow, 'content'> & { content: ArticleContent };

const columns = 'id, slug, state, review_at, version, content, created_at, updated_at, updated_by';
const parsed = (row: ArticleRow): StoredArticle => ({ ...row, content: JSON.parse(row.content) as ArticleContent });

export function findArticle(db: Db, id: number): StoredArticle | undefined {
  const row = sql(db, `SELECT ${columns} FROM kb_articles WHERE id = ? AND removed = 0`).get(id) as
    ArticleRow | undefined;
  return row ? parsed(row) : undefined;
}

export function articleBySlug(db: Db, slug: string): StoredArticle | undefined {
  const row = sql(db, `SELECT ${columns} FROM kb_articles WHERE slug = ? AND removed = 0`).get(slug) as
    ArticleRow | undefined;
  return row ? parsed(row) : undefined;
}

export function allArticles(db: Db): StoredArticle[] {
  return (sql(db, `SELECT ${columns} FROM kb_articles WHERE removed = 0 ORDER BY id`).all() as ArticleRow[]).map(
    parsed,
  );
}

export function articlesByIds(db: Db, ids: readonly number[]): StoredArticle[] {
  if (!ids.length) return [];
  const rows = sql(
    db,
    `SELECT ${columns} FROM kb_articles WHERE removed = 0 AND id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as ArticleRow[];
  return rows.map(parsed);
}

/** Writes the article's current content and its version row (call inside the changing transaction). */
export function writeArticle(
  db: Db,
  article: { id: number | null; version: number; content: ArticleContent; at: string; by: string; note: string },
): number {
  const content = JSON.stringify(article.content);
  const { slug, state, reviewAt } = article.content;
  let id = article.id;
  if (id === null) {
    const inserted = sql(
      db,
      `INSERT INTO kb_articles (slug, state, review_at, version, content, created_at, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(slug, state, reviewAt, article.version, content, article.at, article.at, article.by);
    id = Number(inserted.lastInsertRowid);
  } else
    sql(
      db,
      `UPDATE kb_articles SET slug = ?, state = ?, review_at = ?, version = ?, content = ?, updated_at = ?, updated_by = ?
        WHERE id = ?`,
    ).run(slug, state, reviewAt, article.version, content, article.at, article.by, id);
  sql(
    db,
    'INSERT INTO kb_versions (article_id, version, content, saved_at, saved_by, note) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(id, article.version, content, article.at, article.by, article.note);
  return id;
}

export function removeArticle(db: Db, id: number, at: string): void {
  sql(db, 'UPDATE kb_articles SET removed = 1, updated_at = ? WHERE id = ?').run(at, id);
  sql(db, 'DELETE FROM kb_links WHERE article_id = ?').run(id);
}

export type VersionRow = { version: number; content: string; saved_at: string; saved_by: string; note: string };

export function versionsOf(db: Db, id: number, limit: number): VersionRow[] {
  return sql(
    db,
    'SELECT version, content, saved_at, saved_by, note FROM kb_versions WHERE article_id = ? ORDER BY version DESC LIMIT ?',
  ).all(id, limit) as VersionRow[];
}

export function versionOf(db: Db, id: number, version: number): VersionRow | undefined {
  return sql(
    db,
    'SELECT version, content, saved_at, saved_by, note FROM kb_versions WHERE article_id = ? AND version = ?',
  ).get(id, version) as VersionRow | undefined;
}

/** Per article: how many tickets it is linked to, and when it was last linked. */
export function helpedCounts(db: Db): Map<number, { helped: number; lastAt: string }> {
  const rows = sql(
    db,
    'SELECT article_id AS id, COUNT(*) AS helped, MAX(linked_at) AS lastAt FROM kb_links GROUP BY article_id',
  ).all() as { id: number; helped: number; lastAt: string }[];
  return new Map(rows.map((row) => [row.id, { helped: row.helped, lastAt: row.lastAt }]));
}

/** One article's count and last link (after a change to it, instead of counting them all). */
export function helpedOne(db: Db, id: number): { helped: number; lastAt: string } | undefined {
  const row = sql(db, 'SELECT COUNT(*) AS helped, MAX(linked_at) AS lastAt FROM kb_links WHERE article_id = ?').get(
    id,
  ) as { helped: number; lastAt: string | null };
  return row.lastAt === null ? undefined : { helped: row.helped, lastAt: row.lastAt };
}

export function addLink(db: Db, articleId: number, ticketId: number, at: string): boolean {
  return (
    sql(db, 'INSERT OR IGNORE INTO kb_links (article_id, ticket_id, linked_at) VALUES (?, ?, ?)').run(
      articleId,
      ticketId,
      at,
    ).changes > 0
  );
}

export function deleteLink(db: Db, articleId: number, ticketId: number): boolean {
  return sql(db, 'DELETE FROM kb_links WHERE article_id = ? AND ticket_id = ?').run(articleId, ticketId).changes > 0;
}

export function articleIdsOfTicket(db: Db, ticketId: number): number[] {
  return (
    sql(db, 'SELECT article_id AS id FROM kb_links WHERE ticket_id = ? ORDER BY linked_at, article_id').all(
      ticketId,
    ) as { id: number }[]
  ).map((row) => row.id);
}

export function ticketsOfArticle(
  db: Db,
  articleId: number,
): { id: number; number: string; title: string; status: Status; linkedAt: string }[] {
  return sql(
    db,
    `SELECT t.id, t.number, t.title, t.status, l.linked_at AS linkedAt
       FROM kb_links l JOIN tickets t ON t.id = l.ticket_id
      WHERE l.article_id = ? ORDER BY l.linked_at DESC LIMIT 200`,
  ).all(articleId) as { id: number; number: string; title: string; status: Status; linkedAt: string }[];
}
