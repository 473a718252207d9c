/**
 * 催办单 and 洽办单: the general manager's office's letters chasing a late
 * step. A reminder (催办单) is pending while the case still waits at that
 * step past the same deadline; an inquiry (洽办单), sent when a case closed
 * late, is pending until the late department gives its reason.
 */
import type { Translate } from '../../../api/problem';
import type { Schemas } from '../../../api/types';

export type Letter = Schemas['LetterView'];

const HOUR = 60;
const DAY = 24 * HOUR;

/** "2 天 3 小时 5 分" / "2 d 3 h 5 min": the units that are not zero, or "0 分" when none is. */
export function formatLate(minutes: number, t: Translate): string {
  const total = Math.max(0, Math.floor(minutes));
  const units = [
    ['days', Math.floor(total / DAY)],
    ['hours', Math.floor((total % DAY) / HOUR)],
    ['minutes', total % HOUR],
  ] as const;
  const parts = units.filter(([, n]) => n > 0).map(([unit, n]) => t(`letters.duration.${unit}`, { n }));
  return parts.length > 0 ? parts.join(' ') : t('letters.duration.minutes', { n: 0 });
}

export interface LetterStatus {
  /** Catalog key of its words: 待处理 / 已处理, 待回复 / 已回复. */
  key: string;
  color: 'orange' | 'green';
}

/** Where the letter stands, in its own kind's words. */
export function letterStatus(letter: Pick<Letter, 'kind' | 'pending'>): LetterStatus {
  return {
    key: `letters.state.${letter.kind}.${letter.pending ? 'pending' : 'done'}`,
    color: letter.pending ? 'orange' : 'green',
  };
}

/** An inquiry the late department has not answered: the page asks for the reason, the paper leaves a box for it. */
export function awaitsAnswer(letter: Pick<Letter, 'kind' | 'answer'>): boolean {
  return letter.kind === 'inquiry' && !letter.answer;
}
