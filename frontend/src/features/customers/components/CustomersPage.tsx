import { Alert, Button, Card, Empty, Input, List, Segmented, Space, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { PageHeading } from '../../../components/PageHeading';
import { useCustomerList, type CustomerFilters } from '../api/queries';

type Customer = Schemas['CustomerSummary'];

function parse(params: URLSearchParams): CustomerFilters {
  const market = params.get('market');
  return {
    q: params.get('q')?.trim() || undefined,
    market: market === 'domestic' || market === 'foreign' ? market : undefined,
  };
}

/** 客户一览表: the customers the user may see, searchable. */
export default function CustomersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = parse(params);
  const phone = useIsPhone();
  const list = useCustomerList(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (next: CustomerFilters) => {
    const out = new URLSearchParams();
    if (next.q) out.set('q', next.q);
    if (next.market) out.set('market', next.market);
    setParams(out, { replace: true });
  };

  const columns: TableProps<Customer>['columns'] = [
    { key: 'code', title: t('customers.code'), dataIndex: 'code', width: 110 },
    { key: 'name', title: t('customers.name'), render: (_, c) => <Link to={`/customers/${c.id}`}>{c.name}</Link> },
    { key: 'kind', title: t('customers.kind'), render: (_, c) => t(`customers.kinds.${c.kind}`) },
    { key: 'market', title: t('complaint.market'), render: (_, c) => t(`market.${c.market}`) },
    { key: 'owner', title: t('customers.owner'), render: (_, c) => c.owner_name ?? '—' },
    { key: 'contact', title: t('customers.contact'), render: (_, c) => [c.contact_name, c.contact_phone].filter(Boolean).join(' · ') || '—' },
  ];

  return (
    <section className="kehu-page" aria-labelledby="page-title">
      <PageHeading title={t('pages.customers.title')} />
      <form className="kehu-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <Space wrap>
          <Input.Search
            allowClear
            defaultValue={filters.q}
            key={filters.q ?? ''}
            placeholder={t('customers.search')}
            aria-label={t('customers.search')}
            onSearch={(q) => set({ ...filters, q: q.trim() || undefined })}
            className="kehu-filters__q"
          />
          <Segmented
            value={filters.market ?? 'all'}
            onChange={(v) => set({ ...filters, market: v === 'all' ? undefined : (v as CustomerFilters['market']) })}
            options={[
              { value: 'all', label: t('customers.allMarkets') },
              { value: 'domestic', label: t('market.domestic') },
              { value: 'foreign', label: t('market.foreign') },
            ]}
          />
        </Space>
      </form>
      {list.isError && <Alert type="error" showIcon message={problemToFormErrors(list.error, t).message} />}
      {!list.isPending && items.length === 0 ? (
        <Empty
          className="kehu-page__empty"
          description={
            <>
              <Typography.Paragraph strong>{t('pages.customers.empty')}</Typography.Paragraph>
              <Typography.Paragraph type="secondary">{t('pages.customers.emptyHint')}</Typography.Paragraph>
            </>
          }
        />
      ) : phone ? (
        <List
          loading={list.isPending}
          dataSource={items}
          rowKey="id"
          className="kehu-cards"
          renderItem={(c) => (
            <List.Item>
              <Card size="small" className="kehu-card">
                <Link to={`/customers/${c.id}`} className="kehu-card__link">
                  <strong>{c.name}</strong>
                  <div className="kehu-muted">
                    {c.code} · {t(`market.${c.market}`)} · {c.owner_name ?? ''}
                  </div>
                </Link>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <div className="kehu-panel">
          <Table<Customer> rowKey="id" size="middle" loading={list.isPending} columns={columns} dataSource={items} pagination={false} scroll={{ x: 800 }} />
        </div>
      )}
      {list.hasNextPage && (
        <div className="kehu-more">
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </section>
  );
}
