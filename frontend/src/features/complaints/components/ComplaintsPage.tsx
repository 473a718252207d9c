import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { PageHeading } from '../../../components/PageHeading';
import { useNow } from '../../../components/useNow';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { formatQuantity } from '../../../lib/format';
import { useSession } from '../../auth/hooks/useSession';
import { exportComplaints, useComplaintCount, useComplaintList } from '../api/queries';
import { activeFilterCount, filtersToParams, parseFilters, type ComplaintFilters } from '../lib/filters';
import { ComplaintTable } from './ComplaintTable';
import { FilterBar } from './FilterBar';
import { LoadMore } from '../../../components/LoadMore';

/**
 * 投诉: every complaint the user may see, filtered through the URL, with how
 * many there are and the same as the tracking sheet (导出 Excel).
 */
export default function ComplaintsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = parseFilters(params);
  const setFilters = (next: ComplaintFilters) => setParams(filtersToParams(next), { replace: true });
  const { user } = useSession();
  const phone = useIsPhone();
  const now = useNow();
  const list = useComplaintList(filters);
  const count = useComplaintCount(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = count.data?.total;
  const filtered = activeFilterCount(filters) > 0;
  const canFile = user?.roles.includes('sales') ?? false;
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  async function download() {
    setExporting(true);
    setExportError(null);
    try {
      await exportComplaints(filters, `${t('tracking.sheet')}-${dayjs().format('YYYYMMDD')}.xlsx`);
    } catch (failure) {
      setExportError(problemToFormErrors(failure, t).message);
    } finally {
      setExporting(false);
    }
  }

  return (
    <section className="kehu-page" aria-labelledby="page-title">
      <PageHeading
        title={t('pages.complaints.title')}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => void download()} loading={exporting}>
              {t('complaints.export')}
            </Button>
            {canFile && (
              <Link to="/complaints/new">
                <Button type="primary" icon={<PlusOutlined />}>
                  {t('complaints.new')}
                </Button>
              </Link>
            )}
          </Space>
        }
      />
      <div aria-live="polite">
        {exportError && <Alert type="error" showIcon closable role="alert" className="kehu-gap" message={exportError} onClose={() => setExportError(null)} />}
      </div>
      <FilterBar filters={filters} onChange={setFilters} />
      {list.isError && <Alert type="error" showIcon message={problemToFormErrors(list.error, t).message} className="kehu-gap" />}
      <p className="kehu-muted" role="status" data-testid="complaints-total">
        {total !== undefined && t('complaints.total', { count: total, total: formatQuantity(total, i18n.language) })}
      </p>
      {!list.isPending && items.length === 0 && !list.isError ? (
        <Empty
          className="kehu-page__empty"
          description={
            <>
              <Typography.Paragraph strong>
                {filtered ? t('complaints.emptyFiltered') : t('pages.complaints.empty')}
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary">
                {filtered ? t('complaints.emptyFilteredHint') : t('pages.complaints.emptyHint')}
              </Typography.Paragraph>
            </>
          }
        >
          {filtered ? (
            <Button onClick={() => setFilters({ state: [], sort: filters.sort })}>{t('filters.clear')}</Button>
          ) : (
            canFile && (
              <Link to="/complaints/new">
                <Button type="primary">{t('complaints.new')}</Button>
              </Link>
            )
          )}
        </Empty>
      ) : (
        <div className="kehu-panel">
          <ComplaintTable
            items={items}
            loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
            now={now}
            phone={phone}
            sort={filters.sort}
            onSortChange={(sort) => setFilters({ ...filters, sort })}
          />
          <LoadMore list={list} count={items.length} />
        </div>
      )}
    </section>
  );
}
