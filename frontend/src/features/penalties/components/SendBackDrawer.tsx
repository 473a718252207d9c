import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { usePenaltyRunAction } from '../api/queries';
import type { RunView } from '../lib/penalties';

interface Values {
  comment: string;
}

interface Props {
  run: RunView;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
  onConflict: (detail?: string) => void;
  onStale: ActionOutcome['onStale'];
}

/** 退回 (the general manager): the run goes back to the coordinator, with the reason. */
export function SendBackDrawer({ run, open, onClose, onDone, onConflict, onStale }: Props) {
  const { t } = useTranslation();
  const mutation = usePenaltyRunAction();
  const label = t('penalties.runAction.send_back');

  async function submit(v: Values) {
    await mutation.mutateAsync({ id: run.id, version: run.version, action: 'send_back', comment: v.comment.trim() });
    onDone();
  }

  return (
    <FormDrawer<Values>
      open={open}
      title={t('penalties.drawer.send_back.title', { month: run.month })}
      submitLabel={label}
      danger
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      name="penalty-send-back"
      width={480}
      failure={{
        fields: ['comment'],
        outcome: { onConflict: (_, detail) => onConflict(detail), onStale },
        messages: { 412: t('penalties.run.stale') },
      }}
      before={<p className="kehu-muted">{t('penalties.drawer.send_back.hint')}</p>}
    >
      <Form.Item name="comment" label={t('penalties.drawer.send_back.reason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <Input.TextArea rows={4} maxLength={4000} showCount />
      </Form.Item>
    </FormDrawer>
  );
}
