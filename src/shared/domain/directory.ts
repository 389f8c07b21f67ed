import { z } from 'zod';
import { id, line, requiredLine, text } from './fields';
import { slugSchema } from './checklist';

/** Where a record came from: typed in, a CSV import, or the LDAP/AD directory. */
export const directorySourceSchema = z.enum(['manual', 'csv', 'ldap']);

const email = z.union([z.literal(''), z.email().max(200)]).default('');

/** Someone who works in the company: requester of tickets, owner of systems, head of a department. */
export const personSchema = z.strictObject({
  /** 0 for a new person; the directory gives the number. */
  id: z.int().nonnegative().default(0),
  name: requiredLine(120),
  department: line(120).default(''),
  email,
  phone: line(60).default(''),
  location: line(120).default(''),
  role: line(120).default(''),
  vip: z.boolean().default(false),
  active: z.boolean().default(true),
  notes: text(4000).default(''),
  source: directorySourceSchema.default('manual'),
});
export type Person = z.infer<typeof personSchema>;
export type PersonInput = z.input<typeof personSchema>;

export const departmentSchema = z.strictObject({
  id: z.int().nonnegative().default(0),
  name: requiredLine(120),
  /** The head, by name as the directory has it (a person may be missing from it). */
  head: line(120).default(''),
  processes: z.array(requiredLine(120)).max(50).default([]),
  notes: text(4000).default(''),
  source: directorySourceSchema.default('manual'),
});
export type Department = z.infer<typeof departmentSchema>;

export const systemKindSchema = z.enum([
  'server',
  'application',
  'cloud',
  'network',
  'printer',
  'workstation',
  'other',
]);
export type SystemKind = z.infer<typeof systemKindSchema>;
export const criticalitySchema = z.enum(['critical', 'important', 'normal']);
export type Criticality = z.infer<typeof criticalitySchema>;

/** A service or device the business depends on. */
export const systemSchema = z.strictObject({
  id: z.int().nonnegative().default(0),
  name: requiredLine(120),
  kind: systemKindSchema.default('other'),
  /** Where it runs: a room, a host name or a URL. */
  location: line(300).default(''),
  criticality: criticalitySchema.default('normal'),
  departments: z.array(requiredLine(120)).max(50).default([]),
  processes: z.array(requiredLine(120)).max(50).default([]),
  /** The owner, a person of the directory (0: none). */
  ownerId: z.int().nonnegative().default(0),
  /** The MSP provider who looks after it ('' none). */
  providerId: z.union([z.literal(''), slugSchema]).default(''),
  /** Runbooks (checklist template keys) that fit it. */
  runbooks: z.array(slugSchema).max(20).default([]),
  notes: text(4000).default(''),
  retired: z.boolean().default(false),
  source: directorySourceSchema.default('manual'),
});
export type DirectorySystem = z.infer<typeof systemSchema>;
export type SystemInput = z.input<typeof systemSchema>;

/** A hit of the one search box: what it is, what to show, and what it fills in. */
export const directoryHitSchema = z.strictObject({
  kind: z.enum(['person', 'department', 'system']),
  id: id,
  label: z.string(),
  detail: z.string(),
  /** What picking it fills in (a person's department, e-mail, phone). */
  fill: z.strictObject({ department: z.string(), email: z.string(), phone: z.string() }).nullable(),
  /** How it raises a ticket's impact (a critical system, a VIP), else null. */
  raise: z.strictObject({ kind: z.enum(['criticalSystem', 'vip']), name: z.string() }).nullable(),
});
export type DirectoryHit = z.infer<typeof directoryHitSchema>;

/**
 * A search key: lower case, diacritics folded, so "Muller", "Müller" and "MÜLLER" find each other; ß and the
 * German umlauts also match their spelled-out forms (ue, oe, ae, ss) because both are indexed.
 */
export function foldForSearch(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').toLowerCase();
}

/** The German spelling without umlauts (Müller → Mueller), so a search typed either way finds the person. */
export function spelledOut(value: string): string {
  return value
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss');
}

/** Everything a record is found by, folded. */
export const searchKey = (...parts: string[]): string =>
  [...new Set(parts.flatMap((part) => [foldForSearch(part), foldForSearch(spelledOut(part))]))]
    .filter(Boolean)
    .join(' ');

/** The unique key of an e-mail address (case does not make another person). */
export const emailKey = (value: string): string | null => (value.trim() ? value.trim().toLowerCase() : null);

/** How a critical system or a VIP raises the suggested impact; named so the triage can say why. */
export type DirectoryRaise = { kind: 'criticalSystem' | 'vip'; name: string };

/** The fields an import column can fill, per list (the mapping step offers these). */
export const importFields = {
  people: [
    'name',
    'firstName',
    'lastName',
    'department',
    'email',
    'phone',
    'mobile',
    'location',
    'role',
    'vip',
    'active',
    'blocked',
    'notes',
  ],
  departments: ['name', 'head', 'processes', 'notes'],
  systems: [
    'name',
    'kind',
    'location',
    'criticality',
    'departments',
    'processes',
    'owner',
    'provider',
    'runbooks',
    'notes',
    'retired',
  ],
} as const;
export type ImportField = (typeof importFields)[keyof typeof importFields][number];

/** The raise a stored or previewed triage names, from its impactFrom and raisedBy. */
export function raiseOf(suggested: { impactFrom: string; raisedBy: string | null }): DirectoryRaise | null {
  return (suggested.impactFrom === 'criticalSystem' || suggested.impactFrom === 'vip') && suggested.raisedBy
    ? { kind: suggested.impactFrom, name: suggested.raisedBy }
    : null;
}
