import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { errorMessage } from '../i18n';
import { findBackups } from '../host/backups/catalogue';
import { MANIFEST } from '../host/backups/format';
import { restoreBackup } from '../host/backups/job';

// `npm run restore -- --from DIR --to DIR [--id ID] [--passphrase-file FILE]`: restores a backup into a new data
// directory without the app (a new laptop, a dead disk). DIR is the backup folder or one backup inside it; without
// --id the newest verified backup is taken. The passphrase of an encrypted backup comes from --passphrase-file or
// LEITSTAND_BACKUP_PASSPHRASE, never from the command line (it would stay in the shell's history).
const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    id: { type: 'string' },
    'passphrase-file': { type: 'string' },
    lang: { type: 'string', default: 'de' },
  },
  strict: true,
});
const language = values.lang === 'en' ? 'en' : 'de';

async function main(): Promise<void> {
  if (!values.from || !values.to) {
    console.error('Usage: npm run restore -- --from BACKUP_DIR --to NEW_DATA_DIR [--id ID] [--passphrase-file FILE]');
    process.exit(2);
  }
  const from = resolve(values.from);
  const single = existsSync(join(from, MANIFEST));
  const root = single ? dirname(from) : from;
  const { backups } = findBackups(root);
  const chosen = single
    ? backups.find((b) => b.manifest.id === basename(from))
    : values.id
      ? backups.find((b) => b.manifest.id === values.id)
      : backups.find((b) => b.verification?.state === 'ok');
  if (!chosen) throw new AppError('not_found', 'backup_not_found', { id: values.id ?? basename(from) });
  const passphrase = values['passphrase-file']
    ? readFileSync(values['passphrase-file'], 'utf8').replace(/\r?\n$/, '')
    : process.env.LEITSTAND_BACKUP_PASSPHRASE;
  console.log(
    `${chosen.manifest.id}: ${chosen.manifest.counts.tickets} tickets, ${chosen.manifest.counts.events} events, ${chosen.manifest.files.length} files, schema ${chosen.manifest.schemaVersion}${chosen.manifest.encrypted ? ', encrypted' : ''}`,
  );
  const outcome = await restoreBackup({
    kind: 'restore',
    dataDir: resolve(values.to),
    root,
    id: chosen.manifest.id,
    to: resolve(values.to),
    ...(passphrase ? { passphrase } : {}),
  });
  console.log(
    `restored into ${outcome.dataDir} (schema ${outcome.schemaVersion}${outcome.migratedFrom ? `, migrated from ${outcome.migratedFrom}` : ''}); start Leitstand with this folder, e.g. npm run serve -- --data ${outcome.dataDir}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof AppError ? errorMessage(language, error.messageKey, error.params) : error);
  process.exit(1);
});
