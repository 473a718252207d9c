import { Form } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { changedPaths, withAncestors } from '../../../lib/form-paths';
import { useUpdateCustomer } from '../api/mutations';
import { CUSTOMER_FIELDS, fromCustomer, toPatch, type CustomerValues } from '../lib/form';
import { CustomerFields } from './CustomerFields';
import { drawerFailure, FormDrawer, type ActionOutcome, type DrawerProblem } from './FormDrawer';

interface Props extends ActionOutcome {
  customer: Schemas['CustomerView'];
  open: boolean;
  onClose: () => void;
  /** `changed`: false when nothing was edited (nothing was sent). */
  onDone: (changed: boolean) => void;
}

/** 编辑: the registration form in a drawer; only the changed fields are sent, with If-Match. */
export function EditDrawer({ customer: c, open, onClose, onDone, onConflict, onStale }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CustomerValues>();
  const mutation = useUpdateCustomer();
  const [problem, setProblem] = useState<DrawerProblem | null>(null);
  // What the user saw when the drawer opened: the patch is the difference.
  const initial = useMemo(() => fromCustomer(c), [open]);

  useEffect(() => {
    setProblem(null);
    if (open) {
      form.resetFields();
      form.setFieldsValue(initial);
    }
  }, [open]);

  async function submit() {
    setProblem(null);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const patch = toPatch(form.getFieldsValue(true), initial);
    if (Object.keys(patch).length === 0) return onDone(false);
    try {
      await mutation.mutateAsync({ id: c.id, version: c.version, patch });
      onDone(true);
    } catch (failure) {
      setProblem(drawerFailure(failure, t, form, CUSTOMER_FIELDS, { onConflict, onStale }));
    }
  }

  return (
    <FormDrawer
      open={open}
      title={t('customers.actions.edit')}
      submitLabel={t('settings.save')}
      onClose={onClose}
      onSubmit={() => void submit()}
      loading={mutation.isPending}
      problem={problem}
      width={880}
    >
      <Form<CustomerValues>
        form={form}
        layout="vertical"
        name="customer-edit"
        disabled={mutation.isPending}
        scrollToFirstError
        onValuesChange={(changed) => {
          const paths = withAncestors(changedPaths(changed)).filter((p) => form.getFieldError(p as never).length > 0);
          if (paths.length) form.setFields(paths.map((name) => ({ name, errors: [] })) as never);
        }}
      >
        <CustomerFields form={form} mode="edit" customerId={c.id} ownerId={c.owner_id} />
      </Form>
    </FormDrawer>
  );
}
