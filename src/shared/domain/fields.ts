import { z } from 'zod';
import { rule } from './rule';

const controlInLine = /[\u0000-\u001f\u007f]/;
const controlInText = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Text people typed: well-formed Unicode (no lone surrogates) and no control characters but line breaks and tabs. */
const humane = (schema: z.ZodString, control: RegExp) =>
  schema
    .refine((value) => value.isWellFormed(), rule('rule_unicode', 'contains broken Unicode (lone surrogate)'))
    .refine((value) => !control.test(value), rule('rule_control', 'contains control characters'));

/** Text limits: generous for people, small enough that nobody can fill the disk through one field. */
export const line = (max = 200) => humane(z.string().trim().max(max), controlInLine);
export const requiredLine = (max = 200) => humane(z.string().trim().min(1).max(max), controlInLine);
export const text = (max = 20_000) => humane(z.string().max(max), controlInText);
/** Text of several lines that must say something (notes, replies). */
export const requiredText = (max = 20_000) => humane(z.string().trim().min(1).max(max), controlInText);
export const id = z.int().positive().max(Number.MAX_SAFE_INTEGER);
export const isoTime = z.iso.datetime({ offset: true });
