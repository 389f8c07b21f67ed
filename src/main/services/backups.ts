import type { MethodOutput, ParsedInput } from '../../shared/contract';
import type { BackupConfig } from '../../shared/domain/backups';
import { appendEvent } from '../queries/audit';
import { readBackupConfig, writeBackupConfig } from '../queries/backups';
import type { ServiceContext } from './context';

/** What the log says about a configuration: never key material, only whether backups are encrypted. */
const described = (config: BackupConfig) => ({
  enabled: config.enabled,
  target: config.target,
  everyHours: config.everyHours,
  keep: config.keep,
  encrypted: config.keys !== null,
  keysCreatedAt: config.keys?.createdAt ?? null,
});

/**
 * The store's part of backups: their settings and keys, kept in the database (so a restored desk keeps them) and
 * logged. Making, verifying and restoring backups is file work in the host's background service (host/backups).
 */
export function backupsService(ctx: ServiceContext) {
  return {
    'backups.config.get': (): MethodOutput<'backups.config.get'> => readBackupConfig(ctx.db),
    'backups.config.save': ({ config }: ParsedInput<'backups.config.save'>): MethodOutput<'backups.config.save'> => {
      const before = readBackupConfig(ctx.db);
      if (JSON.stringify(before) === JSON.stringify(config)) return before;
      ctx.write(
        () => {
          writeBackupConfig(ctx.db, config);
          appendEvent(ctx.db, {
            ticketId: null,
            at: ctx.now().toISOString(),
            actor: ctx.settings().coordinatorName,
            kind: 'backups.configured',
            data: { before: described(before), after: described(config) },
          });
        },
        () => [{ entity: 'system', ids: [] }],
      );
      return config;
    },
  };
}
