import { FileSearchOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { PageHeading } from '../../../components/PageHeading';
import { useSession } from '../../auth/hooks/useSession';
import { useCustomerList } from '../api/queries';
import { activeCustomerFilters, customerFiltersToParams, parseCustomerFilters, type CustomerFilters } from '../lib/filters';
import { hasAny, IO_ROLES, isSales } from '../lib/options';
import { AccessRequestDrawer } from './AccessRequestDrawer';
import { CustomerFilterBar } from './CustomerFilterBar';
import { CustomerSectionNav } from './CustomerSectionNav';
import { CustomerTable } from './CustomerTable';
import { useListFileButtons } from './ListFileButtons';
import '../customers.css';
import { LoadMore } from '../../../components/LoadMore';

/** 客户一览表: the archive the user may read, by status, filtered through the URL. */
export default function CustomersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = parseCustomerFilters(params);
  const setFilters = (next: CustomerFilters) => setParams(customerFiltersToParams(next), { replace: true });
  const { user } = useSession();
  const phone = useIsPhone();
  const list = useCustomerList(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canRegister = isSales(user?.roles);
  const [asking, setAsking] = useState(false);
  const [asked, setAsked] = useState<{ code: string; role: string } | null>(null);
  const filtered = activeCustomerFilters(filters) > 0;
  const files = useListFileButtons(filters, hasAny(user?.roles, IO_ROLES));

  const register = canRegister && (
    <Link to="/customers/new">
      <Button type="primary" icon={<PlusOutlined />}>
        {t('customers.register')}
      </Button>
    </Link>
  );

  return (
    <section className="kehu-page" aria-labelledby="page-title">
      <PageHeading
        title={t('pages.customers.title')}
        extra={
          <Space wrap>
            {files.buttons}
            <Button icon={<FileSearchOutlined />} onClick={() => setAsking(true)}>
              {t('customers.access.request')}
            </Button>
            {register}
          </Space>
        }
      />
      <CustomerSectionNav />
      {files.extras}
      <div aria-live="polite">
        {asked && (
          <Alert
            type="success"
            showIcon
            closable
            role="status"
            className="kehu-gap"
            message={t('customers.access.filed', { code: asked.code, approver: t(`role.${asked.role}`, { defaultValue: asked.role }) })}
            action={<Link to="/customers/access">{t('customers.access.open')}</Link>}
            onClose={() => setAsked(null)}
          />
        )}
      </div>
      <CustomerFilterBar filters={filters} onChange={setFilters} />
      {list.isError && <Alert type="error" showIcon message={problemToFormErrors(list.error, t).message} className="kehu-gap" />}
      {!list.isPending && items.length === 0 && !list.isError ? (
        <Empty
          className="kehu-page__empty"
          description={
            <>
              <Typography.Paragraph strong>
                {filtered ? t('customers.emptyFiltered') : t(`customers.empty.${filters.status}`)}
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary">
                {filtered ? t('complaints.emptyFilteredHint') : t('pages.customers.emptyHint')}
              </Typography.Paragraph>
            </>
          }
        >
          {filtered ? <Button onClick={() => setFilters({ status: filters.status })}>{t('filters.clear')}</Button> : register}
        </Empty>
      ) : (
        <div className="kehu-panel">
          <CustomerTable items={items} loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)} phone={phone} />
          <LoadMore list={list} count={items.length} />
        </div>
      )}
      <AccessRequestDrawer
        open={asking}
        onClose={() => setAsking(false)}
        onDone={(r) => {
          setAsking(false);
          setAsked({ code: r.customer_code, role: r.approver_role });
        }}
      />
    </section>
  );
}
