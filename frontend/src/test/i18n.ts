import i18next, { type i18n as I18n } from 'i18next';
import en from '../i18n/en.json';
import zhCN from '../i18n/zh-CN.json';
import zhTW from '../i18n/zh-TW.json';
import type { Language } from '../i18n/languages';

export const catalogs = { 'zh-CN': zhCN, 'zh-TW': zhTW, en } as const;

/** A standalone i18next instance with every catalog, for unit tests. */
export async function testI18n(language: Language = 'zh-CN'): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: false,
    resources: {
      'zh-CN': { translation: zhCN },
      'zh-TW': { translation: zhTW },
      en: { translation: en },
    },
    interpolation: { escapeValue: false },
  });
  return instance;
}
