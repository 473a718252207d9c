import { RightOutlined } from '@ant-design/icons';
import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/types';
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
    <section className="kehu-gap-top" aria-labelledby="eight-d-tasks-title">
      <Typography.Title level={2} id="eight-d-tasks-title" className="kehu-form__section">
        {t('eightD.task.title')}
      </Typography.Title>
      <List
        className="kehu-tasks"
        aria-label={t('eightD.task.title')}
        dataSource={[...items].sort(byAge)}
        rowKey="id"
        renderItem={(r) => (
          <List.Item className="kehu-task">
            <Link to={`/complaints/${r.complaint.id}/8d`} className="kehu-task__link" aria-label={t('eightD.task.open', { name: r.name })}>
              <div className="kehu-task__main">
                <div className="kehu-task__title">
                  <span className="kehu-task__number">{r.name}</span>
                  <EightDStateTag state={r.state} />
                  {r.required && <RequiredTag required />}
                </div>
                <div className="kehu-task__meta">
                  {r.submitted_by && <span>{t('eightD.task.submittedBy', { name: r.submitted_by.name })}</span>}
                </div>
              </div>
              <div className="kehu-task__due">
                <span className="kehu-muted">{formatDate(r.submitted_at ?? r.updated_at, i18n.language)}</span>
                <RightOutlined aria-hidden className="kehu-task__chevron" />
              </div>
            </Link>
          </List.Item>
        )}
      />
    </section>
  );
}
