import { Alert, Button, Form, Input, InputNumber, Skeleton, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { placeFieldErrors } from '../../../lib/form-errors';
import { useClearErrorsOnEdit } from '../../../lib/useClearErrorsOnEdit';
import { MONEY_INPUT } from '../../complaints/lib/resolution';
import { usePenaltyPolicy, useSavePenaltyPolicy } from '../api/queries';
import { PenaltyTiersTable, type PenaltyTierDraft } from './PenaltyTiersTable';
import { tierProblems } from './TiersTab';

type Policy = Schemas['PenaltyPolicyView'];
type Body = Schemas['PenaltyPolicyBody'];

/** The form: money as typed strings ("800.00"), percent and months as numbers. */
export interface PenaltyValues {
  tiers: PenaltyTierDraft[];
  supervisor_from?: string;
  self_criticism_fine?: string;
  warning_fine?: string;
  minor_demerit_fine_per_point?: string;
  deduction_cap_percent?: number | null;
  resale_window_months?: number | null;
  late_fine_enabled?: boolean;
  late_fine_per_case?: string;
}

/** The money fields, in the order the form shows them (the catalog words each as `settings.penalty.<name>`). */
const FINES = ['self_criticism_fine', 'warning_fine', 'minor_demerit_fine_per_point'] as const;
/** The server fields the form shows; any other message goes to the alert. */
const FIELDS = [
  'tiers',
  'supervisor_from',
  ...FINES,
  'deduction_cap_percent',
  'resale_window_months',
  'late_fine_enabled',
  'late_fine_per_case',
] as const;
const placed = (field: string) => (FIELDS as readonly string[]).includes(field) || /^tiers\[\d+\]\.(up_to|sanction|count)$/.test(field);

export function toPenaltyValues(p: Policy): PenaltyValues {
  return {
    tiers: p.tiers.map((tier) => ({ up_to: tier.up_to ?? null, sanction: tier.sanction, count: tier.count })),
    supervisor_from: p.supervisor_from,
    self_criticism_fine: p.self_criticism_fine,
    warning_fine: p.warning_fine,
    minor_demerit_fine_per_point: p.minor_demerit_fine_per_point,
    deduction_cap_percent: p.deduction_cap_percent,
    resale_window_months: p.resale_window_months,
    late_fine_enabled: p.late_fine_enabled,
    late_fine_per_case: p.late_fine_per_case,
  };
}

/** The PUT body (no version: it goes in If-Match). The form's rules have required every field; the last tier has no bound. */
export function toPenaltyBody(v: PenaltyValues): Body {
  const money = (x: string | undefined) => x?.trim() ?? '';
  const last = v.tiers.length - 1;
  return {
    tiers: v.tiers.map((tier, i) => ({ up_to: i === last ? null : (tier.up_to?.trim() ?? null), sanction: tier.sanction ?? 'warning', count: tier.count ?? 1 })),
    supervisor_from: money(v.supervisor_from),
    self_criticism_fine: money(v.self_criticism_fine),
    warning_fine: money(v.warning_fine),
    minor_demerit_fine_per_point: money(v.minor_demerit_fine_per_point),
    deduction_cap_percent: v.deduction_cap_percent ?? 0,
    resale_window_months: v.resale_window_months ?? 0,
    late_fine_enabled: v.late_fine_enabled ?? false,
    late_fine_per_case: money(v.late_fine_per_case),
  };
}

/**
 * 客诉罚则 (administrators): the sanction each tier of a party's burden gives,
 * from which burden the supervisor is penalised too, what each sanction costs,
 * the monthly deduction cap, the resale delay and the late-close fine.
 * A month already run keeps the rules it ran with.
 */
export function PenaltyPolicyTab() {
  const { t } = useTranslation();
  const policy = usePenaltyPolicy();
  const save = useSavePenaltyPolicy();
  const [form] = Form.useForm<PenaltyValues>();
  const clearErrors = useClearErrorsOnEdit(form);
  const lateFine = Form.useWatch('late_fine_enabled', form);
  const [notice, setNotice] = useState<{ type: 'error' | 'success' | 'warning'; text: string; details?: string[] } | null>(null);

  useEffect(() => {
    if (policy.data) form.setFieldsValue(toPenaltyValues(policy.data));
  }, [policy.data, form]);

  if (policy.isPending) return <Skeleton active />;
  if (!policy.data) return <Alert type="error" showIcon message={problemToFormErrors(policy.error, t).message} />;
  const version = policy.data.version;
  const required = { required: true, message: t('validation.required') };
  const moneyRules = [required, { pattern: MONEY_INPUT, message: t('validation.invalid_money') }];

  async function submit(v: PenaltyValues) {
    setNotice(null);
    const problems = tierProblems(v.tiers);
    if (problems.length) {
      form.setFields(problems.map((p) => ({ name: ['tiers', p.index, 'up_to'], errors: [t(p.key)] })) as never);
      return;
    }
    try {
      await save.mutateAsync({ version, body: toPenaltyBody(v) });
      setNotice({ type: 'success', text: t('settings.penalty.saved') });
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      const details = placeFieldErrors(form, p.fieldErrors, { isPlaced: placed, label: (f) => f });
      const stale = p.status === 412;
      setNotice({ type: stale ? 'warning' : 'error', text: stale ? t('settings.penalty.stale') : p.message, details });
    }
  }

  const money = (name: string, extra?: string) => (
    <Form.Item key={name} name={name} label={t(`settings.penalty.${name}`)} extra={extra} rules={moneyRules}>
      <Input prefix="¥" className="kehu-money-input" inputMode="decimal" />
    </Form.Item>
  );

  return (
    <>
      <Typography.Paragraph className="kehu-muted">
        {version === 0 ? t('settings.penalty.hintDefault') : t('settings.penalty.hint', { version })}
      </Typography.Paragraph>
      {notice && (
        <Alert
          type={notice.type}
          showIcon
          closable
          role="status"
          className="kehu-gap kehu-prose"
          message={notice.text}
          description={notice.details?.length ? notice.details.join('\n') : undefined}
          onClose={() => setNotice(null)}
        />
      )}
      <Form<PenaltyValues>
        form={form}
        layout="vertical"
        name="penalty-policy"
        onFinish={submit}
        onValuesChange={clearErrors}
        disabled={save.isPending}
        className="kehu-penalty"
      >
        <Typography.Title level={3} className="kehu-form__section">
          {t('settings.penalty.tiers')}
        </Typography.Title>
        <Typography.Paragraph className="kehu-muted">{t('settings.penalty.tiersHint')}</Typography.Paragraph>
        <PenaltyTiersTable />

        <div className="kehu-penalty__fields">
          <Typography.Title level={3} className="kehu-form__section">
            {t('settings.penalty.fines')}
          </Typography.Title>
          {money('supervisor_from', t('settings.penalty.supervisor_from_hint'))}
          {FINES.map((name) => money(name))}
          <Form.Item name="deduction_cap_percent" label={t('settings.penalty.deduction_cap_percent')} rules={[required]}>
            <InputNumber min={1} max={100} precision={0} className="kehu-full" inputMode="numeric" suffix="%" />
          </Form.Item>
          <Form.Item
            name="resale_window_months"
            label={t('settings.penalty.resale_window_months')}
            extra={t('settings.penalty.resale_window_hint')}
            rules={[required]}
          >
            <InputNumber min={0} max={12} precision={0} className="kehu-full" inputMode="numeric" />
          </Form.Item>
          <Form.Item name="late_fine_enabled" label={t('settings.penalty.late_fine_enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item
            name="late_fine_per_case"
            label={t('settings.penalty.late_fine_per_case')}
            extra={lateFine === false ? t('settings.penalty.late_fine_off') : undefined}
            rules={moneyRules}
          >
            <Input prefix="¥" className="kehu-money-input" inputMode="decimal" />
          </Form.Item>
        </div>
        <div className="kehu-form-actions">
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('settings.save')}
          </Button>
        </div>
      </Form>
    </>
  );
}
