import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { formatDate } from '../../../lib/format';
import { customerFailure } from '../../customers/lib/failure';
import { useCompleteVerification } from '../api/mutations';
import { CONFIRMED_VIA } from '../lib/labels';

type Task = Schemas['VerificationView'];

interface Values {
  confirmed_via: Schemas['ConfirmedVia'];
  changes?: string;
  note?: string;
}

interface Props extends ActionOutcome {
  task: Task | null;
  onClose: () => void;
  onDone: () => void;
}

/** 完成核实: how the data was confirmed with the customer, and what changed. */
export function VerificationDrawer({ task, onClose, onDone, ...outcome }: Props) {
  const { t, i18n } = useTranslation();
  const mutation = useCompleteVerification();

  async function submit(v: Values) {
    if (!task) return;
    await mutation.mutateAsync({
      id: task.id,
      version: task.version,
      body: { confirmed_via: v.confirmed_via, changes: v.changes?.trim() || null, note: v.note?.trim() || null },
    });
    onDone();
  }

  return (
    <FormDrawer<Values>
      open={task !== null}
      title={t('care.verify.complete')}
      submitLabel={t('care.verify.complete')}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={customerFailure(t, ['confirmed_via', 'changes', 'note'], outcome)}
      name="verification"
      initialValues={{ confirmed_via: 'phone' }}
      width={480}
      facts={
        task && [
          { key: 'customer', label: t('customers.name'), children: `${task.customer_code} ${task.customer.name}` },
          { key: 'period', label: t('care.verify.period'), children: task.period },
          { key: 'due', label: t('care.verify.due'), children: formatDate(task.due_on, i18n.language) },
        ]
      }
    >
      <Form.Item name="confirmed_via" label={t('care.verify.via')} rules={[{ required: true, message: t('validation.required') }]}>
        <Radio.Group optionType="button" options={CONFIRMED_VIA.map((m) => ({ value: m, label: t(`care.verify.vias.${m}`) }))} />
      </Form.Item>
      <Form.Item name="changes" label={t('care.verify.changes')} extra={t('care.verify.changesHint')}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="note" label={t('care.verify.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormDrawer>
  );
}
