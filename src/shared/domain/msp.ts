import { z } from 'zod';
import { prioritySchema } from './enums';
import { humane, line, requiredLine, text } from './fields';
import { rule } from './rule';
import { businessWeekSchema, timeZoneSchema } from './slaPolicy';
import { slugSchema } from './checklist';
import { withoutUnsafeCharacters } from './fileName';

const hours = z
  .number()
  .positive()
  .max(24 * 365);
const contractTimes = z.strictObject({ reactionHours: hours, resolutionHours: hours });

/** A managed-service provider: where packets go, how its replies are tagged, what its contract promises. */
export const mspProviderSchema = z.strictObject({
  id: slugSchema,
  name: requiredLine(120),
  /** The provider's ticket-intake address (their PSA turns the mail into a ticket). */
  intakeEmail: z.email().max(200),
  /** How the provider tags replies, e.g. "[Ticket#{ref}]"; {ref} is their ticket number. */
  subjectTag: requiredLine(60).refine((tag) => tag.includes('{ref}'), rule('rule_tag_ref', 'must contain {ref}')),
  portalUrl: z
    .union([z.literal(''), humane(z.string().max(300), true).pipe(z.url({ protocol: /^https?$/ }))])
    .default(''),
  phone: line(60).default(''),
  /** Contract reaction and resolution times per priority, counted in the provider's support hours. */
  contract: z.strictObject(
    Object.fromEntries(prioritySchema.options.map((p) => [p, contractTimes])) as Record<
      (typeof prioritySchema.options)[number],
      typeof contractTimes
    >,
  ),
  supportHours: businessWeekSchema,
  timeZone: timeZoneSchema.default('Europe/Berlin'),
  notes: text(4000).default(''),
  /** How a packet reaches them: an .eml draft to send from one's mail program, or sent by the desk over SMTP. */
  delivery: z.enum(['eml', 'smtp']).default('eml'),
});
export type MspProvider = z.infer<typeof mspProviderSchema>;
export type MspProviderInput = z.input<typeof mspProviderSchema>;

const regexEscape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The provider's reference in a reply subject, by its tag pattern ("AW: [Ticket#84211] …" → "84211"). */
export function referenceFromSubject(subject: string, tag: string): string | null {
  const [before, after] = tag.split('{ref}') as [string, string];
  const match = new RegExp(`${regexEscape(before)}\\s*([A-Za-z0-9._-]{1,40})\\s*${regexEscape(after)}`).exec(subject);
  return match?.[1] ?? null;
}

/** A sanitised attachment name for the packet: no paths, controls, bidi marks or reserved Windows names. */
export function packetFileName(name: string, taken: Set<string>): string {
  const reserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
  let base = withoutUnsafeCharacters(name)
    .replace(/\.{2,}/g, '.')
    .replace(/^[._\s]+|[.\s]+$/g, '');
  if (!base || reserved.test(base)) base = `file_${base || 'unnamed'}`;
  const dot = base.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [base.slice(0, dot), base.slice(dot)] : [base, ''];
  const limit = (value: string, max: number) => (value.length > max ? value.slice(0, max) : value);
  let candidate = limit(stem, 100 - Math.min(ext.length, 20)) + limit(ext, 20);
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${limit(stem, 90)} (${n})${limit(ext, 20)}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
