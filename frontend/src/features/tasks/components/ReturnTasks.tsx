import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role, Schemas } from '../../../api/types';
import { ReturnStateTag } from '../../../components/ReturnStateTag';
import { TaskBox } from '../../../components/TaskBox';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { useSession } from '../../auth/hooks/useSession';
import { handlingSteps } from '../../returns/lib/handling';

type Summary = Schemas['ReturnSummary'];

/** Soonest step deadline first; none last. */
function byDue(a: Summary, b: Summary): number {
  const da = a.step_due_at ? Date.parse(a.step_due_at) : Number.POSITIVE_INFINITY;
  const db = b.step_due_at ? Date.parse(b.step_due_at) : Number.POSITIVE_INFINITY;
  return da === db ? b.id - a.id : da < db ? -1 : 1;
}

/**
 * What an approved application waits for from me, as i18n keys (more than
 * one when two of its steps are mine at once): a note step certainly mine
 * (the applicant's proof of return, accounting's booking, the general
 * manager's excess decision), the goods' handling step it stands at
 * (`handling_state`) when my roles take it; else the return note in its
 * state's words, the note itself when I raised it, or customer service's
 * inspection and originals. Empty while it is being approved.
 */
export function waitingFor(r: Summary, viewerId: number | undefined, roles: readonly Role[] = []): string[] {
  const mine: string[] = [];
  // Received and listed for its applicant: the proof of return is theirs to record before accounting books it.
  if (r.note_state === 'to_book' && r.raised_by.id === viewerId) mine.push('returns.noteTask.toProve');
  else if ((r.note_state === 'to_book' && roles.includes('finance')) || (r.note_state === 'awaits_decision' && roles.includes('gm'))) {
    mine.push(`returns.noteTask.${r.note_state}`);
  }
  const h = r.handling_state;
  if (h && h !== 'done' && handlingSteps(roles).includes(h)) mine.push(`returns.handlingTask.${h}`);
  if (mine.length > 0) return mine;
  if (r.note_state) return [`returns.noteTask.${r.note_state}`];
  if (r.state !== 'approved') return [];
  return [r.raised_by.id === viewerId ? 'returns.noteTask.toIssue' : 'returns.service.pending'];
}

/** 退换货待审: the applications waiting at my step (approval, customer service, the return note, the goods' handling), each opening its page. */
export function ReturnTasks({ items }: { items: Summary[] }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const locale = i18n.language;
  return (
    <TaskBox
      titleId="return-tasks-title"
      title={t('returns.tasks.title')}
      items={items}
      order={byDue}
      row={(r) => {
        const waiting = waitingFor(r, user?.id, user?.roles);
        return {
          to: `/returns/${r.id}`,
          label: t('returns.tasks.open', { number: r.number, customer: r.customer.name }),
          overdue: r.overdue,
          number: r.number,
          tags: <ReturnStateTag state={r.state} overdue={r.overdue} />,
          customer: r.customer.name,
          meta: (
            <>
              <span>
                {t(`returns.kind.${r.kind}`)} · {formatMoney(r.total.amount, locale, r.total.currency)}
              </span>
              {r.note_number && <span className="kehu-task__note">{r.note_number}</span>}
              {waiting.length > 0 && <span className="kehu-task__action">{waiting.map((key) => t(key)).join(' / ')}</span>}
            </>
          ),
          due: r.step_due_at ? (
            <Tag color={r.overdue ? 'error' : 'default'}>{t('returns.detail.stepDue', { time: formatDateTime(r.step_due_at, locale) })}</Tag>
          ) : (
            <Tag>{t('tasks.noDeadline')}</Tag>
          ),
        };
      }}
    />
  );
}
