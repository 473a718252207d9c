import { Form } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { useComplaintAction } from '../api/mutations';
import { ACTION_FORM, actionTone, buildActionBody, nextState, type ActionFormValues, type ActionName } from '../lib/actions';
import { fromLineView } from '../lib/resolution';
import { ConcludeFields } from './forms/ConcludeFields';
import { ConsolidateFields } from './forms/ConsolidateFields';
import { ProposeFields } from './forms/ProposeFields';
import { RecurrenceFields } from './forms/RecurrenceFields';
import { SimpleFields } from './forms/SimpleForms';

type Complaint = Schemas['ComplaintView'];
type Result = Schemas['ActionResult'];

interface Props {
  complaint: Complaint;
  action: ActionName | null;
  onClose: () => void;
  onDone: (action: ActionName, result: Result) => void;
  /** 409: the state moved on; the page explains (the server's `message`) and refreshes. */
  onConflict: (action: ActionName, message: string) => void;
  /** 412: someone changed the case; refetch it (the drawer stays open). */
  onStale: () => void;
}

function initialValues(action: ActionName, c: Complaint): ActionFormValues {
  switch (ACTION_FORM[action]) {
    case 'conclude':
      return { responsible: [{ ratio_percent: 100 }], engineering_needed: false };
    case 'propose':
      return { lines: c.resolution.lines.length ? c.resolution.lines.map(fromLineView) : [{ kind: 'compensation' }] };
    case 'register':
      return { severity: c.severity ?? undefined, kind: c.kind ?? undefined, is_major: c.is_major, repeat_of: c.repeat_of_id ?? undefined };
    case 'outcome':
      return { answered_on: dayjs() };
    case 'invalidNotice':
      return { method: 'letter', informed_on: dayjs() };
    default:
      return {};
  }
}

/** The form an action needs, in a drawer, with what happens next. */
export function ActionDrawer({ complaint, action, onClose, onDone, onConflict, onStale }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActionFormValues>();
  const mutation = useComplaintAction();
  const accepted = Form.useWatch('accepted', form);
  const initial = useMemo(() => (action ? initialValues(action, complaint) : {}), [action]);

  if (!action) return null;
  const kind = ACTION_FORM[action];
  const label = t(`action.${action}`);
  const next = nextState(action, complaint.engineering_requested, accepted);

  async function submit(values: ActionFormValues) {
    if (!action) return;
    const result = await mutation.mutateAsync({
      id: complaint.id,
      version: complaint.version,
      action,
      body: buildActionBody(action, values),
    });
    onDone(action, result);
  }

  return (
    <FormDrawer<ActionFormValues>
      // A new action is a new form: nothing of the last one's problem or values.
      key={action}
      open
      title={label}
      submitLabel={label}
      danger={actionTone(action) === 'danger'}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={{
        outcome: { onConflict: (message) => onConflict(action, message), onStale },
        messages: { 412: t('detail.stale') },
        // Closing before the 8D report's approval: the 422 names `eight_d`, which no form field shows;
        // `repeat_of` has no field when the customer has no earlier case in the window.
        fieldLabel: (field) => (field === 'eight_d' ? t('fieldName.eight_d') : field === 'repeat_of' ? t('recurrence.repeatOf') : field),
      }}
      form={form}
      name={`action-${action}`}
      initialValues={initial}
      before={
        next &&
        kind !== 'consolidate' && (
          <p className="kehu-next" data-testid="next-step">
            {t('drawer.next', { state: t(`state.${next}`) })}
          </p>
        )
      }
    >
      {kind === 'conclude' ? (
        <ConcludeFields />
      ) : kind === 'propose' ? (
        <ProposeFields />
      ) : kind === 'consolidate' ? (
        <ConsolidateFields complaint={complaint} />
      ) : kind === 'register' ? (
        <>
          <RecurrenceFields complaintId={complaint.id} />
          <SimpleFields kind={kind} />
        </>
      ) : (
        <SimpleFields kind={kind} />
      )}
    </FormDrawer>
  );
}
