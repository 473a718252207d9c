import { Alert, Button, Card, Form, Space } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { PageHeading } from '../../../components/PageHeading';
import { placeFieldErrors } from '../../../lib/form-errors';
import { useClearErrorsOnEdit } from '../../../lib/useClearErrorsOnEdit';
import { useCreateCustomer } from '../api/mutations';
import { formFieldName, isPlaced, toNewCustomer, type CustomerValues } from '../lib/form';
import { CustomerFields } from './CustomerFields';
import '../customers.css';

/** 登记新客户: the registration form; the record then waits for the manager's review. */
export default function CustomerFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<CustomerValues>();
  const create = useCreateCustomer();
  const clearErrors = useClearErrorsOnEdit(form);
  const [error, setError] = useState<{ message: string; details: string[] } | null>(null);
  const initial = useMemo<CustomerValues>(
    () => ({ kind: 'legal', market: 'domestic', category: 'general', confidentiality: 'secret', first_contact_on: dayjs(), contacts: [{}], staff_ids: [] }),
    [],
  );

  async function submit() {
    setError(null);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    try {
      const saved = await create.mutateAsync(toNewCustomer(form.getFieldsValue(true)));
      navigate(`/customers/${saved.id}`, { state: { registered: true } });
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      if (p.status === 409) p.fieldErrors = { code: t('validation.taken'), ...p.fieldErrors };
      const details = placeFieldErrors(form, p.fieldErrors, {
        isPlaced,
        label: (f) => t(`customers.field.${f}`, { defaultValue: f }),
        fieldName: formFieldName,
      });
      setError({ message: p.status === 409 ? t('customers.form.codeTaken') : p.message, details });
      const first = Object.keys(p.fieldErrors).find(isPlaced);
      if (first) form.scrollToField(first.startsWith('staff_ids') ? 'staff_ids' : first, { block: 'center' });
    }
  }

  return (
    <section className="kehu-page kehu-customer-form" aria-labelledby="page-title">
      <PageHeading title={t('customers.register')} extra={<span className="kehu-muted">{t('customer.registrationForm')}</span>} />
      <div aria-live="assertive">
        {error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={error.message}
            description={error.details.length ? error.details.join('\n') : undefined}
            className="kehu-gap kehu-prose"
          />
        )}
      </div>
      <Card>
        <Form<CustomerValues>
          form={form}
          layout="vertical"
          name="customer"
          initialValues={initial}
          disabled={create.isPending}
          scrollToFirstError
          onValuesChange={clearErrors}
        >
          <CustomerFields form={form} mode="create" />
        </Form>
      </Card>
      <div className="kehu-form-actions">
        <Space wrap>
          <Link to="/customers">
            <Button>{t('common.cancel')}</Button>
          </Link>
          <Button type="primary" onClick={() => void submit()} loading={create.isPending}>
            {t('customers.form.submit')}
          </Button>
          <span className="kehu-muted">{t('customers.form.next')}</span>
        </Space>
      </div>
    </section>
  );
}
