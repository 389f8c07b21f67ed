import { z } from 'zod';
import { id, line, requiredLine } from './fields';
import { rule } from './rule';

/** Whose data: a person of the directory, or a requester by name and/or e-mail (and phone) as typed in tickets. */
export const privacySubjectSchema = z
  .strictObject({
    personId: id.optional(),
    name: line(120).optional(),
    email: z.union([z.literal(''), z.email().max(200)]).optional(),
    phone: line(60).optional(),
  })
  .refine(
    (subject) => subject.personId !== undefined || Boolean(subject.name) || Boolean(subject.email),
    rule('rule_privacy_subject', 'needs a person of the directory, a name or an e-mail address'),
  );
export type PrivacySubject = z.infer<typeof privacySubjectSchema>;

export const erasureBasisSchema = requiredLine(200);

/** What identifies a person in free text: full name (also "Last, First"), e-mail addresses, phone numbers. */
export type Identifiers = { names: string[]; emails: string[]; phones: string[] };

export function identifierList(identifiers: Identifiers): string[] {
  const variants = identifiers.names.flatMap((name) => {
    const parts = name.trim().split(/\s+/);
    const last = parts.length > 1 ? parts.at(-1) : undefined;
    return last ? [name.trim(), `${last}, ${parts.slice(0, -1).join(' ')}`] : [name.trim()];
  });
  const all = [...variants, ...identifiers.emails, ...identifiers.phones].map((value) => value.trim());
  // Longest first, so "Anna Maria Schulz" is replaced before "Anna Schulz" could match part of it.
  return [...new Set(all.filter((value) => value.length >= 3))].sort((a, b) => b.length - a.length);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces every occurrence of the identifiers in `text`, ignoring case, by the pseudonym. */
export function pseudonymiseText(text: string, identifiers: readonly string[], pseudonym: string): string {
  if (!identifiers.length || !text) return text;
  const pattern = new RegExp(identifiers.map(escape).join('|'), 'giu');
  return text.replace(pattern, pseudonym);
}

/** The same inside a JSON value: every string (and key) anywhere in it. */
export function pseudonymiseValue(value: unknown, identifiers: readonly string[], pseudonym: string): unknown {
  if (typeof value === 'string') return pseudonymiseText(value, identifiers, pseudonym);
  if (Array.isArray(value)) return value.map((item) => pseudonymiseValue(item, identifiers, pseudonym));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        pseudonymiseText(key, identifiers, pseudonym),
        pseudonymiseValue(item, identifiers, pseudonym),
      ]),
    );
  return value;
}

/** Whether any identifier occurs in `text` (ignoring case). */
export const mentions = (text: string, identifiers: readonly string[]): boolean => {
  const lower = text.toLocaleLowerCase('de');
  return identifiers.some((identifier) => lower.includes(identifier.toLocaleLowerCase('de')));
};

export const retentionSchema = z.strictObject({
  enabled: z.boolean(),
  /** Requesters of tickets closed longer ago than this are pseudonymised. */
  closedMonths: z.int().min(1).max(240),
  basis: requiredLine(200),
});
export type Retention = z.infer<typeof retentionSchema>;
export const defaultRetention: Retention = {
  enabled: false,
  closedMonths: 24,
  basis: 'DSGVO Art. 5 Abs. 1 lit. e (Speicherbegrenzung)',
};
