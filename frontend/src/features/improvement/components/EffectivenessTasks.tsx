import { RightOutlined } from '@ant-design/icons';
import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/types';
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
    <section className="kehu-gap-top" aria-labelledby="effectiveness-tasks-title">
      <Typography.Title level={2} id="effectiveness-tasks-title" className="kehu-form__section">
        {t('improvement.task.title')}
      </Typography.Title>
      <List
        className="kehu-tasks"
        aria-label={t('improvement.task.title')}
        dataSource={[...items].sort(byDue)}
        rowKey="id"
        renderItem={(c) => (
          <List.Item className="kehu-task">
            <Link
              to={`/complaints/${c.complaint.id}#${TRACKING_SECTION}`}
              className={c.overdue ? 'kehu-task__link is-overdue' : 'kehu-task__link'}
              aria-label={t('improvement.task.open', { number: c.complaint.name })}
            >
              <div className="kehu-task__main">
                <div className="kehu-task__title">
                  <span className="kehu-task__number">{c.complaint.name}</span>
                  {c.overdue && <Tag color="red">{t('improvement.check.overdue')}</Tag>}
                </div>
                <div className="kehu-task__meta">
                  {c.product_number && (
                    <span>
                      {t('complaint.partNumber')}: {c.product_number}
                    </span>
                  )}
                  <span className="kehu-task__action">{t('improvement.task.needs')}</span>
                </div>
              </div>
              <div className="kehu-task__due">
                <span className="kehu-muted">{t('improvement.task.due', { date: formatDate(c.due_on, i18n.language) })}</span>
                <RightOutlined aria-hidden className="kehu-task__chevron" />
              </div>
            </Link>
          </List.Item>
        )}
      />
    </section>
  );
}
