import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { findPhoneNumbersInText } from 'libphonenumber-js';

export type FindingKind =
  'password' | 'privateKey' | 'token' | 'connectionString' | 'licenseKey' | 'iban' | 'phone' | 'email';

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

type Rule = { kind: FindingKind; pattern: RegExp; group?: number };

/**
 * Secrets by shape. The value group (when given) is what is hidden, so "Passwort: Sommer2024!" keeps its label
 * and the MSP still reads that a password was mentioned. Patterns follow the well-known token formats that
 * gitleaks and GitHub secret scanning publish; every rule is exercised by the seeded test set.
 */
// "_" also separates: a stored file name had its ":" replaced ("Passwort_ Sommer2024!.txt").
const rules: Rule[] = [
  { kind: 'privateKey', pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----/g },
  {
    kind: 'password',
    pattern:
      /\b(?:passwor[dt]|kennwort|passwd|pwd|pw|pass|pin)(?![A-Za-z0-9])\s*(?:ist|is|lautet|[:=_])\s*("[^"\n]+"|'[^'\n]+'|\S+)/gi,
    group: 1,
  },
  { kind: 'connectionString', pattern: /\b(?:password|pwd)\s*=\s*([^;"'\s]+)/gi, group: 1 },
  { kind: 'connectionString', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:([^\s@/]+)@/gi, group: 1 },
  { kind: 'token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/g },
  { kind: 'token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g },
  { kind: 'token', pattern: /\bsk-(?:proj-|live-|test-)?[A-Za-z0-9_-]{20,}\b/g },
  { kind: 'token', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { kind: 'token', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: 'token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g },
  { kind: 'token', pattern: /\bBearer\s+([A-Za-z0-9._~+/-]{20,}=*)/g, group: 1 },
  {
    kind: 'token',
    pattern:
      /\b(?:api[_-]?key|apikey|secret|client[_-]?secret|token|access[_-]?key)\b\s*[:=]\s*("[^"\n]+"|'[^'\n]+'|\S{8,})/gi,
    group: 1,
  },
  { kind: 'token', pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}~[A-Za-z0-9._~-]{20,}\b/g },
  { kind: 'licenseKey', pattern: /\b[A-Z0-9]{5}(?:-[A-Z0-9]{5}){4}\b/g },
  { kind: 'email', pattern: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g },
];

const IBAN_CANDIDATE = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b/g;

const hintOf = (text: string) =>
  text.length <= 4
    ? '•'.repeat(text.length)
    : `${text.slice(0, 2)}${'•'.repeat(Math.min(8, text.length - 4))}${text.slice(-2)}`;

const digits = (value: string) => value.replace(/\D/g, '');

/** Everything in `text` that should not leave the house, in order, overlaps merged to the wider finding. */
export function findSecrets(text: string, field: string, involved: Involved): Finding[] {
  const found: Omit<Finding, 'id' | 'hint'>[] = [];
  const add = (kind: FindingKind, start: number, end: number) => {
    if (end > start) found.push({ field, kind, start, end });
  };
  const involvedEmails = new Set(involved.emails.map((e) => e.toLowerCase()).filter(Boolean));
  for (const rule of rules) {
    for (const match of text.matchAll(rule.pattern)) {
      const whole = match[0];
      const value = rule.group ? match[rule.group] : whole;
      if (value === undefined) continue;
      const start = match.index + (rule.group ? whole.lastIndexOf(value) : 0);
      if (rule.kind === 'email' && involvedEmails.has(value.toLowerCase())) continue;
      add(rule.kind, start, start + value.length);
    }
  }
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
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Omit<Finding, 'id' | 'hint'>[] = [];
  for (const finding of found) {
    const last = merged.at(-1);
    if (last && finding.start < last.end) last.end = Math.max(last.end, finding.end);
    else merged.push({ ...finding });
  }
  return merged.map((f) => ({ ...f, id: `${field}@${f.start}-${f.end}`, hint: hintOf(text.slice(f.start, f.end)) }));
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
