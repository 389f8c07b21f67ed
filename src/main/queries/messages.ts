import type { Db } from '../store/database';
import { sql } from '../store/statements';

const TEMPLATES_KEY = 'messages.templates';

export function readTemplatesRow(db: Db): unknown {
  const row = sql(db, 'SELECT value FROM settings WHERE key = ?').get(TEMPLATES_KEY) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

export function writeTemplatesRow(db: Db, templates: unknown): void {
  sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    TEMPLATES_KEY,
    JSON.stringify(templates),
  );
}
