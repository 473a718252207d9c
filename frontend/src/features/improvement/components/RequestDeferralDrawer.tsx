import { Alert, DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { formatDateTime } from '../../../lib/format';
import { useRequestDeferral } from '../api/mutations';
import { deferralBody, deferralField, isDeferrableDay, MAX_DEFERRAL_DAYS, type DeferralValues } from '../lib/deferral';

interface Props {
  complaint: Schemas['ComplaintView'];
  open: boolean;
  onClose: () => void;
  onDone: (saved: Schemas['DeferralView']) => void;
  /** 409: a request already waits (or the case moved on); the section explains and refreshes. */
  onConflict: ActionOutcome['onConflict'];
  onStale: ActionOutcome['onStale'];
}

/**
 * 申请暂缓关闭: why, how the case is followed meanwhile, and the day it
 * closes by instead. The drawer says what approval does, since it makes the
 * case a second-level irrational complaint.
 */
export function RequestDeferralDrawer({ complaint: c, open, onClose, onDone, onConflict, onStale }: Props) {
  const { t, i18n } = useTranslation();
  const mutation = useRequestDeferral();
  const required = { required: true, message: t('validation.required') };

  async function submit(values: DeferralValues) {
    onDone(await mutation.mutateAsync({ complaintId: c.id, body: deferralBody(values) }));
  }

  const deadline = (key: string, label: string, at: string | null | undefined) =>
    at ? [{ key, label, children: formatDateTime(at, i18n.language) }] : [];

  return (
    <FormDrawer<DeferralValues>
      open={open}
      title={t('improvement.deferral.request')}
      submitLabel={t('improvement.deferral.submit')}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={{
        fields: ['reason', 'follow', 'until_on'],
        fieldName: deferralField,
        outcome: { onConflict, onStale },
      }}
      name="deferral-request"
      width={480}
      initialValues={{ follow: 'watch', reason: '', until_on: null }}
      facts={[
        { key: 'complaint', label: t('improvement.check.complaint'), children: c.number ?? '—' },
        ...deadline('step', t('improvement.deferral.stepDue'), c.step_due_at),
        ...deadline('case', t('improvement.deferral.caseDue'), c.case_due_at),
      ]}
      after={<Alert type="info" showIcon className="kehu-gap-top" data-testid="deferral-effect" message={t('improvement.deferral.effect')} />}
    >
      <Form.Item name="reason" label={t('improvement.deferral.reason')} rules={[{ ...required, whitespace: true }]}>
        <Input.TextArea rows={4} maxLength={4000} showCount />
      </Form.Item>
      <Form.Item name="follow" label={t('improvement.irrational.followLabel')} extra={t('improvement.deferral.followHint')} rules={[required]}>
        <Radio.Group optionType="button" options={(['watch', 'monitor'] as const).map((f) => ({ value: f, label: t(`improvement.follow.${f}`) }))} />
      </Form.Item>
      <Form.Item
        name="until_on"
        label={t('improvement.deferral.until')}
        extra={t('improvement.deferral.untilHint', { days: MAX_DEFERRAL_DAYS })}
        rules={[
          required,
          {
            validator: (_, day: Dayjs | null | undefined) =>
              !day || isDeferrableDay(day) ? Promise.resolve() : Promise.reject(new Error(t('improvement.deferral.untilRange', { days: MAX_DEFERRAL_DAYS }))),
          },
        ]}
      >
        <DatePicker className="kehu-full" disabledDate={(day) => !isDeferrableDay(day)} />
      </Form.Item>
    </FormDrawer>
  );
}
