import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { useCustomerAction } from '../api/mutations';
import { personOptions, useSalespeople } from '../hooks/useSalespeople';
import { useSession } from '../../auth/hooks/useSession';
import { customerFailure } from '../lib/failure';

interface Values {
  to_user_id?: number;
  reason?: string;
  staff_user_id?: number;
}

interface Props extends ActionOutcome {
  customer: Schemas['CustomerView'];
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** 移交: one customer to another salesperson (the department's sales manager or the GM). */
export function TransferDrawer({ customer: c, open, onClose, onDone, ...outcome }: Props) {
  const { t } = useTranslation();
  const mutation = useCustomerAction();
  const { salespeople, loading } = useSalespeople();
  // Naming oneself would open the record to oneself: the server refuses it.
  const { user: me } = useSession();

  async function submit(v: Values) {
    await mutation.mutateAsync({
      id: c.id,
      version: c.version,
      action: { kind: 'transfer', body: { to_user_id: v.to_user_id ?? 0, reason: v.reason?.trim() ?? '', ...(v.staff_user_id ? { staff_user_id: v.staff_user_id } : {}) } },
    });
    onDone();
  }

  return (
    <FormDrawer<Values>
      open={open}
      title={t('customers.actions.transfer')}
      submitLabel={t('customers.actions.transfer')}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={customerFailure(t, ['to_user_id', 'reason', 'staff_user_id'], outcome)}
      name="customer-transfer"
      width={480}
      after={<p className="kehu-next">{t('customers.transfer.next')}</p>}
    >
      <Form.Item label={t('customers.owner')}>
        <span>{c.owner_name ?? '—'}</span>
      </Form.Item>
      <Form.Item name="to_user_id" label={t('customers.transfer.to')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select showSearch optionFilterProp="label" loading={loading} options={personOptions(salespeople.filter((p) => p.id !== c.owner_id))} />
      </Form.Item>
      {c.category === 'key' && (
        <Form.Item name="staff_user_id" label={t('customers.transfer.keyStaff')} extra={t('customers.transfer.keyStaffHint')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={loading}
            options={personOptions(salespeople.filter((p) => p.id !== c.owner_id && p.id !== me?.id))}
          />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('drawer.reason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormDrawer>
  );
}
