/**
 * antd component texts and dayjs month/day names, switched with the UI
 * language. Simplified Chinese is bundled; the others load on first use.
 */
import type { Locale } from 'antd/es/locale';
import antdZhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Language } from './languages';

const DAYJS_NAMES: Record<Language, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };
const antdLocales: Partial<Record<Language, Locale>> = { 'zh-CN': antdZhCN };

async function importAntdLocale(language: Language): Promise<Locale> {
  switch (language) {
    case 'zh-TW': {
      const [antd] = await Promise.all([import('antd/es/locale/zh_TW'), import('dayjs/locale/zh-tw')]);
      return antd.default;
    }
    case 'en':
      return (await import('antd/es/locale/en_US')).default;
    default:
      return antdZhCN;
  }
}

export async function loadUiLocale(language: Language): Promise<void> {
  antdLocales[language] ??= await importAntdLocale(language);
  dayjs.locale(DAYJS_NAMES[language]);
}

/** The antd locale for a language already loaded with loadUiLocale. */
export function antdLocale(language: Language): Locale {
  return antdLocales[language] ?? antdZhCN;
}
