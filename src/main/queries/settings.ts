import type { Db } from '../store/database';
import { sql } from '../store/statements';

export function readSettingsRows(db: Db): Record<string, unknown> {
  const rows = sql(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}
