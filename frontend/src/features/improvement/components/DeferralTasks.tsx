import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { TaskBox } from '../../../components/TaskBox';
import { formatDate, formatDateTime } from '../../../lib/format';
import { TRACKING_SECTION } from '../lib/anchor';
import '../improvement.css';

type Summary = Schemas['DeferralSummary'];

/** The longest waiting first (as the server sends them; sorted again so the order does not depend on it). */
function byRequested(a: Summary, b: Summary): number {
  return Date.parse(a.requested_at) - Date.parse(b.requested_at) || a.id - b.id;
}

/** 待审批的暂缓关闭 in the deputy GM's and the GM's My tasks: each opens the case at its improvement tracking. */
export function DeferralTasks({ items }: { items: Summary[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <TaskBox
      titleId="deferral-tasks-title"
      title={t('improvement.deferral.task.title')}
      items={items}
      order={byRequested}
      row={(d) => ({
        to: `/complaints/${d.complaint.id}#${TRACKING_SECTION}`,
        label: t('improvement.deferral.task.open', { number: d.complaint.name }),
        number: d.complaint.name,
        // Lets the main column shrink, so a long reason wraps and clamps instead of widening the row.
        mainClassName: 'kehu-deferral-task',
        meta: (
          <>
            {d.product_number && (
              <span>
                {t('complaint.partNumber')}: {d.product_number}
              </span>
            )}
            <span className="kehu-task__action">{t('improvement.deferral.task.needs')}</span>
            <span>{t('improvement.deferral.task.by', { name: d.requested_by.name, time: formatDateTime(d.requested_at, locale) })}</span>
          </>
        ),
        detail: <div className="kehu-deferral-task__reason">{d.reason}</div>,
        due: <span className="kehu-muted">{t('improvement.deferral.untilText', { date: formatDate(d.until_on, locale) })}</span>,
      })}
    />
  );
}
