import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { findPhoneNumbersInText } from 'libphonenumber-js';
import { rules, type FindingKind } from './redactionRules';

export type { FindingKind } from './redactionRules';

export type Finding = {
  /** Stable across previews of the same text: where it is and what it is. */
  id: string;
  /** Which text it is in, e.g. "description", "note:12", "checklist:3:umfang", "attachment:5". */
  field: string;
  kind: FindingKind;
  start: number;
  end: number;
  /** The found text with all but its edges hidden, so a preview does not show the secret itself. */
  hint: string;
};

/** People who are part of the case: their addresses and numbers are not "uninvolved personal data". */
export type Involved = { emails: readonly string[]; phones: readonly string[] };

const IBAN_CANDIDATE = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b/g;

const hintOf = (text: string) =>
  text.length <= 4
    ? '•'.repeat(text.length)
    : `${text.slice(0, 2)}${'•'.repeat(Math.min(8, text.length - 4))}${text.slice(-2)}`;

const digits = (value: string) => value.replace(/\D/g, '');

/**
 * Everything in `text` that should not leave the house, in order. Rules run from the most specific to the most
 * general; a later finding that overlaps an earlier one is dropped, so a password inside a URL stays a password
 * (and does not become an e-mail address that swallows the host name).
 */
export function findSecrets(text: string, field: string, involved: Involved): Finding[] {
  const found: Omit<Finding, 'id' | 'hint'>[] = [];
  const overlaps = (start: number, end: number) => found.some((f) => start < f.end && f.start < end);
  const add = (kind: FindingKind, start: number, end: number) => {
    if (end > start && !overlaps(start, end)) found.push({ field, kind, start, end });
  };
  const involvedEmails = new Set(involved.emails.map((e) => e.toLowerCase()).filter(Boolean));
  const emailRule = rules.findIndex((rule) => rule.kind === 'email');
  const runRules = (from: number, to: number) => {
    for (const rule of rules.slice(from, to)) {
      for (const match of text.matchAll(rule.pattern)) {
        const whole = match[0];
        const raw = rule.group ? match[rule.group] : whole;
        if (raw === undefined) continue;
        // Sentence punctuation after a value is not part of it; "!" and "?" often are (Sommer2024!).
        const value = raw.replace(/[.,;:)\]]+$/, '').trimEnd();
        if (!value || (rule.valid && !rule.valid(value))) continue;
        const start = match.index + (rule.group ? whole.lastIndexOf(raw) : 0);
        if (rule.kind === 'email' && involvedEmails.has(value.toLowerCase())) continue;
        add(rule.kind, start, start + value.length);
      }
    }
  };
  runRules(0, emailRule);
  for (const match of text.matchAll(IBAN_CANDIDATE)) {
    const iban = electronicFormatIBAN(match[0]);
    if (iban && isValidIBAN(iban)) add('iban', match.index, match.index + match[0].length);
  }
  const involvedPhones = new Set(involved.phones.map(digits).filter((d) => d.length >= 5));
  for (const phone of findPhoneNumbersInText(text, 'DE')) {
    // Dialled numbers start with + or 0; dotted runs are dates, addresses and versions, not phones.
    const raw = text.slice(phone.startsAt, phone.endsAt);
    if (!/^[+0(]/.test(raw) || raw.includes('.') || digits(raw).length < 7) continue;
    const national = phone.number.nationalNumber;
    if ([...involvedPhones].some((d) => d.endsWith(national) || national.endsWith(d))) continue;
    add('phone', phone.startsAt, phone.endsAt);
  }
  runRules(emailRule, rules.length);
  // The same secret written a second time (a script that uses it twice, "… und nochmal: x") is hidden there too.
  for (const finding of found.slice()) {
    const value = text.slice(finding.start, finding.end);
    if (finding.kind === 'health' || value.length < 6) continue;
    for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + value.length))
      add(finding.kind, at, at + value.length);
  }
  found.sort((a, b) => a.start - b.start);
  return found.map((f) => ({ ...f, id: `${field}@${f.start}-${f.end}`, hint: hintOf(text.slice(f.start, f.end)) }));
}

/** The text with every finding not released replaced by a visible marker in the packet's language. */
export function redact(
  text: string,
  findings: readonly Finding[],
  released: ReadonlySet<string>,
  marker: (kind: FindingKind) => string,
): string {
  let result = '';
  let at = 0;
  for (const finding of findings) {
    if (released.has(finding.id) || finding.start < at) continue;
    result += text.slice(at, finding.start) + marker(finding.kind);
    at = finding.end;
  }
  return result + text.slice(at);
}
