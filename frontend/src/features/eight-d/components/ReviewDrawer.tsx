import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { useEightDAction } from '../api/mutations';
import type { EightDView } from '../lib/report';

export type ReviewAction = 'approve' | 'send_back';

interface Props {
  view: EightDView;
  action: ReviewAction | null;
  onClose: () => void;
  onDone: (action: ReviewAction) => void;
  /** 409: the report moved on; the page explains and refreshes. */
  onConflict: (action: ReviewAction, message: string) => void;
  onStale: ActionOutcome['onStale'];
}

/** The QA manager's 核准 (comments optional) or 退回 (comments required: the team reads them in the draft). */
export function ReviewDrawer({ view, action, onClose, onDone, onConflict, onStale }: Props) {
  const { t } = useTranslation();
  const mutation = useEightDAction();
  if (!action) return null;
  const label = t(`eightD.action.${action}`);
  const sendBack = action === 'send_back';

  async function submit(values: { comment?: string }) {
    if (!action) return;
    await mutation.mutateAsync({ complaintId: view.complaint.id, version: view.version, action, comment: values.comment?.trim() || null });
    onDone(action);
  }

  return (
    <FormDrawer<{ comment?: string }>
      key={action}
      open
      title={`${label} · ${view.name}`}
      submitLabel={label}
      danger={sendBack}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={{ fields: ['comment'], outcome: { onConflict: (message) => onConflict(action, message), onStale }, messages: { 412: t('eightD.stale') } }}
      name={`eight-d-${action}`}
      width={480}
      before={<p className="kehu-muted">{t(sendBack ? 'eightD.sendBackHint' : 'eightD.approveHint')}</p>}
    >
      <Form.Item
        name="comment"
        label={t('eightD.comment')}
        rules={sendBack ? [{ required: true, whitespace: true, message: t('validation.required') }] : undefined}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormDrawer>
  );
}
