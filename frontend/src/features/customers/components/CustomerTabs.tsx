import { Card, Skeleton, Tabs } from 'antd';
import { Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { useDepartments } from '../../reference/api/queries';
import { useCustomerHistory, useCustomerReads } from '../api/queries';
import { usePeople } from '../hooks/useSalespeople';
import { ChangeTimeline } from './ChangeTimeline';
import { CustomerComplaints } from './CustomerComplaints';
import { ReadsTable } from './ReadsTable';

type Customer = Schemas['CustomerView'];

/**
 * A tab another feature adds to the record (customer care: 信用, 回访, 满意度).
 * The router hands these in, so this folder does not import that feature.
 */
export interface RecordTab {
  key: string;
  /** The label's catalog key. */
  label: string;
  /** Lazy, so that it loads when its tab is first opened. */
  Pane: ComponentType<{ customer: Customer }>;
}

function later(node: ReactNode) {
  return <Suspense fallback={<Skeleton active />}>{node}</Suspense>;
}

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

/** Below the record: its complaints, the added tabs, 变更记录, and 查阅记录 (hidden from those who may not see it). */
export function CustomerTabs({ customer, added }: { customer: Customer; added: readonly RecordTab[] }) {
  const { t } = useTranslation();
  const customerId = customer.id;
  const [params, setParams] = useSearchParams();
  const reads = useCustomerReads(customerId);
  const forbidden = reads.error instanceof ApiError && reads.error.status === 403;
  const tabKeys = ['complaints', ...added.map((tab) => tab.key), 'history', 'reads'];

  const items = [
    { key: 'complaints', label: t('customers.tabs.complaints'), children: <CustomerComplaints customerId={customerId} /> },
    ...added.map(({ key, label, Pane }) => ({ key, label: t(label), children: later(<Pane customer={customer} />) })),
    { key: 'history', label: t('customers.tabs.history'), children: <HistoryPane customerId={customerId} /> },
    ...(forbidden
      ? []
      : [{ key: 'reads', label: t('customers.tabs.reads'), children: <ReadsTable reads={reads.data ?? []} loading={reads.isPending} /> }]),
  ];

  return (
    <Card size="small" className="kehu-gap-top">
      <Tabs
        items={items}
        activeKey={tabKeys.find((k) => k === params.get('tab')) ?? 'complaints'}
        onChange={(key) => {
          const next = new URLSearchParams(params);
          next.set('tab', key);
          setParams(next, { replace: true, state: null });
        }}
      />
    </Card>
  );
}
