import { Alert, Button, Form, InputNumber, Skeleton, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { useEightDPolicy, useSaveEightDPolicy } from '../api/queries';

type Values = Schemas['EightDPolicyBody'];

/**
 * 8D 报告规则 (administrators): which complaints need an approved 8D report
 * before they close, and how long after the close QA checks that the
 * corrective actions work, and how long a supplier has to answer a
 * corrective-action request.
 */
export function EightDPolicyTab() {
  const { t } = useTranslation();
  const policy = useEightDPolicy();
  const save = useSaveEightDPolicy();
  const [form] = Form.useForm<Values>();
  const [notice, setNotice] = useState<{ type: 'error' | 'success' | 'warning'; text: string } | null>(null);

  useEffect(() => {
    if (policy.data) {
      const { severe_quality, customer_request, recurrence_window_days, effectiveness_check_days, supplier_answer_days } = policy.data;
      form.setFieldsValue({ severe_quality, customer_request, recurrence_window_days, effectiveness_check_days, supplier_answer_days });
    }
  }, [policy.data, form]);

  if (policy.isPending) return <Skeleton active />;
  if (!policy.data) return <Alert type="error" showIcon message={problemToFormErrors(policy.error, t).message} />;
  const version = policy.data.version;

  async function submit(v: Values) {
    setNotice(null);
    try {
      await save.mutateAsync({
        version,
        body: {
          severe_quality: v.severe_quality ?? false,
          customer_request: v.customer_request ?? false,
          recurrence_window_days: v.recurrence_window_days,
          effectiveness_check_days: v.effectiveness_check_days,
          supplier_answer_days: v.supplier_answer_days,
        },
      });
      setNotice({ type: 'success', text: t('settings.eightD.saved') });
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      const stale = p.status === 412;
      setNotice({ type: stale ? 'warning' : 'error', text: stale ? t('settings.eightD.stale') : p.message });
    }
  }

  return (
    <>
      <Typography.Paragraph className="kehu-muted">{t('settings.eightD.hint', { version })}</Typography.Paragraph>
      {notice && <Alert type={notice.type} showIcon closable role="status" className="kehu-gap" message={notice.text} onClose={() => setNotice(null)} />}
      <Form<Values> form={form} layout="horizontal" name="eight-d-policy" onFinish={submit} disabled={save.isPending} style={{ maxWidth: 480 }}>
        <Form.Item name="severe_quality" label={t('settings.eightD.severe_quality')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="customer_request" label={t('settings.eightD.customer_request')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="recurrence_window_days"
          label={t('settings.eightD.recurrence_window_days')}
          extra={t('settings.eightD.recurrence_window_hint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber min={1} max={3650} precision={0} className="kehu-full" inputMode="numeric" />
        </Form.Item>
        <Form.Item
          name="effectiveness_check_days"
          label={t('settings.eightD.effectiveness_check_days')}
          extra={t('settings.eightD.effectiveness_check_hint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber min={0} max={365} precision={0} className="kehu-full" inputMode="numeric" />
        </Form.Item>
        <Form.Item
          name="supplier_answer_days"
          label={t('settings.eightD.supplier_answer_days')}
          extra={t('settings.eightD.supplier_answer_hint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber min={1} max={365} precision={0} className="kehu-full" inputMode="numeric" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('settings.save')}
        </Button>
      </Form>
    </>
  );
}
