import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { TaskBox } from '../../../components/TaskBox';
import { formatDate } from '../../../lib/format';
import { TRACKING_SECTION } from '../lib/anchor';

type Summary = Schemas['CheckSummary'];

/** Due earliest first (as the server sends them; sorted again so the order does not depend on it). */
function byDue(a: Summary, b: Summary): number {
  return a.due_on.localeCompare(b.due_on) || a.id - b.id;
}

/** 待验证的措施有效性 in QA's My tasks: each opens the case at its improvement tracking. */
export function EffectivenessTasks({ items }: { items: Summary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <TaskBox
      titleId="effectiveness-tasks-title"
      title={t('improvement.task.title')}
      items={items}
      order={byDue}
      row={(c) => ({
        to: `/complaints/${c.complaint.id}#${TRACKING_SECTION}`,
        label: t('improvement.task.open', { number: c.complaint.name }),
        overdue: c.overdue,
        number: c.complaint.name,
        tags: c.overdue && <Tag color="red">{t('improvement.check.overdue')}</Tag>,
        meta: (
          <>
            {c.product_number && (
              <span>
                {t('complaint.partNumber')}: {c.product_number}
              </span>
            )}
            <span className="kehu-task__action">{t('improvement.task.needs')}</span>
          </>
        ),
        due: <span className="kehu-muted">{t('improvement.task.due', { date: formatDate(c.due_on, i18n.language) })}</span>,
      })}
    />
  );
}
