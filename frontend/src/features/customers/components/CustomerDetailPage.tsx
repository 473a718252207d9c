import { Alert, Button, Card, Descriptions, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { PageHeading } from '../../../components/PageHeading';
import { useNow } from '../../../components/useNow';
import { formatDate } from '../../../lib/format';
import { useComplaintList } from '../../complaints/api/queries';
import { ComplaintTable } from '../../complaints/components/ComplaintTable';
import { filtersToParams } from '../../complaints/lib/filters';
import { useCustomer } from '../api/queries';

/** One customer: the archive card and the customer's complaints. */
export default function CustomerDetailPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const phone = useIsPhone();
  const now = useNow();
  const customer = useCustomer(id);
  const filters = { state: [], customer_id: id };
  const complaints = useComplaintList(filters);
  const items = complaints.data?.pages.flatMap((p) => p.items) ?? [];

  if (customer.isPending) return <Skeleton active />;
  if (customer.isError) {
    const problem = problemToFormErrors(customer.error, t);
    return <Result status={problem.status === 404 ? '404' : 'error'} title={problem.message} />;
  }
  const c = customer.data;

  return (
    <section className="kehu-page" aria-labelledby="page-title">
      <PageHeading title={c.name} />
      <Card className="kehu-gap">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'code', label: t('customers.code'), children: c.code },
            { key: 'kind', label: t('customers.kind'), children: t(`customers.kinds.${c.kind}`) },
            { key: 'market', label: t('complaint.market'), children: t(`market.${c.market}`) },
            { key: 'owner', label: t('customers.owner'), children: c.owner_name ?? '—' },
            { key: 'contact', label: t('customers.contact'), children: c.contact_name ?? '—' },
            { key: 'phone', label: t('customers.phone'), children: c.contact_phone ?? '—' },
            { key: 'address', label: t('customers.address'), children: c.address ?? '—' },
            { key: 'status', label: t('customers.status'), children: t(`customers.statuses.${c.status}`, { defaultValue: c.status }) },
            { key: 'since', label: t('customers.since'), children: formatDate(c.created_at, i18n.language) },
          ]}
        />
      </Card>
      <div className="kehu-page__head">
        <Typography.Title level={2} className="kehu-section__title">
          {t('customers.complaints')}
        </Typography.Title>
        <Link to={`/complaints?${filtersToParams(filters).toString()}`}>
          <Button>{t('customers.openInList')}</Button>
        </Link>
      </div>
      {complaints.isError && <Alert type="error" showIcon message={problemToFormErrors(complaints.error, t).message} />}
      {!complaints.isPending && items.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('customers.noComplaints')}</Typography.Paragraph>
      ) : (
        <div className="kehu-panel">
          <ComplaintTable items={items} loading={complaints.isPending} now={now} phone={phone} hideCustomer />
          {complaints.hasNextPage && (
            <div className="kehu-more">
              <Button onClick={() => void complaints.fetchNextPage()} loading={complaints.isFetchingNextPage}>
                {t('common.loadMore')}
              </Button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
