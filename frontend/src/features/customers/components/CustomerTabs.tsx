import { Card, Skeleton, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/problem';
import { useDepartments } from '../../reference/api/queries';
import { useCustomerHistory, useCustomerReads } from '../api/queries';
import { usePeople } from '../hooks/useSalespeople';
import { ChangeTimeline } from './ChangeTimeline';
import { CustomerComplaints } from './CustomerComplaints';
import { ReadsTable } from './ReadsTable';

/** 变更记录, fetched when the tab is first opened (a history read by a non-owner is logged). */
function HistoryPane({ customerId }: { customerId: number }) {
  const history = useCustomerHistory(customerId);
  const { people } = usePeople();
  const departments = useDepartments();
  if (history.isPending) return <Skeleton active />;
  const names = {
    user: (id: number) => people.find((p) => p.id === id)?.name,
    department: (id: number) => departments.data?.find((d) => d.id === id)?.name,
  };
  return <ChangeTimeline changes={history.data?.items ?? []} names={names} />;
}

/** Below the record: its complaints, 变更记录, and 查阅记录 (hidden from those who may not see it). */
export function CustomerTabs({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const reads = useCustomerReads(customerId);
  const forbidden = reads.error instanceof ApiError && reads.error.status === 403;

  const items = [
    { key: 'complaints', label: t('customers.tabs.complaints'), children: <CustomerComplaints customerId={customerId} /> },
    { key: 'history', label: t('customers.tabs.history'), children: <HistoryPane customerId={customerId} /> },
    ...(forbidden
      ? []
      : [{ key: 'reads', label: t('customers.tabs.reads'), children: <ReadsTable reads={reads.data ?? []} loading={reads.isPending} /> }]),
  ];

  return (
    <Card size="small" className="kehu-gap-top">
      <Tabs items={items} defaultActiveKey="complaints" />
    </Card>
  );
}
