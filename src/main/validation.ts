import type { z } from 'zod';
import { de, en } from 'zod/locales';
import type { Language } from '../shared/domain/enums';
import { AppError } from '../shared/errors';
import { ownValue } from '../shared/domain/own';
import { checkMessages, fieldLabels } from '../shared/i18n/fields';
import { errorMessage } from './i18n';

export const zodLocales = { de: de(), en: en() };

type Texts = (typeof checkMessages)[Language];

/** The value at an issue's path, to tell a missing field from a wrong one. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const weekdayParents = new Set(['week', 'supportHours']);

/**
 * The field as the form labels it, with what it belongs to: "P1 › Erste Antwort › Stunden", "Geschäftszeiten ›
 * Mittwoch › Beginn". Each part is its label, a priority as it is, a weekday by name; list positions are left out.
 */
export function fieldLabel(path: readonly PropertyKey[], language: Language): string {
  const labels = fieldLabels[language] as Record<string, string>;
  const parts = path.map(String);
  const shown: string[] = [];
  parts.forEach((part, index) => {
    const parent = parts[index - 1] ?? '';
    const owner = parts.slice(0, index).findLast((p) => !/^\d+$/.test(p)) ?? '';
    if (/^\d+$/.test(part)) {
      // A weekday by name; a list position counted from 1 (the 2nd template of an import, its 1st step).
      if (weekdayParents.has(parent)) shown.push(ownValue(labels, `day.${part}`) ?? part);
      else shown.push(`#${Number(part) + 1}`);
      return;
    }
    const label = ownValue(labels, `${owner}.${part}`) ?? ownValue(labels, part);
    if (label) shown.push(label);
    else if (/^P[1-4]$/.test(part)) shown.push(part);
    else if (index === parts.length - 1) shown.push(part);
  });
  return shown.join(' › ') || parts.join('.');
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => String(ownValue(values, name) ?? whole));

/** Our own rules carry a catalogue key (and values); zod's own checks are said in plain words, no type names. */
function issueMessage(issue: z.core.$ZodIssue, language: Language, input: unknown): string {
  const texts: Texts = checkMessages[language];
  switch (issue.code) {
    case 'custom': {
      const { key, ...values } = (issue.params ?? {}) as Record<string, string | number>;
      return typeof key === 'string' ? errorMessage(language, key, values) : texts.invalid;
    }
    case 'invalid_type': {
      if (valueAt(input, issue.path) === undefined) return texts.missing;
      const expected =
        issue.expected === 'string'
          ? texts.text
          : issue.expected === 'number' || issue.expected === 'int'
            ? texts.number
            : issue.expected === 'boolean'
              ? texts.boolean
              : issue.expected === 'array'
                ? texts.list
                : texts.object;
      return fill(texts.wrongType, { expected });
    }
    case 'too_big':
      return fill(
        issue.origin === 'string' ? texts.tooLong : issue.origin === 'array' ? texts.tooLongItems : texts.tooBig,
        { max: Number(issue.maximum) },
      );
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? texts.empty : fill(texts.tooShort, { min: Number(issue.minimum) });
      if (issue.origin === 'array' && Number(issue.minimum) <= 1) return texts.empty;
      return fill(issue.inclusive === false ? texts.greaterThan : texts.tooSmall, { min: Number(issue.minimum) });
    case 'invalid_value':
      return fill(texts.notAllowed, { values: issue.values.slice(0, 8).map(String).join(', ') });
    case 'unrecognized_keys':
      return fill(texts.unknownField, { keys: issue.keys.slice(0, 5).join(language === 'de' ? '“, „' : '", "') });
    case 'invalid_format':
      return issue.format === 'email'
        ? texts.email
        : issue.format === 'url'
          ? texts.url
          : issue.format === 'date' || issue.format === 'datetime'
            ? texts.date
            : texts.format;
    case 'invalid_union': {
      // The branch that got furthest says best what is wrong.
      const inner = issue.errors.flat()[0];
      return inner ? issueMessage({ ...inner, path: [...issue.path, ...inner.path] }, language, input) : texts.invalid;
    }
    case 'invalid_element':
    case 'invalid_key':
    case 'not_multiple_of':
      return texts.invalid;
  }
}

export type IssueSummary = {
  summary: string;
  /** Every problem (up to 20) with its field as the form labels it, so each can be shown at its field. */
  details: { path: string[]; field: string; code: string; message: string }[];
};

export function describeIssues(issues: z.core.$ZodIssue[], language: Language, input?: unknown): IssueSummary {
  const details = issues.slice(0, 20).map((issue) => {
    const field = issue.path.length ? fieldLabel(issue.path, language) : '';
    return { path: issue.path.map(String), field, code: issue.code, message: issueMessage(issue, language, input) };
  });
  const said = details.map((d) => (d.field ? `${d.field}: ${d.message}` : d.message));
  const rest = issues.length - Math.min(issues.length, 3);
  const more =
    rest > 0
      ? ` ${fill(rest === 1 ? checkMessages[language].andMore_one : checkMessages[language].andMore_other, { count: rest })}`
      : '';
  return { summary: `${said.slice(0, 3).join('; ')}${more}`, details };
}

export type FileIssues = Record<Language, IssueSummary>;

/**
 * Checks content read from a file (an import) against its schema. The store does not know the caller's
 * language, so a refusal carries its findings in both; the dispatcher shows the caller's.
 */
export function parseFile<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix: (string | number)[] = [],
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const localized = (language: Language) => {
    const again = schema.safeParse(value, { error: zodLocales[language].localeError });
    const issues = (again.success ? [] : again.error.issues).map((issue) => ({
      ...issue,
      path: [...prefix, ...issue.path],
    }));
    return describeIssues(issues as z.core.$ZodIssue[], language, value);
  };
  throw new AppError('invalid_input', 'invalid_file', {}, { fileIssues: { de: localized('de'), en: localized('en') } });
}
