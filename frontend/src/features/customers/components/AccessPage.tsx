import { FileSearchOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import type { Role, Schemas } from '../../../api/types';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { PageHeading } from '../../../components/PageHeading';
import { useSession } from '../../auth/hooks/useSession';
import { useAccessRequests, type AccessBox } from '../api/queries';
import { AccessDecisionDrawer } from './AccessDecisionDrawer';
import { AccessRequestDrawer } from './AccessRequestDrawer';
import { AccessTable } from './AccessTable';
import { CustomerSectionNav } from './CustomerSectionNav';
import '../customers.css';

const APPROVERS: readonly Role[] = ['sales_manager', 'gm'];

/** 档案借阅: my requests, and the ones waiting for my decision. */
export default function AccessPage() {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const roles = useSession().user?.roles ?? [];
  const [params, setParams] = useSearchParams();
  const mine = useAccessRequests('mine');
  const toDecide = useAccessRequests('to_decide');
  const [asking, setAsking] = useState(false);
  const [deciding, setDeciding] = useState<{ request: Schemas['AccessRequestView']; approve: boolean } | null>(null);
  /** Kept as a key and its values so it follows a language switch. */
  const [notice, setNotice] = useState<{ key: string; values: Record<string, string> } | null>(null);
  const pending = toDecide.data?.items ?? [];
  const approver = roles.some((r) => APPROVERS.includes(r));
  const showDecide = approver || pending.length > 0;
  const requested = params.get('box');
  const box: AccessBox = requested === 'mine' || requested === 'to_decide' ? requested : approver ? 'to_decide' : 'mine';
  const error = mine.error ?? toDecide.error;

  const items = [
    {
      key: 'mine',
      label: t('customers.access.mine'),
      children: <AccessTable items={mine.data?.items ?? []} loading={mine.isPending} phone={phone} />,
    },
    ...(showDecide
      ? [
          {
            key: 'to_decide',
            label: (
              <span>
                {t('customers.access.toDecide')} <Badge count={pending.length} size="small" />
              </span>
            ),
            children: (
              <AccessTable
                items={pending}
                loading={toDecide.isPending}
                phone={phone}
                deciding
                onDecide={(request, approve) => setDeciding({ request, approve })}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <section className="kehu-page" aria-labelledby="page-title">
      <PageHeading
        title={t('customer.accessRequest')}
        extra={
          <Button icon={<FileSearchOutlined />} onClick={() => setAsking(true)}>
            {t('customers.access.request')}
          </Button>
        }
      />
      <CustomerSectionNav />
      <div aria-live="polite">
        {notice && (
          <Alert type="success" showIcon closable role="status" className="kehu-gap" message={t(notice.key, notice.values)} onClose={() => setNotice(null)} />
        )}
      </div>
      {error && <Alert type="error" showIcon className="kehu-gap" message={problemToFormErrors(error, t).message} />}
      <p className="kehu-muted">{t('customers.access.rules')}</p>
      <div className="kehu-panel kehu-panel--padded">
        <Tabs
          activeKey={showDecide || box === 'mine' ? box : 'mine'}
          onChange={(key) => setParams({ box: key }, { replace: true })}
          items={items}
        />
      </div>
      <AccessRequestDrawer
        open={asking}
        onClose={() => setAsking(false)}
        onDone={(r) => {
          setAsking(false);
          setNotice({ key: 'customers.access.filed', values: { code: r.customer_code, approver: t(`role.${r.approver_role}`, { defaultValue: r.approver_role }) } });
          setParams({ box: 'mine' }, { replace: true });
        }}
      />
      <AccessDecisionDrawer
        request={deciding?.request ?? null}
        approve={deciding?.approve ?? true}
        onClose={() => setDeciding(null)}
        onDone={(r) => {
          setDeciding(null);
          setNotice({
            key: r.status === 'approved' ? 'customers.access.approvedNotice' : 'customers.access.refusedNotice',
            values: { name: r.requester.name, code: r.customer_code },
          });
        }}
      />
    </section>
  );
}
