import { Alert, Card, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { PageHeading } from '../../../components/PageHeading';
import { formatDate } from '../../../lib/format';
import { hasAny } from '../../../lib/roles';
import { useSession } from '../../auth/hooks/useSession';
import { usePenaltyRuns } from '../api/queries';
import { RUN_STARTER, type RunSummary } from '../lib/penalties';
import { RunStateTag } from './StateTags';
import { StartRunCard } from './StartRunCard';
import '../penalties.css';

/**
 * 客诉罚扣: the monthly runs (months and states only, everyone reads them;
 * each run shows the caller what he may read) and, for the coordinator, the
 * form that starts a month.
 */
export default function PenaltiesPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { user } = useSession();
  const runs = usePenaltyRuns();
  const date = (value?: string | null) => (value ? formatDate(value, locale) : '—');

  const columns: TableProps<RunSummary>['columns'] = [
    {
      key: 'month',
      title: t('penalties.list.month'),
      width: 110,
      fixed: 'left',
      render: (_, r) => (
        <Link to={`/penalties/${r.id}`} className="kehu-amount">
          {r.month}
        </Link>
      ),
    },
    { key: 'state', title: t('penalties.list.state'), width: 150, render: (_, r) => <RunStateTag state={r.state} /> },
    { key: 'created_at', title: t('penalties.list.createdAt'), width: 120, render: (_, r) => date(r.created_at) },
    { key: 'approved_at', title: t('penalties.list.approvedAt'), width: 120, render: (_, r) => date(r.approved_at) },
    { key: 'published_at', title: t('penalties.list.publishedAt'), width: 120, render: (_, r) => date(r.published_at) },
  ];

  return (
    <section className="kehu-page kehu-penalties" aria-labelledby="page-title">
      <PageHeading title={t('penalties.title')} />
      {hasAny(user?.roles, [RUN_STARTER]) && <StartRunCard />}
      <Card
        className="kehu-penalties__runs"
        title={
          <h2 className="kehu-penalties__h2" id="penalty-runs-title">
            {t('penalties.list.heading')}
          </h2>
        }
      >
        {runs.isError && <Alert type="error" showIcon message={problemToFormErrors(runs.error, t).message} className="kehu-gap" />}
        <Table<RunSummary>
          rowKey="id"
          size="middle"
          loading={runs.isPending}
          columns={columns}
          dataSource={runs.data ?? []}
          pagination={false}
          scroll={{ x: 620 }}
          locale={{ emptyText: t('penalties.list.empty') }}
        />
      </Card>
    </section>
  );
}
