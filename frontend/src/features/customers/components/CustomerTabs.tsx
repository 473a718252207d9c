import { Card, Skeleton, Tabs } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
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
import '../../care/care.css';

// Credit, visits and surveys load when their tab is first opened.
const CreditPane = lazy(() => import('../../care/components/CreditPane'));
const VisitsPane = lazy(() => import('../../care/components/VisitsPane'));
const SurveysPane = lazy(() => import('../../care/components/SurveysPane'));

const TAB_KEYS = ['complaints', 'credit', 'visits', 'surveys', 'history', 'reads'];

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

/** Below the record: its complaints, 信用, 回访, 满意度, 变更记录, and 查阅记录 (hidden from those who may not see it). */
export function CustomerTabs({ customer }: { customer: Schemas['CustomerView'] }) {
  const { t } = useTranslation();
  const customerId = customer.id;
  const [params, setParams] = useSearchParams();
  const reads = useCustomerReads(customerId);
  const forbidden = reads.error instanceof ApiError && reads.error.status === 403;

  const items = [
    { key: 'complaints', label: t('customers.tabs.complaints'), children: <CustomerComplaints customerId={customerId} /> },
    { key: 'credit', label: t('care.tabs.credit'), children: later(<CreditPane customer={customer} />) },
    { key: 'visits', label: t('care.tabs.visits'), children: later(<VisitsPane customer={customer} />) },
    { key: 'surveys', label: t('care.tabs.surveys'), children: later(<SurveysPane customer={customer} />) },
    { key: 'history', label: t('customers.tabs.history'), children: <HistoryPane customerId={customerId} /> },
    ...(forbidden
      ? []
      : [{ key: 'reads', label: t('customers.tabs.reads'), children: <ReadsTable reads={reads.data ?? []} loading={reads.isPending} /> }]),
  ];

  return (
    <Card size="small" className="kehu-gap-top">
      <Tabs
        items={items}
        activeKey={TAB_KEYS.find((k) => k === params.get('tab')) ?? 'complaints'}
        onChange={(key) => {
          const next = new URLSearchParams(params);
          next.set('tab', key);
          setParams(next, { replace: true, state: null });
        }}
      />
    </Card>
  );
}
