import { DatabaseSync } from 'node:sqlite';
import type { MethodOutput } from '../../shared/contract';
import { GENESIS_HASH, verifyChainInSteps } from '../queries/audit';
import { sql } from '../store/statements';
import { databaseFile } from '../store/database';
import type { ServiceContext } from './context';

export function auditService(ctx: ServiceContext) {
  return {
    'audit.head': (): MethodOutput<'audit.head'> => {
      const head = sql(ctx.db, 'SELECT event_id, hash FROM audit_head WHERE id = 1').get() as
        { event_id: number; hash: string } | undefined;
      const first = sql(ctx.db, 'SELECT at FROM events ORDER BY id LIMIT 1').get() as { at: string } | undefined;
      return { eventId: head?.event_id ?? 0, hash: head?.hash ?? GENESIS_HASH, firstAt: first?.at ?? null };
    },
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
