import { Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { useRequestAccess } from '../api/mutations';
import { FormDrawer, placeFieldErrors, type DrawerProblem } from './FormDrawer';

interface Values {
  customer_code?: string;
  reason?: string;
}

interface Props {
  open: boolean;
  /** Prefilled code (e.g. from a duplicate warning). */
  code?: string;
  onClose: () => void;
  onDone: (request: Schemas['AccessRequestView']) => void;
}

const FIELDS = ['customer_code', 'customer_id', 'reason'];

/** 申请借阅: another owner's customer, by code, with a reason. */
export function AccessRequestDrawer({ open, code, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const mutation = useRequestAccess();
  const [problem, setProblem] = useState<DrawerProblem | null>(null);

  useEffect(() => {
    setProblem(null);
    if (open) {
      form.resetFields();
      form.setFieldsValue({ customer_code: code });
    }
  }, [open]);

  async function submit(v: Values) {
    setProblem(null);
    try {
      onDone(await mutation.mutateAsync({ customer_code: v.customer_code?.trim() ?? '', reason: v.reason?.trim() ?? '' }));
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      // The code is what the user typed; an id-level error belongs there too.
      const fieldErrors = Object.fromEntries(Object.entries(p.fieldErrors).map(([f, m]) => [f === 'customer_id' ? 'customer_code' : f, m]));
      const details = placeFieldErrors(form, { ...p, fieldErrors }, (f) => FIELDS.includes(f), (f) => f);
      setProblem({ message: p.status === 409 ? t('customers.access.conflict') : p.message, details });
    }
  }

  return (
    <FormDrawer
      open={open}
      title={t('customer.accessRequest')}
      submitLabel={t('customers.access.submit')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      loading={mutation.isPending}
      problem={problem}
      width={480}
    >
      <p className="kehu-next">{t('customers.access.hint')}</p>
      <Form<Values> form={form} layout="vertical" name="access-request" onFinish={submit} disabled={mutation.isPending}>
        <Form.Item
          name="customer_code"
          label={t('customers.code')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input placeholder="C-0001" maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('customers.access.reason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('customers.access.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
