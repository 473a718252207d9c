import { Alert, Button, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { LoadMore } from '../../../components/LoadMore';
import { PageHeading } from '../../../components/PageHeading';
import { useAllowanceList } from '../api/queries';
import { activeAllowanceFilters, allowanceFiltersToParams, parseAllowanceFilters, type AllowanceFilters } from '../lib/filters';
import { AllowanceFilterBar } from './AllowanceFilterBar';
import { AllowanceTable } from './AllowanceTable';
import '../allowances.css';

/**
 * 折让证明: the certificates the caller may read, by tab, filtered through
 * the URL. New ones are raised from an approved complaint's lines.
 */
export default function AllowancesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = parseAllowanceFilters(params);
  const setFilters = (next: AllowanceFilters) => setParams(allowanceFiltersToParams(next), { replace: true });
  const phone = useIsPhone();
  const list = useAllowanceList(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;
  const filtered = activeAllowanceFilters(filters) > 0;

  return (
    <section className="kehu-page" aria-labelledby="page-title">
      <PageHeading title={t('allowances.list.title')} />
      <AllowanceFilterBar filters={filters} onChange={setFilters} />
      {list.isError && <Alert type="error" showIcon message={problemToFormErrors(list.error, t).message} className="kehu-gap" />}
      {total !== undefined && (
        <p className="kehu-muted" role="status" data-testid="allowances-total">
          {t('allowances.list.total', { count: total })}
        </p>
      )}
      {!list.isPending && items.length === 0 && !list.isError ? (
        <Empty
          className="kehu-page__empty"
          description={
            <>
              <Typography.Paragraph strong>{filtered ? t('allowances.list.emptyFiltered') : t('allowances.list.empty')}</Typography.Paragraph>
              {!filtered && <Typography.Paragraph type="secondary">{t('allowances.list.emptyHint')}</Typography.Paragraph>}
            </>
          }
        >
          {filtered && <Button onClick={() => setFilters({ box: filters.box })}>{t('filters.clear')}</Button>}
        </Empty>
      ) : (
        <div className="kehu-panel">
          <AllowanceTable items={items} loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)} phone={phone} />
          <LoadMore list={list} count={items.length} />
        </div>
      )}
    </section>
  );
}
