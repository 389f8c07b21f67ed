import { z } from 'zod';

export type MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  input: I;
  output: O;
  /** Whether the method changes data (it then writes events and pushes a change). */
  mutates: boolean;
  /** Largest request body the HTTP transport accepts for it, in bytes. */
  maxBodyBytes?: number;
};

export const query = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  maxBodyBytes?: number,
): MethodSpec<I, O> => ({ input, output, mutates: false, ...(maxBodyBytes ? { maxBodyBytes } : {}) });
export const command = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  maxBodyBytes?: number,
): MethodSpec<I, O> => ({ input, output, mutates: true, ...(maxBodyBytes ? { maxBodyBytes } : {}) });

export const empty = z.strictObject({});
