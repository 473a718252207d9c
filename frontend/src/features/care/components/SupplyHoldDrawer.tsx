import { Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { drawerFailure, FormDrawer, type ActionOutcome, type DrawerProblem } from '../../customers/components/FormDrawer';
import { useSupplyHold } from '../api/mutations';

interface Props extends ActionOutcome {
  customer: Schemas['CustomerView'];
  open: boolean;
  onClose: () => void;
  onDone: (hold: boolean) => void;
}

/** 暂停供货 (the customer's people) or 恢复供货 (the sales manager or GM), with a reason. */
export function SupplyHoldDrawer({ customer: c, open, onClose, onDone, ...outcome }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const mutation = useSupplyHold();
  const [problem, setProblem] = useState<DrawerProblem | null>(null);
  const hold = !c.supply_hold;
  const label = t(hold ? 'care.hold.put' : 'care.hold.lift');

  useEffect(() => {
    setProblem(null);
    if (open) form.resetFields();
  }, [open]);

  async function submit(v: { reason?: string }) {
    setProblem(null);
    try {
      await mutation.mutateAsync({ id: c.id, version: c.version, body: { hold, reason: v.reason?.trim() ?? '' } });
      onDone(hold);
    } catch (failure) {
      setProblem(drawerFailure(failure, t, form, ['reason'], outcome));
    }
  }

  return (
    <FormDrawer
      open={open}
      title={label}
      submitLabel={label}
      danger={hold}
      onClose={onClose}
      onSubmit={() => form.submit()}
      loading={mutation.isPending}
      problem={problem}
      width={480}
    >
      <Form form={form} layout="vertical" name="supply-hold" onFinish={submit} disabled={mutation.isPending}>
        <Form.Item name="reason" label={t('drawer.reason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={hold ? t('care.hold.placeholder') : undefined} />
        </Form.Item>
      </Form>
      <p className="kehu-next">{t(hold ? 'care.hold.nextPut' : 'care.hold.nextLift')}</p>
    </FormDrawer>
  );
}
