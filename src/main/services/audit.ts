import type { MethodOutput } from '../../shared/contract';
import { verifyChain } from '../queries/audit';
import type { ServiceContext } from './context';

export function auditService(ctx: ServiceContext) {
  return {
    'audit.verify': (): MethodOutput<'audit.verify'> => verifyChain(ctx.db),
  };
}
