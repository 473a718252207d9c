import { Checkbox, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { useOpenEightD } from '../api/mutations';
import type { EightDView } from '../lib/report';

interface Props {
  complaintId: number;
  open: boolean;
  onClose: () => void;
  onDone: (view: EightDView) => void;
  /** 409: opened meanwhile, or the case moved on; the page explains and refreshes. */
  onConflict: ActionOutcome['onConflict'];
}

/** 开立 8D 报告: one question, whether the customer asked for it (the case then needs it approved to close). */
export function OpenEightDDrawer({ complaintId, open, onClose, onDone, onConflict }: Props) {
  const { t } = useTranslation();
  const mutation = useOpenEightD();

  async function submit(values: { customer_requested?: boolean }) {
    onDone(await mutation.mutateAsync({ complaintId, body: { customer_requested: values.customer_requested ?? false } }));
  }

  return (
    <FormDrawer<{ customer_requested?: boolean }>
      open={open}
      title={t('eightD.card.open')}
      submitLabel={t('eightD.card.open')}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={{ fields: ['customer_requested'], outcome: { onConflict, onStale: () => undefined } }}
      name="eight-d-open"
      width={440}
      initialValues={{ customer_requested: false }}
      before={<p className="kehu-muted">{t('eightD.open.hint')}</p>}
    >
      <Form.Item name="customer_requested" valuePropName="checked" extra={t('eightD.open.customerHint')}>
        <Checkbox>{t('eightD.open.customerRequested')}</Checkbox>
      </Form.Item>
    </FormDrawer>
  );
}
