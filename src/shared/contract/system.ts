import { z } from 'zod';
import { empty, query } from './common';

export const healthSchema = z.strictObject({
  /** checking: the full integrity check still runs; damaged: Leitstand writes nothing until the file is restored. */
  status: z.enum(['ok', 'checking', 'damaged']),
  problems: z.array(z.string()),
  databaseFile: z.string(),
  sqliteVersion: z.string(),
  schemaVersion: z.int(),
});
export type Health = z.infer<typeof healthSchema>;

export const systemContract = {
  'system.health': query(empty, healthSchema),
} as const;
