import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { useNow } from '../../../components/useNow';
import { useComplaintList } from '../../complaints/api/queries';
import { ComplaintTable } from '../../complaints/components/ComplaintTable';
import { filtersToParams } from '../../complaints/lib/filters';

/** The customer's complaints, with a link to the filtered complaint list. */
export function CustomerComplaints({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const now = useNow();
  const filters = { state: [], customer_id: customerId };
  const complaints = useComplaintList(filters);
  const items = complaints.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <div className="kehu-page__head">
        <span className="kehu-muted">{t('customers.complaints')}</span>
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
    </>
  );
}
