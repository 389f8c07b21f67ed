import { z } from 'zod';
import { rule } from './rule';
import { textProblem } from './textPolicy';

/**
 * Text people typed, under the one text policy (textPolicy.ts): well-formed Unicode, no control characters but
 * line breaks and tabs in texts of several lines, no characters that disguise what is written.
 */
export const humane = (schema: z.ZodString, singleLine: boolean) =>
  schema
    .refine((value) => textProblem(value, singleLine) !== 'unicode', rule('rule_unicode', 'contains broken Unicode'))
    .refine(
      (value) => textProblem(value, singleLine) !== 'control',
      rule('rule_control', 'contains control characters'),
    )
    .refine(
      (value) => textProblem(value, singleLine) !== 'disguising',
      rule('rule_disguising', 'contains invisible or direction-changing characters'),
    );

/** Text limits: generous for people, small enough that nobody can fill the disk through one field. */
export const line = (max = 200) => humane(z.string().trim().max(max), true);
export const requiredLine = (max = 200) => humane(z.string().trim().min(1).max(max), true);
export const text = (max = 20_000) => humane(z.string().max(max), false);
/** Text of several lines that must say something (notes, replies). */
export const requiredText = (max = 20_000) => humane(z.string().trim().min(1).max(max), false);
export const id = z.int().positive().max(Number.MAX_SAFE_INTEGER);
export const isoTime = z.iso.datetime({ offset: true });

/**
 * The name of a file someone dropped or picked: it comes from outside, so hidden characters are dropped when it
 * is stored (safeFileName) rather than refused; only broken Unicode is refused.
 */
export const fileNameField = (max = 255) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => value.isWellFormed(), rule('rule_unicode', 'contains broken Unicode'))
    // oxlint-disable-next-line no-control-regex -- control characters are what this refuses
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), rule('rule_control', 'contains control characters'));
