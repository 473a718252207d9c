import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { PageHeading } from '../../../components/PageHeading';
import { isSales } from '../../../lib/roles';
import { useSession } from '../../auth/hooks/useSession';
import { useReturnList } from '../api/queries';
import { activeReturnFilters, parseReturnFilters, returnFiltersToParams, type ReturnFilters } from '../lib/filters';
import { ReturnFilterBar } from './ReturnFilterBar';
import { ReturnTable } from './ReturnTable';
import '../returns.css';
import { LoadMore } from '../../../components/LoadMore';

/** 退换货: the applications the caller may read (产品退换货汇总表), by tab, filtered through the URL. */
export default function ReturnsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = parseReturnFilters(params);
  const setFilters = (next: ReturnFilters) => setParams(returnFiltersToParams(next), { replace: true });
  const { user } = useSession();
  const phone = useIsPhone();
  const list = useReturnList(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;
  const filtered = activeReturnFilters(filters) > 0;

  const raise = isSales(user?.roles) && (
    <Link to="/returns/new">
      <Button type="primary" icon={<PlusOutlined />}>
        {t('returns.list.new')}
      </Button>
    </Link>
  );

  return (
    <section className="kehu-page" aria-labelledby="page-title">
      <PageHeading title={t('returns.list.title')} extra={raise} />
      <ReturnFilterBar filters={filters} onChange={setFilters} />
      {list.isError && <Alert type="error" showIcon message={problemToFormErrors(list.error, t).message} className="kehu-gap" />}
      {total !== undefined && (
        <p className="kehu-muted" role="status" data-testid="returns-total">
          {t('returns.list.total', { count: total })}
        </p>
      )}
      {!list.isPending && items.length === 0 && !list.isError ? (
        <Empty
          className="kehu-page__empty"
          description={
            <>
              <Typography.Paragraph strong>{filtered ? t('returns.list.emptyFiltered') : t('returns.list.empty')}</Typography.Paragraph>
              {!filtered && <Typography.Paragraph type="secondary">{t('returns.list.emptyHint')}</Typography.Paragraph>}
            </>
          }
        >
          {filtered && <Button onClick={() => setFilters({ box: filters.box })}>{t('filters.clear')}</Button>}
        </Empty>
      ) : (
        <div className="kehu-panel">
          <ReturnTable items={items} loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)} phone={phone} />
          <LoadMore list={list} count={items.length} />
        </div>
      )}
    </section>
  );
}
