import { RightOutlined } from '@ant-design/icons';
import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/types';
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
    <section className="kehu-gap-top" aria-labelledby="deferral-tasks-title">
      <Typography.Title level={2} id="deferral-tasks-title" className="kehu-form__section">
        {t('improvement.deferral.task.title')}
      </Typography.Title>
      <List
        className="kehu-tasks"
        aria-label={t('improvement.deferral.task.title')}
        dataSource={[...items].sort(byRequested)}
        rowKey="id"
        renderItem={(d) => (
          <List.Item className="kehu-task">
            <Link
              to={`/complaints/${d.complaint.id}#${TRACKING_SECTION}`}
              className="kehu-task__link"
              aria-label={t('improvement.deferral.task.open', { number: d.complaint.name })}
            >
              <div className="kehu-task__main kehu-deferral-task">
                <div className="kehu-task__title">
                  <span className="kehu-task__number">{d.complaint.name}</span>
                </div>
                <div className="kehu-task__meta">
                  {d.product_number && (
                    <span>
                      {t('complaint.partNumber')}: {d.product_number}
                    </span>
                  )}
                  <span className="kehu-task__action">{t('improvement.deferral.task.needs')}</span>
                  <span>{t('improvement.deferral.task.by', { name: d.requested_by.name, time: formatDateTime(d.requested_at, locale) })}</span>
                </div>
                <div className="kehu-deferral-task__reason">{d.reason}</div>
              </div>
              <div className="kehu-task__due">
                <span className="kehu-muted">{t('improvement.deferral.untilText', { date: formatDate(d.until_on, locale) })}</span>
                <RightOutlined aria-hidden className="kehu-task__chevron" />
              </div>
            </Link>
          </List.Item>
        )}
      />
    </section>
  );
}
