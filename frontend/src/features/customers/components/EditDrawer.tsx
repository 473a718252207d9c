import { Form } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { useUpdateCustomer } from '../api/mutations';
import { customerFailure } from '../lib/failure';
import { CUSTOMER_FIELDS, fromCustomer, toPatch, type CustomerValues } from '../lib/form';
import { CustomerFields } from './CustomerFields';

interface Props extends ActionOutcome {
  customer: Schemas['CustomerView'];
  open: boolean;
  onClose: () => void;
  /** `changed`: false when nothing was edited (nothing was sent). */
  onDone: (changed: boolean) => void;
}

/** 编辑: the registration form in a drawer; only the changed fields are sent, with If-Match. */
export function EditDrawer({ customer: c, open, onClose, onDone, ...outcome }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CustomerValues>();
  const mutation = useUpdateCustomer();
  // What the user saw when the drawer opened: the patch is the difference.
  const initial = useMemo(() => fromCustomer(c), [open]);

  async function submit() {
    // All values, also those of sections the form does not show right now.
    const patch = toPatch(form.getFieldsValue(true), initial);
    if (Object.keys(patch).length === 0) return onDone(false);
    await mutation.mutateAsync({ id: c.id, version: c.version, patch });
    onDone(true);
  }

  return (
    <FormDrawer<CustomerValues>
      open={open}
      title={t('customers.actions.edit')}
      submitLabel={t('settings.save')}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={customerFailure(t, CUSTOMER_FIELDS, outcome)}
      form={form}
      name="customer-edit"
      initialValues={initial}
      scrollToFirstError
      width={880}
    >
      <CustomerFields form={form} mode="edit" customerId={c.id} ownerId={c.owner_id} />
    </FormDrawer>
  );
}
