import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { StateTag } from '../../../components/CaseTags';
import { TaskBox } from '../../../components/TaskBox';
import { formatDateTime } from '../../../lib/format';
import { PETITION_SECTION } from '../lib/petition';
import '../petitions.css';

type Summary = Schemas['PetitionSummary'];

/** The longest waiting first (as the server sends them; sorted again so the order does not depend on it). */
function byRaised(a: Summary, b: Summary): number {
  return Date.parse(a.raised_at) - Date.parse(b.raised_at) || a.id - b.id;
}

/** 待裁决的签呈 in the general manager's My tasks: each opens the case at its petitions. */
export function PetitionTasks({ items }: { items: Summary[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <TaskBox
      titleId="petition-tasks-title"
      title={t('petition.task.title')}
      items={items}
      order={byRaised}
      row={(p) => ({
        to: `/complaints/${p.complaint.id}#${PETITION_SECTION}`,
        label: t('petition.task.open', { number: p.complaint.name }),
        number: p.complaint.name,
        tags: <StateTag state={p.case_state} />,
        // Lets the main column shrink, so a long subject wraps and clamps instead of widening the row.
        mainClassName: 'kehu-petition-task',
        meta: (
          <>
            {p.product_number && (
              <span>
                {t('complaint.partNumber')}: {p.product_number}
              </span>
            )}
            <span className="kehu-task__action">{t('petition.task.needs')}</span>
            <span>{t('petition.task.by', { department: p.department.name, name: p.raised_by.name, time: formatDateTime(p.raised_at, locale) })}</span>
          </>
        ),
        detail: <div className="kehu-petition-task__subject">{p.subject}</div>,
        due: null,
      })}
    />
  );
}
