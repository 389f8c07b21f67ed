import { z } from 'zod';

/** Text limits: generous for people, small enough that nobody can fill the disk through one field. */
export const line = (max = 200) => z.string().trim().max(max);
export const requiredLine = (max = 200) => z.string().trim().min(1).max(max);
export const text = (max = 20_000) => z.string().max(max);
export const id = z.int().positive().max(Number.MAX_SAFE_INTEGER);
export const isoTime = z.iso.datetime({ offset: true });
