import { RightOutlined } from '@ant-design/icons';
import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/types';
import { ReturnStateTag } from '../../../components/ReturnStateTag';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { useSession } from '../../auth/hooks/useSession';

type Summary = Schemas['ReturnSummary'];

/** Soonest step deadline first; none last. */
function byDue(a: Summary, b: Summary): number {
  const da = a.step_due_at ? Date.parse(a.step_due_at) : Number.POSITIVE_INFINITY;
  const db = b.step_due_at ? Date.parse(b.step_due_at) : Number.POSITIVE_INFINITY;
  return da === db ? b.id - a.id : da < db ? -1 : 1;
}

/**
 * What an approved application waits for from me: a step on its return note
 * (in the note state's words; for its applicant, the proof of return), the
 * note itself when I raised it, else customer service's inspection or
 * originals. Null while it is being approved.
 */
export function waitingFor(r: Summary, viewerId: number | undefined): string | null {
  // Received and listed for its applicant: the proof of return is theirs to record before accounting books it.
  if (r.note_state === 'to_book' && r.raised_by.id === viewerId) return 'returns.noteTask.toProve';
  if (r.note_state) return `returns.noteTask.${r.note_state}`;
  if (r.state !== 'approved') return null;
  return r.raised_by.id === viewerId ? 'returns.noteTask.toIssue' : 'returns.service.pending';
}

/** 退换货待审: the applications waiting at my step (approval, customer service, the return note), each opening its page. */
export function ReturnTasks({ items }: { items: Summary[] }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const locale = i18n.language;
  return (
    <section className="kehu-gap-top" aria-labelledby="return-tasks-title">
      <Typography.Title level={2} id="return-tasks-title" className="kehu-form__section">
        {t('returns.tasks.title')}
      </Typography.Title>
      <List
        className="kehu-tasks"
        aria-label={t('returns.tasks.title')}
        dataSource={[...items].sort(byDue)}
        rowKey="id"
        renderItem={(r) => {
          const waiting = waitingFor(r, user?.id);
          return (
            <List.Item className="kehu-task">
              <Link
                to={`/returns/${r.id}`}
                className={r.overdue ? 'kehu-task__link is-overdue' : 'kehu-task__link'}
                aria-label={t('returns.tasks.open', { number: r.number, customer: r.customer.name })}
              >
                <div className="kehu-task__main">
                  <div className="kehu-task__title">
                    <span className="kehu-task__number">{r.number}</span>
                    <ReturnStateTag state={r.state} overdue={r.overdue} />
                  </div>
                  <div className="kehu-task__customer">{r.customer.name}</div>
                  <div className="kehu-task__meta">
                    <span>
                      {t(`returns.kind.${r.kind}`)} · {formatMoney(r.total.amount, locale, r.total.currency)}
                    </span>
                    {r.note_number && <span className="kehu-task__note">{r.note_number}</span>}
                    {waiting && <span className="kehu-task__action">{t(waiting)}</span>}
                  </div>
                </div>
                <div className="kehu-task__due">
                  {r.step_due_at ? (
                    <Tag color={r.overdue ? 'error' : 'default'}>{t('returns.detail.stepDue', { time: formatDateTime(r.step_due_at, locale) })}</Tag>
                  ) : (
                    <Tag>{t('tasks.noDeadline')}</Tag>
                  )}
                  <RightOutlined aria-hidden className="kehu-task__chevron" />
                </div>
              </Link>
            </List.Item>
          );
        }}
      />
    </section>
  );
}
