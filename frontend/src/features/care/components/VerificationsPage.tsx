import { Button, Card, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Schemas } from '../../../api/types';
import { PageHeading } from '../../../components/PageHeading';
import { formatDate } from '../../../lib/format';
import { CustomerSectionNav } from '../../customers/components/CustomerSectionNav';
import { useVerifications, type VerificationBox } from '../api/queries';
import { usePaneFeedback } from './PaneFeedback';
import { VerificationDrawer } from './VerificationDrawer';
import '../../customers/customers.css';
import '../care.css';

type Task = Schemas['VerificationView'];
const BOXES = ['mine', 'overdue'] as const satisfies readonly VerificationBox[];

/** 每季度核实: my open tasks, and the overdue ones I oversee. */
export default function VerificationsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const box: VerificationBox = BOXES.find((b) => b === params.get('box')) ?? 'mine';
  const tasks = useVerifications(box);
  const [open, setOpen] = useState<Task | null>(null);
  const feedback = usePaneFeedback(() => void tasks.refetch(), () => setOpen(null));
  return (
    <section className="kehu-page" aria-labelledby="page-title">
      <PageHeading title={t('care.pages.verifications')} />
      <CustomerSectionNav />
      {feedback.node}
      <Segmented
        className="kehu-gap"
        value={box}
        onChange={(v) => setParams({ box: String(v) }, { replace: true })}
        options={BOXES.map((b) => ({ value: b, label: t(`care.verify.boxes.${b}`) }))}
      />
      <Card size="small">
        <Table<Task>
          rowKey="id"
          size="small"
          loading={tasks.isPending}
          dataSource={tasks.data ?? []}
          pagination={false}
          scroll={{ x: 640 }}
          locale={{ emptyText: t(`care.verify.empty.${box}`) }}
          columns={[
            { key: 'code', title: t('customers.code'), render: (_, v) => <span className="kehu-mono">{v.customer_code}</span> },
            { key: 'name', title: t('customers.name'), render: (_, v) => <Link to={`/customers/${v.customer.id}`}>{v.customer.name}</Link> },
            { key: 'period', title: t('care.verify.period'), dataIndex: 'period' },
            {
              key: 'due',
              title: t('care.verify.due'),
              render: (_, v) => (
                <>
                  {formatDate(v.due_on, i18n.language)} {v.overdue && <Tag color="red">{t('care.verify.overdue')}</Tag>}
                </>
              ),
            },
            { key: 'assignee', title: t('care.verify.assignee'), render: (_, v) => v.assignee.name },
            {
              key: 'act',
              title: t('detail.actions'),
              render: (_, v) =>
                v.can_complete ? (
                  <Button size="small" type="primary" onClick={() => setOpen(v)}>
                    {t('care.verify.complete')}
                  </Button>
                ) : (
                  <Tag>{t(`care.verify.statuses.${v.status}`, { defaultValue: v.status })}</Tag>
                ),
            },
          ]}
        />
      </Card>
      <VerificationDrawer task={open} onClose={() => setOpen(null)} onDone={() => feedback.done(t('care.verify.done'))} {...feedback.outcome} />
    </section>
  );
}
