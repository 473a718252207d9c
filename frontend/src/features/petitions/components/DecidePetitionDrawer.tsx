import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { formatDateTime } from '../../../lib/format';
import { useActOnPetition } from '../api/mutations';
import { petitionActionBody, type DecideValues, type Petition, type PetitionAction, type State } from '../lib/petition';
import { ReturnStepSelect } from './ReturnStepSelect';

export interface PetitionChoice {
  petition: Petition;
  action: PetitionAction;
}

interface Props {
  choice: PetitionChoice | null;
  /** The steps the case may be sent back to (the same read's `return_targets`). */
  returnTargets: readonly State[];
  onClose: () => void;
  onDone: (saved: Petition) => void;
  /** 409: decided or withdrawn meanwhile; the section explains and refreshes. */
  onConflict: ActionOutcome['onConflict'];
  /** 412: the petition changed; the section refetches it, the drawer stays open. */
  onStale: ActionOutcome['onStale'];
}

/**
 * The general manager's 裁决 (a decision, required, and optionally the step
 * the case goes back to) or the author's 撤回, sent with the petition's
 * version as If-Match.
 */
export function DecidePetitionDrawer({ choice, returnTargets, onClose, onDone, onConflict, onStale }: Props) {
  const { t, i18n } = useTranslation();
  const mutation = useActOnPetition();
  if (!choice) return null;
  const { petition: p, action } = choice;
  const decide = action === 'decide';
  const state = (s: State) => t(`state.${s}`, { defaultValue: s });

  async function submit(values: DecideValues) {
    onDone(await mutation.mutateAsync({ petition: p, action, body: petitionActionBody(action, values) }));
  }

  return (
    <FormDrawer<DecideValues>
      key={`${p.id}-${action}`}
      open
      title={t(`petition.drawer.${action}`)}
      submitLabel={t(`petition.submitAction.${action}`)}
      danger={!decide}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={{ fields: decide ? ['decision', 'return_to'] : [], outcome: { onConflict, onStale }, messages: { 412: t('petition.stale') } }}
      name={`petition-${action}`}
      width={480}
      initialValues={{ decision: '', return_to: null }}
      facts={[
        { key: 'complaint', label: t('petition.complaint'), children: p.complaint.name },
        { key: 'subject', label: t('petition.subject'), children: <span className="kehu-petition__subject">{p.subject}</span> },
        { key: 'content', label: t('petition.content'), children: <span className="kehu-petition__text">{p.content}</span> },
        ...(p.return_to ? [{ key: 'return_to', label: t('petition.returnTo'), children: state(p.return_to) }] : []),
        {
          key: 'by',
          label: t('petition.raiser'),
          children: `${p.department.name} · ${p.raised_by.name} · ${formatDateTime(p.raised_at, i18n.language)}`,
        },
      ]}
      before={
        <p className="kehu-muted" data-testid="petition-action-hint">
          {decide ? t('petition.decideHint') : t('petition.withdrawHint')}
        </p>
      }
    >
      {decide && (
        <>
          <Form.Item name="decision" label={t('petition.decision')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
          {returnTargets.length > 0 && (
            <Form.Item name="return_to" label={t('petition.sendBackTo')} extra={t('petition.sendBackHint')}>
              <ReturnStepSelect targets={returnTargets} placeholder={t('petition.noSendBack')} />
            </Form.Item>
          )}
        </>
      )}
    </FormDrawer>
  );
}
