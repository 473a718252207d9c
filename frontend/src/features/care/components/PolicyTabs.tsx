import { Alert, Button, Form, Input, InputNumber, Select, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors, toAntdFields } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { useSavePolicy } from '../api/mutations';
import { useArchivePolicy, useCarePolicy } from '../api/queries';
import { DIMENSIONS } from '../lib/labels';

type Notice = { type: 'error' | 'success' | 'warning'; text: string };

const ARCHIVE_FIELDS = [
  ['registration_working_days', 1, 30],
  ['protection_months', 1, 24],
  ['access_days', 1, 90],
  ['max_payment_term_days', 0, 31],
  ['key_customer_min_staff', 1, 5],
] as const;

/** The kinds offered for a survey dimension's follow-up (the server takes any kind). */
const DEPARTMENT_KINDS: readonly Schemas['DepartmentKind'][] = [
  'quality',
  'production',
  'sales',
  'customer_service',
  'marketing',
  'engineering',
  'finance',
  'warehouse',
  'gm_office',
];

/** Saves with If-Match; a 412 reloads the policy, field problems go to their fields. */
function usePolicyForm<V extends object>(version: number | undefined, save: (version: number, v: V) => Promise<unknown>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const [notice, setNotice] = useState<Notice | null>(null);
  async function submit(v: V) {
    if (version === undefined) return;
    setNotice(null);
    try {
      await save(version, v);
      setNotice({ type: 'success', text: t('care.policy.saved') });
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      form.setFields(toAntdFields<V>(p.fieldErrors));
      setNotice({ type: p.status === 412 ? 'warning' : 'error', text: p.status === 412 ? t('care.policy.stale') : p.message });
    }
  }
  const alert = notice && <Alert type={notice.type} showIcon closable role="status" className="kehu-gap" message={notice.text} onClose={() => setNotice(null)} />;
  return { form, submit, alert };
}

/** 客户档案 policy: registration deadline, protection, access, payment terms, key-customer staff. */
export function ArchivePolicyTab() {
  const { t } = useTranslation();
  const policy = useArchivePolicy();
  const save = useSavePolicy('customer-archive');
  const { form, submit, alert } = usePolicyForm<Schemas['ArchivePolicyBody']>(policy.data?.version, (version, body) => save.mutateAsync({ version, body }));
  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data);
  }, [policy.data]);
  if (policy.isPending) return <Skeleton active />;
  return (
    <>
      {alert}
      <Form form={form} layout="vertical" name="archive-policy" onFinish={submit} disabled={save.isPending} className="kehu-settings-form" style={{ maxWidth: 480 }}>
        {ARCHIVE_FIELDS.map(([name, min, max]) => (
          <Form.Item key={name} name={name} label={t(`care.policy.archive.${name}`)} rules={[{ required: true, message: t('validation.required') }]}>
            <InputNumber min={min} max={max} precision={0} className="kehu-full" />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </>
  );
}

/** 客户关怀 policy: visit expense limit, poor score, link validity, who follows up each dimension. */
export function CarePolicyTab() {
  const { t } = useTranslation();
  const policy = useCarePolicy();
  const save = useSavePolicy('customer-care');
  const { form, submit, alert } = usePolicyForm<Schemas['CarePolicyBody']>(policy.data?.version, (version, body) => save.mutateAsync({ version, body }));
  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data);
  }, [policy.data]);
  if (policy.isPending) return <Skeleton active />;
  return (
    <>
      {alert}
      <Form form={form} layout="vertical" name="care-policy" onFinish={submit} disabled={save.isPending} style={{ maxWidth: 480 }}>
        <Form.Item
          name="visit_expense_limit"
          label={t('care.policy.care.visit_expense_limit')}
          rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/, message: t('validation.invalid_money') }]}
        >
          <Input prefix="¥" inputMode="decimal" />
        </Form.Item>
        <Form.Item name="poor_score" label={t('care.policy.care.poor_score')} rules={[{ required: true, message: t('validation.required') }]}>
          <InputNumber min={1} max={4} precision={0} className="kehu-full" />
        </Form.Item>
        <Form.Item name="survey_link_days" label={t('care.policy.care.survey_link_days')} rules={[{ required: true, message: t('validation.required') }]}>
          <InputNumber min={1} max={365} precision={0} className="kehu-full" />
        </Form.Item>
        {DIMENSIONS.map((d) => (
          <Form.Item
            key={d}
            name={['followup_department_kinds', d]}
            label={t('care.policy.care.followup', { dimension: t(`care.survey.dimensions.${d}`) })}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: t(`departmentKind.${k}`) }))} />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </>
  );
}
