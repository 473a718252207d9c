import { Alert, Button, Form, InputNumber, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { placeFieldErrors } from '../../../lib/form-errors';
import { useClearErrorsOnEdit } from '../../../lib/useClearErrorsOnEdit';
import { useFollowUpPolicy, useSaveFollowUpPolicy } from '../api/queries';

type Policy = Schemas['ChasePolicyView'];
type Body = Schemas['ChasePolicyBody'];

/** The form: whole hours, each 1–720 (ChasePolicy::check). */
export type FollowUpValues = { [K in keyof Body]?: number | null };

/** The server's bounds for every field. */
const MIN_HOURS = 1;
const MAX_HOURS = 720;

/** The fields in the order the form shows them, by section (the catalog words each as `settings.followUp.<name>`). */
const ESCALATION = ['manager_after_hours', 'gm_office_after_hours'] as const;
/** The customer's clocks: 首次回复 from the registration, 回访确认关闭 from a resolved close. */
const CUSTOMER = ['first_reply_hours', 'close_confirmation_hours'] as const;
const FIELDS: readonly string[] = [...ESCALATION, ...CUSTOMER];

export function toFollowUpValues(p: Policy): FollowUpValues {
  return {
    manager_after_hours: p.manager_after_hours,
    gm_office_after_hours: p.gm_office_after_hours,
    first_reply_hours: p.first_reply_hours,
    close_confirmation_hours: p.close_confirmation_hours,
  };
}

/** The PUT body (no version: it goes in If-Match). The form's rules have required every field. */
export function toFollowUpBody(v: FollowUpValues): Body {
  const n = (x: number | null | undefined) => x ?? 0;
  return {
    manager_after_hours: n(v.manager_after_hours),
    gm_office_after_hours: n(v.gm_office_after_hours),
    first_reply_hours: n(v.first_reply_hours),
    close_confirmation_hours: n(v.close_confirmation_hours),
  };
}

/**
 * 催办规则 (administrators): a deadline that passes is chased with a reminder
 * (催办单) to the step's people; so many hours late it goes to the managers of
 * the department addressed too, later still to the general manager's office.
 * Below, the customer's clocks: how long sales has for the first reply to the
 * customer after the registration, and for the close confirmation after a
 * resolved close.
 */
export function FollowUpPolicyTab() {
  const { t } = useTranslation();
  const policy = useFollowUpPolicy();
  const save = useSaveFollowUpPolicy();
  const [form] = Form.useForm<FollowUpValues>();
  const clearErrors = useClearErrorsOnEdit(form);
  const [notice, setNotice] = useState<{ type: 'error' | 'success' | 'warning'; text: string; details?: string[] } | null>(null);

  useEffect(() => {
    if (policy.data) form.setFieldsValue(toFollowUpValues(policy.data));
  }, [policy.data, form]);

  if (policy.isPending) return <Skeleton active />;
  if (!policy.data) return <Alert type="error" showIcon message={problemToFormErrors(policy.error, t).message} />;
  const version = policy.data.version;
  const required = { required: true, message: t('validation.required') };

  async function submit(v: FollowUpValues) {
    setNotice(null);
    try {
      await save.mutateAsync({ version, body: toFollowUpBody(v) });
      setNotice({ type: 'success', text: t('settings.followUp.saved') });
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      const details = placeFieldErrors(form, p.fieldErrors, { isPlaced: (f) => FIELDS.includes(f), label: (f) => f });
      const stale = p.status === 412;
      setNotice({ type: stale ? 'warning' : 'error', text: stale ? t('settings.followUp.stale') : p.message, details });
    }
  }

  // The general manager's office hears of a late deadline after the department's managers (the server says so too).
  const afterManager = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: async (_: unknown, value: number | null) => {
      const manager = getFieldValue('manager_after_hours');
      if (typeof value === 'number' && typeof manager === 'number' && value <= manager) throw new Error(t('settings.followUp.gmNotAfterManager'));
    },
  });
  const hours = (name: keyof Body) => (
    <Form.Item
      key={name}
      name={name}
      label={t(`settings.followUp.${name}`)}
      extra={t(`settings.followUp.${name}_hint`)}
      dependencies={name === 'gm_office_after_hours' ? ['manager_after_hours'] : undefined}
      rules={name === 'gm_office_after_hours' ? [required, afterManager] : [required]}
    >
      <InputNumber min={MIN_HOURS} max={MAX_HOURS} precision={0} className="kehu-full" inputMode="numeric" />
    </Form.Item>
  );

  return (
    <>
      <Typography.Paragraph className="kehu-muted">
        {version === 0 ? t('settings.followUp.hintDefault') : t('settings.followUp.hint', { version })}
      </Typography.Paragraph>
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
      <Form<FollowUpValues>
        form={form}
        layout="vertical"
        name="follow-up-policy"
        onFinish={submit}
        onValuesChange={clearErrors}
        disabled={save.isPending}
        style={{ maxWidth: 480 }}
      >
        <Typography.Title level={3} className="kehu-form__section">
          {t('settings.followUp.escalation')}
        </Typography.Title>
        {ESCALATION.map(hours)}
        <Typography.Title level={3} className="kehu-form__section">
          {t('settings.followUp.customer')}
        </Typography.Title>
        {CUSTOMER.map(hours)}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('settings.save')}
        </Button>
      </Form>
    </>
  );
}
