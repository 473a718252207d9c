import { Button, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/types';
import { formatDate } from '../../../lib/format';
import type { VisitStepName } from './VisitStepDrawer';

type Visit = Schemas['VisitView'];

const STATUS_COLOR: Record<string, string> = { planned: 'blue', recorded: 'gold', reported: 'processing', reviewed: 'success', cancelled: 'default' };

/** The next step the caller may take on a visit, as the server says. */
export function useVisitNext() {
  return (v: Visit): VisitStepName | null => {
    if (v.can_record) return 'record';
    if (v.can_report) return 'report';
    if (v.can_review) return 'review';
    return null;
  };
}

interface Props {
  visits: Visit[];
  loading: boolean;
  withCustomer?: boolean;
  onStep: (v: Visit, step: VisitStepName) => void;
}

export function VisitTable({ visits, loading, withCustomer = false, onStep }: Props) {
  const { t, i18n } = useTranslation();
  const next = useVisitNext();
  const date = (d?: string | null) => (d ? formatDate(d, i18n.language) : '—');
  return (
    <Table<Visit>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={visits}
      pagination={false}
      scroll={{ x: 760 }}
      locale={{ emptyText: t('care.visit.none') }}
      columns={[
        ...(withCustomer
          ? [{ key: 'customer', title: t('customers.name'), render: (_: unknown, v: Visit) => <Link to={`/customers/${v.customer.id}?tab=visits`}>{v.customer.name}</Link> }]
          : []),
        { key: 'planned', title: t('care.visit.plannedOn'), render: (_, v) => `${date(v.planned_on)} · ${t(`care.visit.methods.${v.method}`)}` },
        { key: 'purpose', title: t('care.visit.purpose'), dataIndex: 'purpose' },
        { key: 'visited', title: t('care.visit.visitedOn'), render: (_, v) => date(v.visited_on) },
        { key: 'who', title: t('care.visit.participants'), render: (_, v) => v.participants.map((p) => p.name).join(t('common.listSeparator')) || '—' },
        {
          key: 'status',
          title: t('customers.status'),
          render: (_, v) => (
            <Space size={4} wrap>
              <Tag color={STATUS_COLOR[v.status]}>{t(`care.visit.statuses.${v.status}`, { defaultValue: v.status })}</Tag>
              {v.report_late && <Tag color="red">{t('care.visit.reportLate')}</Tag>}
              {v.status === 'recorded' && v.report_due_on && <span className="kehu-muted">{t('care.visit.reportDue', { date: date(v.report_due_on) })}</span>}
            </Space>
          ),
        },
        {
          key: 'act',
          title: t('detail.actions'),
          render: (_, v) => {
            const step = next(v);
            return step ? (
              <Button size="small" type="primary" data-step={step} onClick={() => onStep(v, step)}>
                {t(`care.visit.steps.${step}`)}
              </Button>
            ) : null;
          },
        },
      ]}
    />
  );
}
