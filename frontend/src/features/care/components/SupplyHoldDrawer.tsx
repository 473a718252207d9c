import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { customerFailure } from '../../customers/lib/failure';
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
  const mutation = useSupplyHold();
  const hold = !c.supply_hold;
  const label = t(hold ? 'care.hold.put' : 'care.hold.lift');

  async function submit(v: { reason?: string }) {
    await mutation.mutateAsync({ id: c.id, version: c.version, body: { hold, reason: v.reason?.trim() ?? '' } });
    onDone(hold);
  }

  return (
    <FormDrawer<{ reason?: string }>
      open={open}
      title={label}
      submitLabel={label}
      danger={hold}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={customerFailure(t, ['reason'], outcome)}
      name="supply-hold"
      width={480}
      after={<p className="kehu-next">{t(hold ? 'care.hold.nextPut' : 'care.hold.nextLift')}</p>}
    >
      <Form.Item name="reason" label={t('drawer.reason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={hold ? t('care.hold.placeholder') : undefined} />
      </Form.Item>
    </FormDrawer>
  );
}
