import { Alert, Button, Form, InputNumber, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { placeFieldErrors } from '../../../lib/form-errors';
import { useReturnPolicy, useSaveReturnPolicy } from '../api/queries';

type Policy = Schemas['ReturnPolicyView'];
type Retail = Schemas['RetailRulesView'];

/** The form: the tolerance typed in percent (the server keeps basis points), the rest whole days. */
export interface ReturnPolicyValues {
  step_working_days?: number | null;
  extended_working_days?: number | null;
  company_tolerance_pct?: number | null;
  retail?: Partial<Record<keyof Retail, number | null>>;
}

/** Each field with the server's bounds. */
const STEP_FIELDS = [
  ['step_working_days', 1, 10],
  ['extended_working_days', 1, 30],
] as const;
const RETAIL_FIELDS = [
  ['return_days', 1, 365],
  ['exchange_days', 1, 365],
  ['quality_days', 1, 365],
  ['refund_days', 0, 30],
] as const;

export function toPolicyValues(p: Policy): ReturnPolicyValues {
  return {
    step_working_days: p.step_working_days,
    extended_working_days: p.extended_working_days,
    company_tolerance_pct: p.company_tolerance_bp / 100,
    retail: { ...p.retail },
  };
}

/** The PUT body (no version: it goes in If-Match). The form's rules have required every number. */
export function toPolicyBody(v: ReturnPolicyValues): Schemas['ReturnPolicyBody'] {
  const n = (x: number | null | undefined) => x ?? 0;
  const r = v.retail ?? {};
  return {
    step_working_days: n(v.step_working_days),
    extended_working_days: n(v.extended_working_days),
    company_tolerance_bp: Math.round(n(v.company_tolerance_pct) * 100),
    retail: { return_days: n(r.return_days), exchange_days: n(r.exchange_days), quality_days: n(r.quality_days), refund_days: n(r.refund_days) },
  };
}

/** The server's `company_tolerance_bp` is the form's percent. */
const formField = (field: string) => (field === 'company_tolerance_bp' ? 'company_tolerance_pct' : field);
/** The server fields the form shows; any other message goes to the alert. */
const placed = (field: string) => ['step_working_days', 'extended_working_days', 'company_tolerance_bp'].includes(field) || /^retail\.\w+$/.test(field);

/** 退换货规则 (administrators): each department's working days on a document, the company's tolerance, the retail periods. */
export function ReturnsPolicyTab() {
  const { t } = useTranslation();
  const policy = useReturnPolicy();
  const save = useSaveReturnPolicy();
  const [form] = Form.useForm<ReturnPolicyValues>();
  const [notice, setNotice] = useState<{ type: 'error' | 'success' | 'warning'; text: string; details?: string[] } | null>(null);

  useEffect(() => {
    if (policy.data) form.setFieldsValue(toPolicyValues(policy.data));
  }, [policy.data, form]);

  if (policy.isPending) return <Skeleton active />;
  if (!policy.data) return <Alert type="error" showIcon message={problemToFormErrors(policy.error, t).message} />;
  const version = policy.data.version;
  const required = { required: true, message: t('validation.required') };

  async function submit(v: ReturnPolicyValues) {
    setNotice(null);
    try {
      await save.mutateAsync({ version, body: toPolicyBody(v) });
      setNotice({ type: 'success', text: t('settings.returns.saved') });
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      const details = placeFieldErrors(form, p.fieldErrors, { isPlaced: placed, label: (f) => f, fieldName: formField });
      const stale = p.status === 412;
      setNotice({ type: stale ? 'warning' : 'error', text: stale ? t('settings.returns.stale') : p.message, details });
    }
  }

  // The extension may not be shorter than the step it extends (the server says so too).
  const notBelowStep = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: async (_: unknown, value: number | null) => {
      const step = getFieldValue('step_working_days');
      if (typeof value === 'number' && typeof step === 'number' && value < step) throw new Error(t('settings.returns.extendedBelowStep'));
    },
  });
  const days = (name: string | string[], label: string, min: number, max: number, extra?: string) => (
    <Form.Item
      key={String(name)}
      name={name}
      label={label}
      extra={extra}
      dependencies={name === 'extended_working_days' ? ['step_working_days'] : undefined}
      rules={name === 'extended_working_days' ? [required, notBelowStep] : [required]}
    >
      <InputNumber min={min} max={max} precision={0} className="kehu-full" inputMode="numeric" />
    </Form.Item>
  );

  return (
    <>
      <Typography.Paragraph className="kehu-muted">{t('settings.returns.hint', { version })}</Typography.Paragraph>
      {notice && (
        <Alert
          type={notice.type}
          showIcon
          closable
          role="status"
          className="kehu-gap"
          message={notice.text}
          description={notice.details?.length ? notice.details.join('\n') : undefined}
          onClose={() => setNotice(null)}
        />
      )}
      <Form<ReturnPolicyValues> form={form} layout="vertical" name="returns-policy" onFinish={submit} disabled={save.isPending} style={{ maxWidth: 480 }}>
        <Typography.Title level={3} className="kehu-form__section">
          {t('settings.returns.steps')}
        </Typography.Title>
        {STEP_FIELDS.map(([name, min, max]) => days(name, t(`settings.returns.${name}`), min, max, t(`settings.returns.${name}_hint`)))}
        <Form.Item name="company_tolerance_pct" label={t('settings.returns.company_tolerance_pct')} extra={t('settings.returns.company_tolerance_hint')} rules={[required]}>
          <InputNumber min={0} max={100} precision={2} step={0.5} className="kehu-full" inputMode="decimal" suffix="%" />
        </Form.Item>
        <Typography.Title level={3} className="kehu-form__section">
          {t('settings.returns.retail')}
        </Typography.Title>
        {RETAIL_FIELDS.map(([name, min, max]) => days(['retail', name], t(`settings.returns.${name}`), min, max))}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('settings.save')}
        </Button>
      </Form>
    </>
  );
}
