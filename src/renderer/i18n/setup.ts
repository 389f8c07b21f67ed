import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/domain/enums';
import { domainLabels } from '../../shared/i18n/domain';
import { de } from './de';
import { en } from './en';

export const initialLanguage = (): Language => (navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en');

export function setupI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    initAsync: false,
    lng: initialLanguage(),
    fallbackLng: 'en',
    supportedLngs: ['de', 'en'],
    interpolation: { escapeValue: false },
    resources: {
      de: { translation: de, labels: domainLabels.de },
      en: { translation: en, labels: domainLabels.en },
    },
    ns: ['translation', 'labels'],
    defaultNS: 'translation',
  });
  return i18next;
}

export function applyLanguage(setting: 'system' | Language): void {
  const language = setting === 'system' ? initialLanguage() : setting;
  if (i18next.language !== language) void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
