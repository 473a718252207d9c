import { Alert, Button, Card, Checkbox, Form, Popconfirm, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { problemToFormErrors, toAntdFields } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { PageHeading } from '../../../components/PageHeading';
import { useSession } from '../../auth/hooks/useSession';
import { useHandover } from '../api/mutations';
import { useHandoverPreview } from '../api/queries';
import { personOptions, useSalespeople } from '../hooks/useSalespeople';
import { CustomerSectionNav } from './CustomerSectionNav';
import { HandoverPreviewCard } from './HandoverPreviewCard';
import { HandoverResultView } from './HandoverResultView';
import '../customers.css';

interface Values {
  to_user_id?: number;
  deactivate?: boolean;
  key_staff_user_id?: number;
}

/** 离职交接: pick the leaver, see what moves, pick the receiver, confirm; then the customers to tell. */
export default function HandoverPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const leaverId = Number(params.get('user')) || undefined;
  // A sales manager hands over people of their own department; admin and GM anyone.
  const ownDepartment = user?.roles.some((r) => r === 'admin' || r === 'gm') ? undefined : user?.department_id;
  const { salespeople, people, loading } = useSalespeople();
  // The chosen leaver stays an option after their account is deactivated.
  const leavers = people.filter(
    (p) => p.id === leaverId || (p.active && p.sales && p.id !== user?.id && (ownDepartment === undefined || p.departmentId === ownDepartment)),
  );
  const preview = useHandoverPreview(leaverId);
  const mutation = useHandover();
  const [form] = Form.useForm<Values>();
  const receiver = Form.useWatch('to_user_id', form);
  const [result, setResult] = useState<Schemas['HandoverResult'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const p = preview.data;
  const leaverName = people.find((s) => s.id === leaverId)?.name ?? p?.user.name ?? '';
  const receiverName = salespeople.find((s) => s.id === receiver)?.name ?? '';

  function chooseLeaver(id?: number) {
    setResult(null);
    setError(null);
    form.resetFields();
    setParams(id ? { user: String(id) } : {}, { replace: true });
  }

  async function submit(v: Values) {
    if (!leaverId) return;
    setError(null);
    try {
      setResult(await mutation.mutateAsync({ userId: leaverId, body: { to_user_id: v.to_user_id ?? 0, deactivate: !!v.deactivate, ...(v.key_staff_user_id ? { key_staff_user_id: v.key_staff_user_id } : {}) } }));
    } catch (failure) {
      const problem = problemToFormErrors(failure, t);
      form.setFields(toAntdFields<Values>(problem.fieldErrors));
      setError(problem.message);
    }
  }

  return (
    <section className="kehu-page" aria-labelledby="page-title">
      <PageHeading title={t('customer.handover')} />
      <CustomerSectionNav />
      <Typography.Paragraph type="secondary">{t('customers.handover.hint')}</Typography.Paragraph>
      <Card className="kehu-gap">
        <Form layout="vertical" name="handover-pick">
          <Form.Item label={t('customers.handover.leaver')} htmlFor="handover-leaver" className="kehu-handover__pick">
            <Select
              id="handover-leaver"
              showSearch
              allowClear
              optionFilterProp="label"
              loading={loading}
              value={leaverId}
              onChange={(id?: number) => chooseLeaver(id)}
              placeholder={t('customers.handover.leaverPlaceholder')}
              options={personOptions(leavers)}
            />
          </Form.Item>
        </Form>
      </Card>
      {result ? (
        <HandoverResultView result={result} onAgain={() => chooseLeaver(undefined)} />
      ) : (
        leaverId && (
          <>
            {preview.isError && <Alert type="error" showIcon className="kehu-gap" message={problemToFormErrors(preview.error, t).message} />}
            {preview.isPending ? <Skeleton active /> : p && <HandoverPreviewCard preview={p} />}
            {p && (
              <Card className="kehu-gap" title={<h2 className="kehu-section__title">{t('customers.handover.receiverTitle')}</h2>}>
                <div aria-live="assertive">{error && <Alert type="error" showIcon role="alert" className="kehu-gap" message={error} />}</div>
                <Form<Values> form={form} layout="vertical" name="handover" onFinish={submit} disabled={mutation.isPending}>
                  <Form.Item name="to_user_id" label={t('customers.handover.receiver')} rules={[{ required: true, message: t('validation.required') }]}>
                    <Select showSearch optionFilterProp="label" loading={loading} options={personOptions(salespeople.filter((s) => s.id !== leaverId))} />
                  </Form.Item>
                  {p.key_customers.length > 0 && (
                    <Form.Item
                      name="key_staff_user_id"
                      label={t('customers.handover.keyStaff')}
                      extra={t('customers.handover.keyStaffHint', { names: p.key_customers.map((k) => k.name).join(t('common.listSeparator')) })}
                    >
                      <Select
                        allowClear
                        showSearch
                        optionFilterProp="label"
                        loading={loading}
                        options={personOptions(salespeople.filter((s) => s.id !== leaverId && s.id !== receiver && s.id !== user?.id))}
                      />
                    </Form.Item>
                  )}
                  <Form.Item name="deactivate" valuePropName="checked" extra={t('customers.handover.deactivateHint')}>
                    <Checkbox>{t('customers.handover.deactivate')}</Checkbox>
                  </Form.Item>
                  <Popconfirm
                    title={t('customers.handover.confirm', { customers: p.customers.length, staff: p.staffed.length, complaints: p.open_complaints.length, from: leaverName, to: receiverName })}
                    okText={t('customers.handover.submit')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => form.submit()}
                    disabled={!receiver}
                  >
                    <Button type="primary" loading={mutation.isPending} onClick={() => (receiver ? undefined : void form.validateFields())}>
                      {t('customers.handover.submit')}
                    </Button>
                  </Popconfirm>
                </Form>
              </Card>
            )}
          </>
        )
      )}
    </section>
  );
}
