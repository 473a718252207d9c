import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { TaskBox } from '../../../components/TaskBox';
import { formatDate } from '../../../lib/format';
import { EightDStateTag, RequiredTag } from './EightDStateTag';

/** Submitted longest ago first. */
function byAge(a: Schemas['EightDSummary'], b: Schemas['EightDSummary']): number {
  return Date.parse(a.submitted_at ?? a.updated_at) - Date.parse(b.submitted_at ?? b.updated_at) || a.id - b.id;
}

/** 待核准的 8D 报告 in the QA manager's My tasks: each opens its report. */
export function EightDTasks({ items }: { items: Schemas['EightDSummary'][] }) {
  const { t, i18n } = useTranslation();
  return (
    <TaskBox
      titleId="eight-d-tasks-title"
      title={t('eightD.task.title')}
      items={items}
      order={byAge}
      row={(r) => ({
        to: `/complaints/${r.complaint.id}/8d`,
        label: t('eightD.task.open', { name: r.name }),
        number: r.name,
        tags: (
          <>
            <EightDStateTag state={r.state} />
            {r.required && <RequiredTag required />}
          </>
        ),
        meta: r.submitted_by && <span>{t('eightD.task.submittedBy', { name: r.submitted_by.name })}</span>,
        due: <span className="kehu-muted">{formatDate(r.submitted_at ?? r.updated_at, i18n.language)}</span>,
      })}
    />
  );
}
