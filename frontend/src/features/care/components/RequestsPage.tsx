import { Alert } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { PageHeading } from '../../../components/PageHeading';
import { CustomerSectionNav } from '../../customers/components/CustomerSectionNav';
import { useRequestsToDecide } from '../api/queries';
import { RequestDecisionDrawer } from './RequestDecisionDrawer';
import { RequestTable } from './RequestTable';
import '../../customers/customers.css';
import '../care.css';

type Request = Schemas['CustomerRequestView'];

/** 审批: credit and deregistration requests waiting for my decision. */
export default function RequestsPage() {
  const { t } = useTranslation();
  const requests = useRequestsToDecide();
  const [open, setOpen] = useState<{ request: Request; approve: boolean } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className="kehu-page" aria-labelledby="page-title">
      <PageHeading title={t('care.pages.requests')} />
      <CustomerSectionNav />
      <div aria-live="polite">
        {done && <Alert type="success" showIcon closable role="status" className="kehu-gap" message={done} onClose={() => setDone(null)} />}
      </div>
      <div className="kehu-panel">
        <RequestTable requests={requests.data ?? []} loading={requests.isPending} onDecide={(request, approve) => setOpen({ request, approve })} />
      </div>
      <RequestDecisionDrawer
        request={open?.request ?? null}
        approve={open?.approve ?? true}
        onClose={() => setOpen(null)}
        onDone={(r) => {
          setOpen(null);
          setDone(t(r.status === 'approved' ? 'care.request.approved' : 'care.request.refused', { name: r.customer.name }));
        }}
      />
    </section>
  );
}
