import type { Language } from '../../shared/domain/enums';

/** German when the system speaks German, else English. */
export function systemLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const candidates = [env.LC_ALL, env.LC_MESSAGES, env.LANG, Intl.DateTimeFormat().resolvedOptions().locale];
  const first = candidates.find((value) => value && value !== 'C' && value !== 'POSIX') ?? '';
  return first.toLowerCase().startsWith('de') ? 'de' : 'en';
}
