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
/** The language the caller prefers most (RFC 9110 weights: "en;q=0.5, de" is German), else the fallback. */
export function languageFromHeader(header: string | undefined, fallback: Language): Language {
  if (!header) return fallback;
  let best: { language: Language; weight: number } | null = null;
  for (const part of header.split(',').slice(0, 50)) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (!Number.isFinite(weight) || weight <= 0) continue;
    const language: Language | null = tag.startsWith('de') ? 'de' : tag.startsWith('en') ? 'en' : null;
    if (language && (!best || weight > best.weight)) best = { language, weight };
  }
  return best?.language ?? fallback;
}
