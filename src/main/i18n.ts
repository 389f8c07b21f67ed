import i18next, { type i18n } from 'i18next';
import type { Language } from '../shared/domain/enums';
import { domainLabels } from '../shared/i18n/domain';
import { errorMessages } from '../shared/i18n/errors';
import type { ErrorParams } from '../shared/errors';

let instance: i18n | null = null;

function translator(): i18n {
  if (instance) return instance;
  instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    fallbackLng: 'en',
    supportedLngs: ['de', 'en'],
    interpolation: { escapeValue: false },
    resources: {
      de: { errors: errorMessages.de, labels: domainLabels.de },
      en: { errors: errorMessages.en, labels: domainLabels.en },
    },
    ns: ['errors', 'labels'],
    defaultNS: 'errors',
  });
  return instance;
}

/** Status codes in parameters are shown by their names in the user's language. */
const statusParams = new Set(['from', 'to']);

export function errorMessage(language: Language, key: string, params: ErrorParams): string {
  const t = translator().getFixedT(language);
  const shown = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      statusParams.has(name) ? t(`labels:status.${String(value)}`, { defaultValue: String(value) }) : value,
    ]),
  );
  return t(key, { ...shown, defaultValue: t('internal') });
}

/** The user's language from an Accept-Language header; German first, as the users are. */
export function languageFromHeader(header: string | undefined, fallback: Language): Language {
  if (!header) return fallback;
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('de')) return 'de';
  if (first.startsWith('en')) return 'en';
  return fallback;
}
