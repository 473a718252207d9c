/**
 * i18next set-up. Simplified Chinese is the default and is bundled; Traditional
 * Chinese and English load when first chosen. Switching goes through
 * changeLanguage() so the catalog, antd's and dayjs's locale and the
 * remembered choice all move together.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './zh-CN.json';
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, rememberLanguage, storedLanguage, type Language } from './languages';
import { loadUiLocale } from './ui-locale';

export type Catalog = typeof zhCN;

const catalogLoaders: Record<Language, () => Promise<Catalog>> = {
  'zh-CN': async () => zhCN,
  'zh-TW': async () => (await import('./zh-TW.json')).default,
  en: async () => (await import('./en.json')).default,
};

const languageListeners = new Set<(language: Language) => void>();

/** Called after every switch (e.g. to set the API's Accept-Language). */
export function onLanguageChanged(listener: (language: Language) => void): () => void {
  languageListeners.add(listener);
  return () => {
    languageListeners.delete(listener);
  };
}

async function ensureCatalog(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  i18n.addResourceBundle(language, 'translation', await catalogLoaders[language]());
}

export async function changeLanguage(language: Language, remember = true): Promise<void> {
  await Promise.all([ensureCatalog(language), loadUiLocale(language)]);
  await i18n.changeLanguage(language);
  if (remember) rememberLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  languageListeners.forEach((listener) => listener(language));
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/** Initialise once, in the remembered language (or the default). */
export async function initI18n(language: Language = storedLanguage()): Promise<typeof i18n> {
  if (!i18n.isInitialized) {
    await i18n.use(initReactI18next).init({
      resources: { [DEFAULT_LANGUAGE]: { translation: zhCN } },
      lng: DEFAULT_LANGUAGE,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...LANGUAGES],
      interpolation: { escapeValue: false }, // React escapes
    });
  }
  await changeLanguage(language, false);
  return i18n;
}

export { i18n };
