import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { useRequestAccess } from '../api/mutations';

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

/** 申请借阅: another owner's customer, by code, with a reason. */
export function AccessRequestDrawer({ open, code, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const mutation = useRequestAccess();

  async function submit(v: Values) {
    onDone(await mutation.mutateAsync({ customer_code: v.customer_code?.trim() ?? '', reason: v.reason?.trim() ?? '' }));
  }

  return (
    <FormDrawer<Values>
      open={open}
      title={t('customer.accessRequest')}
      submitLabel={t('customers.access.submit')}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={{
        fields: ['customer_code', 'reason'],
        // The code is what the user typed; an id-level error belongs there too.
        fieldName: (f) => (f === 'customer_id' ? 'customer_code' : f),
        messages: { 409: t('customers.access.conflict') },
      }}
      name="access-request"
      initialValues={{ customer_code: code }}
      width={480}
      before={<p className="kehu-next">{t('customers.access.hint')}</p>}
    >
      <Form.Item name="customer_code" label={t('customers.code')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <Input placeholder="C-0001" maxLength={32} autoComplete="off" />
      </Form.Item>
      <Form.Item name="reason" label={t('customers.access.reason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('customers.access.reasonPlaceholder')} />
      </Form.Item>
    </FormDrawer>
  );
}
