import { z } from 'zod';
import { empty, query } from './common';

export const fileProblemSchema = z.strictObject({
  kind: z.enum(['attachment', 'packet', 'mail']),
  /** The attachment's or the escalation's id. */
  id: z.int(),
  file: z.string(),
  problem: z.enum(['missing', 'size', 'hash']),
});
export type FileProblemReport = z.infer<typeof fileProblemSchema>;

export const healthSchema = z.strictObject({
  /** checking: the full integrity check still runs; damaged: Leitstand writes nothing until the file is restored. */
  status: z.enum(['ok', 'checking', 'damaged']),
  problems: z.array(z.string()),
  databaseFile: z.string(),
  sqliteVersion: z.string(),
  schemaVersion: z.int(),
  /**
   * The background check of the evidence (at start, then daily): the event chain and every stored file against
   * its row. A break does not stop the desk (the log is evidence, not a lock); it stays shown until mended.
   */
  evidence: z.strictObject({
    state: z.enum(['pending', 'ok', 'broken']),
    checkedAt: z.string().nullable(),
    eventsChecked: z.int(),
    firstBroken: z.strictObject({ eventId: z.int(), reason: z.string() }).nullable(),
    filesChecked: z.int(),
    fileProblems: z.array(fileProblemSchema).max(100),
  }),
});
export type Health = z.infer<typeof healthSchema>;

export const systemContract = {
  'system.health': query(empty, healthSchema),
} as const;
