import { Card, Segmented, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Schemas } from '../../../api/types';
import { PageHeading } from '../../../components/PageHeading';
import { CustomerSectionNav } from '../../customers/components/CustomerSectionNav';
import { useCoverage, useVisitBox } from '../api/queries';
import { usePaneFeedback } from './PaneFeedback';
import { VisitStepDrawer, type VisitStepName } from './VisitStepDrawer';
import { VisitTable } from './VisitTable';
import '../../customers/customers.css';
import '../care.css';

type Visit = Schemas['VisitView'];
type Row = Schemas['CoverageRow'];
const VIEWS = ['mine', 'to_review', 'coverage'] as const;
type View = (typeof VIEWS)[number];

function Coverage() {
  const { t } = useTranslation();
  const [behind, setBehind] = useState(false);
  const coverage = useCoverage(behind);
  return (
    <>
      <label className="kehu-gap" style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
        <Switch checked={behind} onChange={setBehind} size="small" />
        {t('care.visit.behindOnly')}
      </label>
      <Table<Row>
        rowKey={(r) => r.customer.id}
        size="small"
        loading={coverage.isPending}
        dataSource={coverage.data ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('care.visit.noCoverage') }}
        columns={[
          { key: 'code', title: t('customers.code'), render: (_, r) => <span className="kehu-mono">{r.code}</span> },
          { key: 'name', title: t('customers.name'), render: (_, r) => <Link to={`/customers/${r.customer.id}?tab=visits`}>{r.customer.name}</Link> },
          { key: 'class', title: t('customers.class'), render: (_, r) => r.customer_class ?? '—' },
          { key: 'owner', title: t('customers.owner'), render: (_, r) => r.owner.name },
          {
            key: 'quarter',
            title: t('care.visit.quarterDone'),
            align: 'right',
            render: (_, r) => (r.behind_quarter ? <Tag color="red">{r.quarter_done}</Tag> : r.quarter_done),
          },
          {
            key: 'year',
            title: t('care.visit.yearDone'),
            align: 'right',
            render: (_, r) => <span className={r.behind_year ? 'kehu-danger' : undefined}>{`${r.year_done} / ${r.year_required}`}</span>,
          },
          {
            key: 'behind',
            title: t('care.visit.behind'),
            render: (_, r) => (
              <>
                {r.behind_quarter && <Tag color="orange">{t('care.visit.behindQuarter')}</Tag>}
                {r.behind_year && <Tag color="red">{t('care.visit.behindYear')}</Tag>}
              </>
            ),
          },
        ]}
      />
    </>
  );
}

function Box({ box }: { box: 'mine' | 'to_review' }) {
  const { t } = useTranslation();
  const visits = useVisitBox(box);
  const [open, setOpen] = useState<{ visit: Visit; step: VisitStepName } | null>(null);
  const feedback = usePaneFeedback(() => void visits.refetch(), () => setOpen(null));
  return (
    <>
      {feedback.node}
      <VisitTable visits={visits.data ?? []} loading={visits.isPending} withCustomer onStep={(visit, step) => setOpen({ visit, step })} />
      <VisitStepDrawer
        visit={open?.visit ?? null}
        step={open?.step ?? 'record'}
        onClose={() => setOpen(null)}
        onDone={(step) => feedback.done(t(`care.visit.done.${step}`))}
        {...feedback.outcome}
      />
    </>
  );
}

/** 回访: my visits, reports to review, and each customer against the visit minimums. */
export default function VisitsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view: View = VIEWS.find((v) => v === params.get('view')) ?? 'mine';
  return (
    <section className="kehu-page" aria-labelledby="page-title">
      <PageHeading title={t('care.pages.visits')} />
      <CustomerSectionNav />
      <Segmented
        className="kehu-gap"
        value={view}
        onChange={(v) => setParams({ view: String(v) }, { replace: true })}
        options={VIEWS.map((v) => ({ value: v, label: t(`care.visit.views.${v}`) }))}
      />
      <Card size="small">{view === 'coverage' ? <Coverage /> : <Box key={view} box={view} />}</Card>
    </section>
  );
}
