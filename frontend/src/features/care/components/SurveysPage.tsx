import { Button, Card, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Schemas } from '../../../api/types';
import { PageHeading } from '../../../components/PageHeading';
import { formatDateTime } from '../../../lib/format';
import { CustomerSectionNav } from '../../customers/components/CustomerSectionNav';
import { useFollowups, useSurveySummary, type FollowupStatus, type SummaryGroup } from '../api/queries';
import { DIMENSIONS } from '../lib/labels';
import { FollowupDrawer } from './FollowupDrawer';
import { usePaneFeedback } from './PaneFeedback';
import '../../customers/customers.css';
import '../care.css';

type Group = Schemas['SurveyGroup'];
type Followup = Schemas['FollowupView'];
const GROUPS = ['customer', 'product', 'period'] as const satisfies readonly SummaryGroup[];
const STATUSES = ['open', 'closed'] as const satisfies readonly FollowupStatus[];

function Summary() {
  const { t } = useTranslation();
  const [groupBy, setGroupBy] = useState<SummaryGroup>('customer');
  const summary = useSurveySummary(groupBy);
  return (
    <Card size="small" title={t('care.survey.summary')} extra={<Segmented size="small" value={groupBy} onChange={(v) => setGroupBy(v as SummaryGroup)} options={GROUPS.map((g) => ({ value: g, label: t(`care.survey.groupBy.${g}`) }))} />}>
      <Table<Group>
        rowKey="key"
        size="small"
        loading={summary.isPending}
        dataSource={summary.data ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('care.survey.none') }}
        columns={[
          { key: 'key', title: t(`care.survey.groupBy.${groupBy}`), dataIndex: 'key' },
          { key: 'n', title: t('care.survey.count'), dataIndex: 'surveys', align: 'right' },
          ...DIMENSIONS.map((d) => ({
            key: d,
            title: t(`care.survey.dimensions.${d}`),
            align: 'right' as const,
            render: (_: unknown, g: Group) => <span className={g[d] <= 2 ? 'kehu-danger' : undefined}>{g[d].toFixed(2)}</span>,
          })),
          { key: 'poor', title: t('care.survey.poor'), align: 'right', render: (_, g) => (g.poor ? <Tag color="red">{g.poor}</Tag> : 0) },
        ]}
      />
    </Card>
  );
}

function Followups() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status: FollowupStatus = STATUSES.find((s) => s === params.get('followups')) ?? 'open';
  const followups = useFollowups(status);
  const [open, setOpen] = useState<Followup | null>(null);
  const feedback = usePaneFeedback(() => void followups.refetch(), () => setOpen(null));
  return (
    <Card
      size="small"
      className="kehu-gap-top"
      title={t('care.followup.title')}
      extra={<Segmented size="small" value={status} onChange={(v) => setParams({ followups: String(v) }, { replace: true })} options={STATUSES.map((s) => ({ value: s, label: t(`care.followup.statuses.${s}`) }))} />}
    >
      {feedback.node}
      <Table<Followup>
        rowKey="id"
        size="small"
        loading={followups.isPending}
        dataSource={followups.data ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('care.followup.none') }}
        columns={[
          { key: 'customer', title: t('customers.name'), render: (_, f) => <Link to={`/customers/${f.customer.id}?tab=surveys`}>{f.customer.name}</Link> },
          { key: 'dimension', title: t('care.followup.dimension'), render: (_, f) => t(`care.survey.dimensions.${f.dimension}`, { defaultValue: f.dimension }) },
          { key: 'score', title: t('care.followup.score'), render: (_, f) => <Tag color="red">{`${f.score} ${t(`care.survey.levels.${f.score}`, { defaultValue: '' })}`}</Tag> },
          { key: 'department', title: t('customers.department'), render: (_, f) => f.department.name },
          { key: 'at', title: t('care.followup.openedAt'), render: (_, f) => formatDateTime(f.created_at, i18n.language) },
          {
            key: 'act',
            title: status === 'open' ? t('detail.actions') : t('care.followup.resolution'),
            render: (_, f) =>
              f.can_close ? (
                <Button size="small" type="primary" onClick={() => setOpen(f)}>
                  {t('care.followup.close')}
                </Button>
              ) : (
                <span className="kehu-prose">{f.resolution ?? '—'}</span>
              ),
          },
        ]}
      />
      <FollowupDrawer followup={open} onClose={() => setOpen(null)} onDone={() => feedback.done(t('care.followup.closed'))} {...feedback.outcome} />
    </Card>
  );
}

/** 满意度: averages by customer, product or period; follow-ups of poor scores for my department. */
export default function SurveysPage() {
  const { t } = useTranslation();
  return (
    <section className="kehu-page" aria-labelledby="page-title">
      <PageHeading title={t('care.pages.surveys')} />
      <CustomerSectionNav />
      <Summary />
      <Followups />
    </section>
  );
}
