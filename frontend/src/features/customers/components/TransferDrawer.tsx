import { Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { useCustomerAction } from '../api/mutations';
import { personOptions, useSalespeople } from '../hooks/useSalespeople';
import { drawerFailure, FormDrawer, type ActionOutcome, type DrawerProblem } from './FormDrawer';

interface Values {
  to_user_id?: number;
  reason?: string;
}

interface Props extends ActionOutcome {
  customer: Schemas['CustomerView'];
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** 移交: one customer to another salesperson (the department's sales manager or the GM). */
export function TransferDrawer({ customer: c, open, onClose, onDone, onConflict, onStale }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const mutation = useCustomerAction();
  const { salespeople, loading } = useSalespeople();
  const [problem, setProblem] = useState<DrawerProblem | null>(null);

  useEffect(() => {
    setProblem(null);
    if (open) form.resetFields();
  }, [open]);

  async function submit(v: Values) {
    setProblem(null);
    try {
      await mutation.mutateAsync({
        id: c.id,
        version: c.version,
        action: { kind: 'transfer', body: { to_user_id: v.to_user_id ?? 0, reason: v.reason?.trim() ?? '' } },
      });
      onDone();
    } catch (failure) {
      setProblem(drawerFailure(failure, t, form, ['to_user_id', 'reason'], { onConflict, onStale }));
    }
  }

  return (
    <FormDrawer
      open={open}
      title={t('customers.actions.transfer')}
      submitLabel={t('customers.actions.transfer')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      loading={mutation.isPending}
      problem={problem}
      width={480}
    >
      <Form<Values> form={form} layout="vertical" name="customer-transfer" onFinish={submit} disabled={mutation.isPending}>
        <Form.Item label={t('customers.owner')}>
          <span>{c.owner_name ?? '—'}</span>
        </Form.Item>
        <Form.Item name="to_user_id" label={t('customers.transfer.to')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select showSearch optionFilterProp="label" loading={loading} options={personOptions(salespeople.filter((p) => p.id !== c.owner_id))} />
        </Form.Item>
        <Form.Item name="reason" label={t('drawer.reason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
      <p className="kehu-next">{t('customers.transfer.next')}</p>
    </FormDrawer>
  );
}
