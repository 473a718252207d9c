/**
 * What a section still lacks, in words: the server names each gap by its
 * JSON path (`actions[0].done_on`, `verification.works.evidence`); a reader
 * wants "第 1 项 · 完成日期" under 长期改进措施.
 */
import type { Translate } from '../../../api/problem';
import { CHECKS, sectionOf } from './report';

export interface Gap {
  field: string;
  message: string;
}

/** The path's words after its section, e.g. `actions[0].done_on` -> "第 1 项 · 完成日期"; the section's own name when it is the whole section. */
export function gapLabel(field: string, t: Translate): string {
  const [section = field, ...rest] = field.split(/[.[\]]+/).filter(Boolean);
  if (rest.length === 0) return t(`eightD.section.${section}`, { defaultValue: section });
  return rest
    .map((part) => {
      if (/^\d+$/.test(part)) return t('eightD.row', { n: Number(part) + 1 });
      if ((CHECKS as readonly string[]).includes(part)) return t(`eightD.check.${part}`);
      return t(`eightD.field.${part}`, { defaultValue: part });
    })
    .join(' · ');
}

/** The gaps grouped by the section they are in. */
export function gapsBySection(gaps: Gap[]): Map<string, Gap[]> {
  const out = new Map<string, Gap[]>();
  for (const gap of gaps) {
    const section = sectionOf(gap.field);
    out.set(section, [...(out.get(section) ?? []), gap]);
  }
  return out;
}
