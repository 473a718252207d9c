import { PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { formatDate, formatMoney } from '../../../lib/format';
import { useSession } from '../../auth/hooks/useSession';
import { useCustomer } from '../../customers/api/queries';
import { useCreditChecks, useCustomerRequests } from '../api/queries';
import { ChangeRequestDrawer } from './ChangeRequestDrawer';
import { CreditCheckDrawer } from './CreditCheckDrawer';
import { usePaneFeedback } from './PaneFeedback';
import { RequestTable } from './RequestTable';
import { SupplyHoldDrawer } from './SupplyHoldDrawer';
import '../care.css';

type Customer = Schemas['CustomerView'];
type Check = Schemas['CreditCheckView'];
type DrawerName = 'check' | 'request' | 'hold';

/** The owner, assigned staff and the department's managers work on credit (customer_credit.rs works_on). */
const WORKS_ON = ['owner', 'staff', 'department_manager'];

/** 信用: grade, limit, terms and supply hold; investigations and change requests. */
export default function CreditPane({ customer: c }: { customer: Customer }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { user } = useSession();
  const record = useCustomer(c.id);
  const checks = useCreditChecks(c.id);
  const requests = useCustomerRequests(c.id);
  const [drawer, setDrawer] = useState<DrawerName | null>(null);
  const feedback = usePaneFeedback(() => {
    void record.refetch();
    void requests.refetch();
  }, () => setDrawer(null));

  const roles = user?.roles ?? [];
  const active = c.status === 'active';
  const works = active && WORKS_ON.includes(c.access);
  const gm = roles.includes('gm');
  const mayHold = active && (c.supply_hold ? gm || (roles.includes('sales_manager') && user?.department_id === c.department_id) : works || gm);

  return (
    <div className="kehu-care-pane">
      {feedback.node}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: 'grade', label: t('customer.grade'), children: c.credit_grade ?? '—' },
          { key: 'limit', label: t('customer.creditLimit'), children: c.credit_limit ? formatMoney(c.credit_limit, locale) : '—' },
          {
            key: 'terms',
            label: t('customer.paymentTerms'),
            children: <span data-testid="payment-terms">{c.payment_term_days ? t('customers.days', { count: c.payment_term_days }) : t('customers.prepaid')}</span>,
          },
          {
            key: 'hold',
            label: t('customer.supplyHold'),
            children: c.supply_hold ? (
              <span>
                <Tag color="red">{t('customer.supplyHold')}</Tag>
                {c.supply_hold_reason}
              </span>
            ) : (
              t('common.no')
            ),
          },
        ]}
      />
      <Space wrap className="kehu-gap">
        {works && (
          <Button icon={<PlusOutlined />} onClick={() => setDrawer('check')}>
            {t('care.credit.addCheck')}
          </Button>
        )}
        {works && (
          <Button type="primary" onClick={() => setDrawer('request')}>
            {t('care.request.file')}
          </Button>
        )}
        {mayHold && (
          <Button danger={!c.supply_hold} onClick={() => setDrawer('hold')}>
            {t(c.supply_hold ? 'care.hold.lift' : 'care.hold.put')}
          </Button>
        )}
      </Space>
      <Typography.Title level={3} className="kehu-care-pane__title">
        {t('care.credit.checks')}
      </Typography.Title>
      <Table<Check>
        rowKey="id"
        size="small"
        loading={checks.isPending}
        dataSource={checks.data ?? []}
        pagination={false}
        scroll={{ x: 600 }}
        locale={{ emptyText: t('care.credit.noChecks') }}
        columns={[
          { key: 'on', title: t('care.credit.investigatedOn'), render: (_, k) => formatDate(k.investigated_on, locale) },
          { key: 'by', title: t('care.credit.investigatedBy'), render: (_, k) => k.investigated_by.name },
          { key: 'summary', title: t('care.credit.summary'), render: (_, k) => <span className="kehu-prose">{k.summary}</span> },
          { key: 'grade', title: t('care.credit.recommendedGrade'), render: (_, k) => k.recommended_grade ?? '—' },
          {
            key: 'limit',
            title: t('care.credit.recommendedLimit'),
            align: 'right',
            render: (_, k) => (k.recommended_limit ? formatMoney(k.recommended_limit, locale) : '—'),
          },
        ]}
      />
      <Typography.Title level={3} className="kehu-care-pane__title">
        {t('care.request.title')}
      </Typography.Title>
      <RequestTable requests={requests.data ?? []} loading={requests.isPending} />
      <CreditCheckDrawer
        customerId={c.id}
        open={drawer === 'check'}
        onClose={() => setDrawer(null)}
        onDone={() => feedback.done(t('care.credit.added'))}
        {...feedback.outcome}
      />
      <ChangeRequestDrawer
        customer={c}
        checks={checks.data ?? []}
        open={drawer === 'request'}
        onClose={() => setDrawer(null)}
        onDone={() => feedback.done(t('care.request.filed'))}
        {...feedback.outcome}
      />
      <SupplyHoldDrawer
        customer={c}
        open={drawer === 'hold'}
        onClose={() => setDrawer(null)}
        onDone={(hold) => feedback.done(t(hold ? 'care.hold.putDone' : 'care.hold.liftDone'))}
        {...feedback.outcome}
      />
    </div>
  );
}
