import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useDecideDeferral } from '../api/mutations';
import type { DeferralAction } from '../lib/deferral';

export interface Decision {
  deferral: Schemas['DeferralView'];
  action: DeferralAction;
}

interface Props {
  decision: Decision | null;
  onClose: () => void;
  onDone: (saved: Schemas['DeferralView']) => void;
  /** 409: decided meanwhile or the case closed; the section explains and refreshes. */
  onConflict: ActionOutcome['onConflict'];
  /** 412: the request changed; the section refetches it, the drawer stays open. */
  onStale: ActionOutcome['onStale'];
}

/**
 * The deputy GM's or the GM's 批准 (comment optional) or 驳回 (comment
 * required: the requester reads it in the notice), sent with the request's
 * version as If-Match.
 */
export function DecideDeferralDrawer({ decision, onClose, onDone, onConflict, onStale }: Props) {
  const { t, i18n } = useTranslation();
  const mutation = useDecideDeferral();
  if (!decision) return null;
  const { deferral: d, action } = decision;
  const refuse = action === 'refuse';
  const locale = i18n.language;
  const until = formatDate(d.until_on, locale);

  async function submit(values: { comment?: string }) {
    onDone(await mutation.mutateAsync({ deferral: d, action, comment: values.comment?.trim() || null }));
  }

  return (
    <FormDrawer<{ comment?: string }>
      key={`${d.id}-${action}`}
      open
      title={t(`improvement.deferral.decide.${action}`)}
      submitLabel={t(`improvement.deferral.action.${action}`)}
      danger={refuse}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={{ fields: ['comment'], outcome: { onConflict, onStale }, messages: { 412: t('improvement.deferral.stale') } }}
      name={`deferral-${action}`}
      width={480}
      facts={[
        { key: 'complaint', label: t('improvement.check.complaint'), children: d.complaint.name },
        { key: 'until', label: t('improvement.deferral.until'), children: until },
        { key: 'follow', label: t('improvement.irrational.followLabel'), children: t(`improvement.follow.${d.follow}`) },
        { key: 'reason', label: t('improvement.deferral.reason'), children: <span className="kehu-mark__reason">{d.reason}</span> },
        { key: 'by', label: t('improvement.deferral.requester'), children: `${d.requested_by.name} · ${formatDateTime(d.requested_at, locale)}` },
      ]}
      before={
        <p className="kehu-muted" data-testid="deferral-decision-hint">
          {refuse ? t('improvement.deferral.refuseHint') : t('improvement.deferral.approveHint', { date: until, follow: t(`improvement.follow.${d.follow}`) })}
        </p>
      }
    >
      <Form.Item name="comment" label={t('improvement.deferral.comment')} rules={refuse ? [{ required: true, whitespace: true, message: t('validation.required') }] : undefined}>
        <Input.TextArea rows={4} maxLength={4000} showCount />
      </Form.Item>
    </FormDrawer>
  );
}
