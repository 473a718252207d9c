import { Col, DatePicker, Form, Input, Radio, Row, Select, Typography, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/hooks/useSession';
import { personOptions, useSalespeople } from '../hooks/useSalespeople';
import type { CustomerValues } from '../lib/form';
import { CATEGORIES, CLASSES, KINDS, LEVELS, MARKETS } from '../lib/options';
import { ContactsEditor } from './ContactsEditor';
import { DuplicateWarning } from './DuplicateWarning';

interface Props {
  form: FormInstance<CustomerValues>;
  /** Registration shows the code and (to a sales manager) the owner; an edit does not. */
  mode: 'create' | 'edit';
  /** The record being edited (not a duplicate of itself). */
  customerId?: number;
  /** The owner of the record (left out of the staff picker). */
  ownerId?: number;
}

function Section({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={2} className="kehu-form__section">
      {children}
    </Typography.Title>
  );
}

type Instance = FormInstance<CustomerValues>;

/** Tax and bank data: legal entities only (watches the kind alone, not the whole form). */
function LegalOnly({ form, children }: { form: Instance; children: ReactNode }) {
  return Form.useWatch('kind', form) === 'natural' ? null : children;
}

function LevelHint({ form }: { form: Instance }) {
  const { t } = useTranslation();
  return <>{t(`customers.form.levelHint.${Form.useWatch('confidentiality', form) ?? 'secret'}`)}</>;
}

/** 协办人员: active salespeople but the owner; a key customer needs someone here. */
function StaffPicker({ form, fallbackOwner }: { form: Instance; fallbackOwner?: number }) {
  const { t } = useTranslation();
  const { salespeople, loading } = useSalespeople();
  const category = Form.useWatch('category', form);
  const owner = Form.useWatch('owner_id', form) ?? fallbackOwner;
  return (
    <Form.Item
      name="staff_ids"
      label={t('customers.staff')}
      extra={category === 'key' ? t('customers.form.keyStaff') : t('customers.form.staffHint')}
      rules={[
        {
          validator: async (_, value?: number[]) => {
            if (category === 'key' && !value?.length) throw new Error(t('validation.key_customer_staff'));
          },
        },
      ]}
      dependencies={['category']}
    >
      <Select
        mode="multiple"
        allowClear
        showSearch
        optionFilterProp="label"
        loading={loading}
        options={personOptions(salespeople.filter((p) => p.id !== owner))}
      />
    </Form.Item>
  );
}

/** The fields of the customer registration form (客户信息登记表), grouped as on paper. */
export function CustomerFields({ form, mode, customerId, ownerId }: Props) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { salespeople, loading } = useSalespeople();
  const manager = mode === 'create' && !!user?.roles.includes('sales_manager');
  const owners = salespeople.filter((p) => p.departmentId === user?.department_id);
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  const optional = (field: keyof CustomerValues, label: string, max: number, md = 8) => (
    <Col xs={24} md={md}>
      <Form.Item name={field} label={label}>
        <Input maxLength={max} />
      </Form.Item>
    </Col>
  );

  return (
    <>
      <Section>{t('customers.form.basic')}</Section>
      <Row gutter={16}>
        {mode === 'create' && (
          <Col xs={24} md={6}>
            <Form.Item name="code" label={t('customers.code')} extra={t('customers.form.codeHint')}>
              <Input maxLength={32} placeholder="C-00012" autoComplete="off" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={mode === 'create' ? 12 : 16}>
          <Form.Item name="name" label={t('customers.name')} rules={required}>
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={mode === 'create' ? 6 : 8}>
          <Form.Item
            name="first_contact_on"
            label={t('customers.firstContactOn')}
            rules={mode === 'create' ? [{ required: true, message: t('validation.required') }] : []}
            extra={mode === 'create' ? t('customers.form.dueHint') : undefined}
          >
            <DatePicker className="kehu-full" disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
          </Form.Item>
        </Col>
      </Row>
      <DuplicateWarning form={form} excludeId={customerId} />
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="kind" label={t('customers.kind')} rules={[{ required: true, message: t('validation.required') }]}>
            <Radio.Group options={KINDS.map((k) => ({ value: k, label: t(`customers.kinds.${k}`) }))} optionType="button" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="market" label={t('complaint.market')} rules={[{ required: true, message: t('validation.required') }]}>
            <Radio.Group options={MARKETS.map((m) => ({ value: m, label: t(`market.${m}`) }))} optionType="button" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="category" label={t('customers.category')}>
            <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`customer.category.${c}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="customer_class" label={t('customers.class')} tooltip={t('customers.form.classHint')}>
            <Select allowClear options={CLASSES.map((c) => ({ value: c, label: t('customers.classValue', { value: c }) }))} />
          </Form.Item>
        </Col>
        {optional('region', t('customers.region'), 50)}
        {optional('industry', t('customers.industry'), 100)}
        {optional('company_nature', t('customers.companyNature'), 100)}
        {optional('supervising_unit', t('customers.supervisingUnit'), 100)}
        {optional('address', t('customers.address'), 300, 16)}
      </Row>

      <LegalOnly form={form}>
        <Section>{t('customers.form.legal')}</Section>
        <Row gutter={16}>
          {optional('legal_representative', t('customers.legalRepresentative'), 100, 6)}
          <Col xs={24} md={6}>
            <Form.Item
              name="tax_id"
              label={t('customers.taxId')}
              rules={[
                {
                  validator: async (_, value?: string) => {
                    const code = (value ?? '').replace(/[\s-]/g, '');
                    if (code && !/^[0-9A-Za-z]{18}$/.test(code)) throw new Error(t('customers.form.taxIdFormat'));
                  },
                },
              ]}
            >
              <Input maxLength={24} autoComplete="off" className="kehu-mono" />
            </Form.Item>
          </Col>
          {optional('bank_name', t('customers.bankName'), 100, 6)}
          {optional('bank_account', t('customers.bankAccount'), 50, 6)}
        </Row>
      </LegalOnly>

      <Section>{t('customers.form.contacts')}</Section>
      <ContactsEditor />

      <Section>{t('customers.form.people')}</Section>
      <Row gutter={16}>
        {manager && (
          <Col xs={24} md={8}>
            <Form.Item name="owner_id" label={t('customers.owner')} extra={t('customers.form.ownerHint')}>
              <Select
                showSearch
                allowClear
                optionFilterProp="label"
                loading={loading}
                placeholder={t('customers.form.ownerPlaceholder')}
                options={personOptions(owners)}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={manager ? 16 : 24}>
          <StaffPicker form={form} fallbackOwner={ownerId ?? user?.id} />
        </Col>
      </Row>

      <Section>{t('customers.form.secrecy')}</Section>
      <Form.Item name="confidentiality" label={t('customers.confidentiality')} extra={<LevelHint form={form} />}>
        <Radio.Group options={LEVELS.map((l) => ({ value: l, label: t(`customer.confidentiality.${l}`) }))} optionType="button" />
      </Form.Item>
    </>
  );
}
