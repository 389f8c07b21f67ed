import { backupConfigSchema, defaultBackupConfig, type BackupConfig } from '../../shared/domain/backups';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

const KEY = 'backups';

/** The stored backup settings; a row that no longer fits the schema gives the defaults. */
export function readBackupConfig(db: Db): BackupConfig {
  const row = sql(db, 'SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return defaultBackupConfig;
  const parsed = backupConfigSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : defaultBackupConfig;
}

export function writeBackupConfig(db: Db, config: BackupConfig): void {
  sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    KEY,
    JSON.stringify(config),
  );
}
