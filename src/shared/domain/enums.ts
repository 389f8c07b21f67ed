import { z } from 'zod';

export const channelSchema = z.enum(['walkIn', 'phone', 'email', 'portal', 'monitoring']);
export type Channel = z.infer<typeof channelSchema>;

/** Who is affected: one person | several people or a team | one department | several departments or the whole company. */
export const affectedScopeSchema = z.enum(['person', 'team', 'department', 'company']);
export type AffectedScope = z.infer<typeof affectedScopeSchema>;

/** How badly work is impaired, worst first. */
export const impairmentSchema = z.enum(['stopped', 'severe', 'workaround', 'none']);
export type Impairment = z.infer<typeof impairmentSchema>;

export const levelSchema = z.enum(['high', 'medium', 'low']);
export type Level = z.infer<typeof levelSchema>;

export const prioritySchema = z.enum(['P1', 'P2', 'P3', 'P4']);
export type Priority = z.infer<typeof prioritySchema>;

export const statusSchema = z.enum([
  'new',
  'inProgress',
  'waitingRequester',
  'waitingMsp',
  'waitingVendor',
  'resolved',
  'closed',
]);
export type Status = z.infer<typeof statusSchema>;

export const tierSchema = z.enum(['first', 'second', 'msp']);
export type Tier = z.infer<typeof tierSchema>;

export const categorySchema = z.enum([
  'hardware',
  'software',
  'email',
  'network',
  'account',
  'printing',
  'server',
  'security',
  'other',
]);
export type Category = z.infer<typeof categorySchema>;

export const noteKindSchema = z.enum(['note', 'reply']);
export type NoteKind = z.infer<typeof noteKindSchema>;

export const languageSchema = z.enum(['de', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const priorityRank: Record<Priority, number> = { P1: 1, P2: 2, P3: 3, P4: 4 };
export const priorityFromRank = (rank: number): Priority => prioritySchema.options[rank - 1] ?? 'P4';
