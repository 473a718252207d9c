import { afterAll, describe, expect, it } from 'vitest';
import { changeLanguage, currentLanguage, i18n, initI18n, onLanguageChanged } from '..';
import { LANGUAGE_STORAGE_KEY, storedLanguage } from '../languages';
import { antdLocale } from '../ui-locale';
import dayjs from 'dayjs';

describe('language switching', () => {
  afterAll(async () => {
    await changeLanguage('zh-CN', false);
  });

  it('starts in Simplified Chinese by default', async () => {
    localStorage.clear();
    await initI18n();
    expect(currentLanguage()).toBe('zh-CN');
    expect(i18n.t('nav.tasks')).toBe('待办');
    expect(antdLocale('zh-CN').locale).toBe('zh-cn');
    expect(dayjs.locale()).toBe('zh-cn');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('switches catalog, antd and dayjs locale together, and remembers the language', async () => {
    const seen: string[] = [];
    const stop = onLanguageChanged((language) => seen.push(language));

    await changeLanguage('en');
    expect(i18n.t('nav.tasks')).toBe('My tasks');
    expect(i18n.t('state.pending_approval')).toBe('Pending approval');
    expect(antdLocale('en').locale).toBe('en');
    expect(dayjs.locale()).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');

    await changeLanguage('zh-TW');
    expect(i18n.t('role.qa')).toBe('品質管理部');
    expect(antdLocale('zh-TW').locale).toBe('zh-tw');
    expect(dayjs.locale()).toBe('zh-tw');
    expect(document.documentElement.lang).toBe('zh-TW');
    expect(storedLanguage()).toBe('zh-TW');

    stop();
    expect(seen).toEqual(['en', 'zh-TW']);
  });

  it('stores nothing but the language', async () => {
    localStorage.clear();
    await changeLanguage('en');
    expect(Object.keys(localStorage)).toEqual([LANGUAGE_STORAGE_KEY]);
  });

  it('ignores an unknown remembered value', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(storedLanguage()).toBe('zh-CN');
  });

  it('pluralises by language', async () => {
    await changeLanguage('en', false);
    expect(i18n.t('countdown.overdueDays', { count: 1 })).toBe('1 day overdue');
    expect(i18n.t('countdown.overdueDays', { count: 2 })).toBe('2 days overdue');
    await changeLanguage('zh-CN', false);
    expect(i18n.t('countdown.overdueDays', { count: 2 })).toBe('逾期 2 天');
  });
});
