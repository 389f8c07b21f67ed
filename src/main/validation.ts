import type { z } from 'zod';
import { de, en } from 'zod/locales';
import type { Language } from '../shared/domain/enums';
import { AppError } from '../shared/errors';
import { errorMessage } from './i18n';

export const zodLocales = { de: de(), en: en() };

/** Our own rules carry a catalogue key (and values); zod's built-in checks come in the user's language. */
const issueMessage = (issue: z.core.$ZodIssue, language: Language): string => {
  const params = issue.code === 'custom' ? (issue.params as Record<string, string | number> | undefined) : undefined;
  const { key, ...values } = params ?? {};
  return typeof key === 'string' ? errorMessage(language, key, values) : issue.message;
};

export type IssueSummary = { summary: string; details: { path: string[]; code: string; message: string }[] };

export function describeIssues(issues: z.core.$ZodIssue[], language: Language): IssueSummary {
  const details = issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String),
    code: issue.code,
    message: issueMessage(issue, language),
  }));
  const first = details[0];
  const where = first && first.path.length ? `${first.path.join('.')}: ` : '';
  const more = issues.length > 1 ? ` (+${issues.length - 1})` : '';
  return { summary: `${where}${first?.message ?? ''}${more}`, details };
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
    return describeIssues(issues as z.core.$ZodIssue[], language);
  };
  throw new AppError('invalid_input', 'invalid_file', {}, { fileIssues: { de: localized('de'), en: localized('en') } });
}
