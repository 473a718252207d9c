import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../test/i18n';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const flat = {
  'zh-CN': flatten(catalogs['zh-CN']),
  'zh-TW': flatten(catalogs['zh-TW']),
  en: flatten(catalogs.en),
};
const languages = Object.keys(flat) as (keyof typeof flat)[];

describe('catalogs', () => {
  it('have exactly the same keys in every language', () => {
    const reference = [...flat['zh-CN'].keys()].sort();
    for (const language of languages) {
      const keys = [...flat[language].keys()].sort();
      const missing = reference.filter((k) => !flat[language].has(k));
      const extra = keys.filter((k) => !flat['zh-CN'].has(k));
      expect(missing, `keys missing in ${language}.json`).toEqual([]);
      expect(extra, `keys only in ${language}.json`).toEqual([]);
    }
  });

  it('have no empty strings', () => {
    for (const language of languages) {
      const empty = [...flat[language]].filter(([, v]) => v.trim() === '').map(([k]) => k);
      expect(empty, `empty strings in ${language}.json`).toEqual([]);
    }
  });

  it('use the same {{placeholders}} in every language', () => {
    const vars = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    for (const [key, zh] of flat['zh-CN']) {
      for (const language of languages) {
        expect({ key, language, vars: vars(flat[language].get(key) ?? '') }).toEqual({ key, language, vars: vars(zh) });
      }
    }
  });
});

/**
 * glossary.md (the users' own words) is the source of truth for the state,
 * action and role names: every row must be in the catalogs, word for word.
 * The spec lives in shared/ beside the repository; skip when it is absent.
 */
const glossaryPath = ['../../../../../shared/spec/glossary.md', '../../../../../../shared/spec/glossary.md']
  .map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
  .find((path) => existsSync(path));

describe.skipIf(!glossaryPath)('glossary', () => {
  const text = glossaryPath ? readFileSync(glossaryPath, 'utf8') : '';

  function table(heading: string): string[][] {
    const section = text.split(/^## /m).find((s) => s.startsWith(heading)) ?? '';
    return section
      .split('\n')
      .filter((line) => /^\|\s*[a-z_]+\s*\|/.test(line) && !line.includes('| code |'))
      .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
  }

  const groups: [string, string][] = [
    ['Workflow states', 'state'],
    ['Actions', 'action'],
    ['Roles and departments', 'role'],
  ];

  it.each(groups)('%s match the catalogs word for word', (heading, prefix) => {
    const rows = table(heading);
    expect(rows.length).toBeGreaterThan(10);
    for (const [code, zhCN, zhTW, en] of rows) {
      expect(flat['zh-CN'].get(`${prefix}.${code}`)).toBe(zhCN);
      expect(flat['zh-TW'].get(`${prefix}.${code}`)).toBe(zhTW);
      expect(flat.en.get(`${prefix}.${code}`)).toBe(en);
    }
  });

  it('every Chinese term of the glossary appears in the zh-CN catalog', () => {
    const values = [...flat['zh-CN'].values()].join('\n');
    const terms = text
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| code') && !line.startsWith('|---'))
      .map((line) => line.split('|')[1]!.trim())
      .filter((cell) => /[\u4e00-\u9fff]/.test(cell))
      .flatMap((cell) => cell.split(' / ').map((t) => t.trim()));
    // Terms written as "目标 / 一般 / 重点 / 潜在客户" share a suffix: check their stems.
    const missing = terms.filter((term) => !values.includes(term));
    expect(missing).toEqual([]);
  });
});
