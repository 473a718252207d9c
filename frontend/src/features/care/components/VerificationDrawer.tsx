import { Descriptions, Form, Input, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { formatDate } from '../../../lib/format';
import { drawerFailure, FormDrawer, type ActionOutcome, type DrawerProblem } from '../../customers/components/FormDrawer';
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
  const [form] = Form.useForm<Values>();
  const mutation = useCompleteVerification();
  const [problem, setProblem] = useState<DrawerProblem | null>(null);

  useEffect(() => {
    setProblem(null);
    if (task) form.resetFields();
  }, [task?.id]);

  async function submit(v: Values) {
    if (!task) return;
    setProblem(null);
    try {
      await mutation.mutateAsync({
        id: task.id,
        version: task.version,
        body: { confirmed_via: v.confirmed_via, changes: v.changes?.trim() || null, note: v.note?.trim() || null },
      });
      onDone();
    } catch (failure) {
      setProblem(drawerFailure(failure, t, form, ['confirmed_via', 'changes', 'note'], outcome));
    }
  }

  return (
    <FormDrawer
      open={task !== null}
      title={t('care.verify.complete')}
      submitLabel={t('care.verify.complete')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      loading={mutation.isPending}
      problem={problem}
      width={480}
    >
      {task && (
        <Descriptions
          size="small"
          column={1}
          className="kehu-gap"
          items={[
            { key: 'customer', label: t('customers.name'), children: `${task.customer_code} ${task.customer.name}` },
            { key: 'period', label: t('care.verify.period'), children: task.period },
            { key: 'due', label: t('care.verify.due'), children: formatDate(task.due_on, i18n.language) },
          ]}
        />
      )}
      <Form<Values> form={form} layout="vertical" name="verification" onFinish={submit} disabled={mutation.isPending} initialValues={{ confirmed_via: 'phone' }}>
        <Form.Item name="confirmed_via" label={t('care.verify.via')} rules={[{ required: true, message: t('validation.required') }]}>
          <Radio.Group optionType="button" options={CONFIRMED_VIA.map((m) => ({ value: m, label: t(`care.verify.vias.${m}`) }))} />
        </Form.Item>
        <Form.Item name="changes" label={t('care.verify.changes')} extra={t('care.verify.changesHint')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="note" label={t('care.verify.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
