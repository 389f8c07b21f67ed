import { DatabaseSync } from 'node:sqlite';
import type { MethodOutput } from '../../shared/contract';
import { verifyChainInSteps } from '../queries/audit';
import { databaseFile } from '../store/database';
import type { ServiceContext } from './context';

export function auditService(ctx: ServiceContext) {
  return {
    /**
     * On a read-only connection of its own, in batches: the desk keeps answering while ~100,000 events are
     * checked, and the walk sees one consistent state (a read transaction) however many writes follow.
     */
    'audit.verify': async (): Promise<MethodOutput<'audit.verify'>> => {
      const reader = new DatabaseSync(databaseFile(ctx.dataDir), { readOnly: true });
      try {
        reader.exec('BEGIN');
        return await verifyChainInSteps(reader);
      } finally {
        if (reader.isTransaction) reader.exec('COMMIT');
        reader.close();
      }
    },
  };
}
