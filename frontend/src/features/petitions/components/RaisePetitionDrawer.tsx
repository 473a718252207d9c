import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { useRaisePetition } from '../api/mutations';
import { petitionBody, type Petition, type RaiseValues, type State } from '../lib/petition';
import { ReturnStepSelect } from './ReturnStepSelect';

interface Props {
  complaint: Schemas['ComplaintView'];
  /** The steps the case may be sent back to (the same read's `return_targets`). */
  returnTargets: readonly State[];
  open: boolean;
  onClose: () => void;
  onDone: (saved: Petition) => void;
  /** 409: the department's petition already waits (or the case moved on); the section explains and refreshes. */
  onConflict: ActionOutcome['onConflict'];
  onStale: ActionOutcome['onStale'];
}

/**
 * 发起签呈: a subject, what is disputed and asked, and optionally the step
 * the case should go back to. The general manager is told.
 */
export function RaisePetitionDrawer({ complaint: c, returnTargets, open, onClose, onDone, onConflict, onStale }: Props) {
  const { t } = useTranslation();
  const mutation = useRaisePetition();
  const required = { required: true, whitespace: true, message: t('validation.required') };

  async function submit(values: RaiseValues) {
    onDone(await mutation.mutateAsync({ complaintId: c.id, body: petitionBody(values) }));
  }

  return (
    <FormDrawer<RaiseValues>
      open={open}
      title={t('petition.raise')}
      submitLabel={t('petition.submit')}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={{ fields: ['subject', 'content', 'return_to'], outcome: { onConflict, onStale } }}
      name="petition-raise"
      width={480}
      initialValues={{ subject: '', content: '', return_to: null }}
      facts={[
        { key: 'complaint', label: t('petition.complaint'), children: c.number ?? '—' },
        { key: 'state', label: t('petition.caseState'), children: t(`state.${c.state}`, { defaultValue: c.state }) },
      ]}
      after={<Alert type="info" showIcon className="kehu-gap-top" data-testid="petition-effect" message={t('petition.raiseEffect')} />}
    >
      <Form.Item name="subject" label={t('petition.subject')} rules={[required]}>
        <Input maxLength={200} showCount />
      </Form.Item>
      <Form.Item name="content" label={t('petition.content')} extra={t('petition.contentHint')} rules={[required]}>
        <Input.TextArea rows={5} maxLength={4000} showCount />
      </Form.Item>
      {returnTargets.length > 0 && (
        <Form.Item name="return_to" label={t('petition.returnTo')} extra={t('petition.returnToHint')}>
          <ReturnStepSelect targets={returnTargets} placeholder={t('petition.noReturn')} />
        </Form.Item>
      )}
    </FormDrawer>
  );
}
