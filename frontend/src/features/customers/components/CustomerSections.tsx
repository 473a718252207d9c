import { Card, Descriptions, Table, Tag, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { formatDate, formatDateTime, formatMoney } from '../../../lib/format';
import { LevelTag } from './CustomerTags';

type Customer = Schemas['CustomerView'];
type Contact = Schemas['ContactView'];

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card size="small" id={`section-${id}`} className="kehu-section" title={<h2 className="kehu-section__title">{title}</h2>}>
      {children}
    </Card>
  );
}

const COLUMNS = { xs: 1, sm: 2, lg: 3 } as const;

/** The record in the registration form's sections. */
export function CustomerSections({ customer: c }: { customer: Customer }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const dash = (v?: string | null) => (v ? v : '—');
  const date = (v?: string | null) => (v ? formatDate(v, locale) : '—');
  const time = (v?: string | null) => (v ? formatDateTime(v, locale) : '—');
  const item = (key: string, label: string, children: ReactNode): NonNullable<DescriptionsProps['items']>[number] => ({ key, label, children });

  const basic = [
    item('code', t('customers.code'), c.code),
    item('kind', t('customers.kind'), t(`customers.kinds.${c.kind}`)),
    item('market', t('complaint.market'), t(`market.${c.market}`)),
    item('category', t('customers.category'), t(`customer.category.${c.category}`, { defaultValue: c.category })),
    item('class', t('customers.class'), c.customer_class ? t('customers.classValue', { value: c.customer_class }) : '—'),
    item('grade', t('customer.grade'), dash(c.credit_grade)),
    item('limit', t('customer.creditLimit'), c.credit_limit ? formatMoney(c.credit_limit, locale) : '—'),
    item('terms', t('customer.paymentTerms'), c.payment_term_days ? t('customers.days', { count: c.payment_term_days }) : t('customers.prepaid')),
    item('hold', t('customer.supplyHold'), c.supply_hold ? (
      <>
        <Tag color="red">{t('customer.supplyHold')}</Tag>
        {c.supply_hold_reason}
      </>
    ) : (
      t('common.no')
    )),
    item('region', t('customers.region'), dash(c.region)),
    item('industry', t('customers.industry'), dash(c.industry)),
    item('nature', t('customers.companyNature'), dash(c.company_nature)),
    item('supervising', t('customers.supervisingUnit'), dash(c.supervising_unit)),
    item('level', t('customers.confidentiality'), <LevelTag level={c.confidentiality} />),
    item('address', t('customers.address'), dash(c.address)),
  ];
  const legal = [
    item('legal_representative', t('customers.legalRepresentative'), dash(c.legal_representative)),
    item('tax_id', t('customers.taxId'), dash(c.tax_id)),
    item('bank_name', t('customers.bankName'), dash(c.bank_name)),
    item('bank_account', t('customers.bankAccount'), dash(c.bank_account)),
  ];
  const ownership = [
    item('owner', t('customers.owner'), dash(c.owner_name)),
    item('department', t('customers.department'), dash(c.department_name)),
    item('staff', t('customers.staff'), c.staff.length ? c.staff.map((s) => s.name).join(t('common.listSeparator')) : '—'),
    item('archived', t('customers.since'), time(c.archived_at)),
    item('protected', t('customers.protectedUntil'), (
      <>
        {date(c.protected_until)} {c.claimable && <Tag color="gold">{t('customers.claimable')}</Tag>}
      </>
    )),
    item('deal', t('customers.lastDealOn'), date(c.last_deal_on)),
  ];
  const registration = [
    item('first', t('customers.firstContactOn'), date(c.first_contact_on)),
    item('due', t('customers.registrationDue'), date(c.registration_due)),
    item('submitted', t('customers.submitted'), (
      <>
        {c.submitted_by ? t('customers.byAt', { name: c.submitted_by.name, time: time(c.submitted_at) }) : '—'}{' '}
        {c.registration_late && <Tag color="red">{t('customers.late')}</Tag>}
      </>
    )),
    item('reviewed', t('customers.reviewed'), c.reviewed_by ? t('customers.byAt', { name: c.reviewed_by.name, time: time(c.reviewed_at) }) : '—'),
    item('reason', t('customers.reviewReason'), <span className="kehu-prose">{dash(c.review_reason)}</span>),
  ];

  const contactColumns = [
    { key: 'name', title: t('customers.contacts.name'), dataIndex: 'name' },
    { key: 'title', title: t('customers.contacts.title'), render: (_: unknown, k: Contact) => dash(k.title) },
    { key: 'phone', title: t('customers.contacts.phone'), render: (_: unknown, k: Contact) => dash(k.phone) },
    { key: 'mobile', title: t('customers.contacts.mobile'), render: (_: unknown, k: Contact) => dash(k.mobile) },
    { key: 'email', title: t('customers.contacts.email'), render: (_: unknown, k: Contact) => dash(k.email) },
  ];

  return (
    <div className="kehu-sections">
      <Section id="basic" title={t('customers.form.basic')}>
        <Descriptions size="small" column={COLUMNS} items={basic} />
      </Section>
      {c.kind === 'legal' && (
        <Section id="legal" title={t('customers.form.legal')}>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={legal} />
        </Section>
      )}
      <Section id="contacts" title={t('customers.form.contacts')}>
        <Table<Contact>
          rowKey={(k) => `${k.name}-${k.phone ?? ''}-${k.mobile ?? ''}`}
          size="small"
          columns={contactColumns}
          dataSource={c.contacts}
          pagination={false}
          scroll={{ x: 600 }}
          locale={{ emptyText: t('customers.contacts.empty') }}
        />
      </Section>
      <Section id="ownership" title={t('customers.ownership')}>
        <Descriptions size="small" column={COLUMNS} items={ownership} />
      </Section>
      <Section id="registration" title={t('customers.registration')}>
        <Descriptions size="small" column={COLUMNS} items={registration} />
      </Section>
    </div>
  );
}
