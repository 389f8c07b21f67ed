import { z } from 'zod';
import { empty, query } from './common';

export const auditVerifyOutput = z.strictObject({
  ok: z.boolean(),
  checked: z.int(),
  firstBroken: z
    .strictObject({
      eventId: z.int(),
      reason: z.enum(['hash_mismatch', 'previous_mismatch', 'head_mismatch']),
    })
    .nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyOutput>;

export const auditHeadOutput = z.strictObject({
  eventId: z.int().nonnegative(),
  hash: z.string(),
  /** When the first event was written: how long this desk has existed. */
  firstAt: z.string().nullable(),
});

export const auditContract = {
  'audit.verify': query(empty, auditVerifyOutput),
  /** The newest event of the chain (0 and the genesis hash when empty): whether anything changed since. */
  'audit.head': query(empty, auditHeadOutput),
} as const;
