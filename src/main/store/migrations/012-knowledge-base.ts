import type { Migration } from './types';

/**
 * The knowledge base: articles with every saved version, and which tickets an article helped with. The article row
 * holds the current version's content (what lists, search and suggestions read); `kb_versions` holds each save,
 * current one included, so a restore is a new version made from an old one. Removal is soft: the history stays.
 */
export const migration012: Migration = {
  version: 12,
  name: 'Knowledge base',
  up: `
    CREATE TABLE kb_articles (
      id INTEGER PRIMARY KEY,
      slug TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('draft', 'published', 'archived')),
      review_at TEXT,
      version INTEGER NOT NULL,
      content TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      removed INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE UNIQUE INDEX kb_articles_slug ON kb_articles (slug) WHERE removed = 0;
    CREATE INDEX kb_articles_review ON kb_articles (review_at) WHERE removed = 0;

    CREATE TABLE kb_versions (
      article_id INTEGER NOT NULL REFERENCES kb_articles (id),
      version INTEGER NOT NULL,
      content TEXT NOT NULL,
      saved_at TEXT NOT NULL,
      saved_by TEXT NOT NULL,
      note TEXT NOT NULL,
      PRIMARY KEY (article_id, version)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE kb_links (
      article_id INTEGER NOT NULL REFERENCES kb_articles (id),
      ticket_id INTEGER NOT NULL REFERENCES tickets (id),
      linked_at TEXT NOT NULL,
      PRIMARY KEY (article_id, ticket_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX kb_links_ticket ON kb_links (ticket_id, article_id);
  `,
};
