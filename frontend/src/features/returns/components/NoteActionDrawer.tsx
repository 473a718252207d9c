import { Alert, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { formatQuantity } from '../../../lib/format';
import { useNoteAction } from '../api/mutations';
import { limitedQuantity, needsDecision, proofText, toleranceText, type NoteAction, type NoteView } from '../lib/note';
import { NoteLines } from './NoteLines';

type ReturnView = Schemas['ReturnView'];
/** 核实 is a plain confirmation, not a drawer. */
export type NoteDrawerAction = Exclude<NoteAction, 'verify'>;

interface Values {
  /** `receive`: one count per item, in the note's order. */
  quantities?: (number | null)[];
  comment?: string;
}

interface Props extends Omit<ActionOutcome, 'onConflict'> {
  application: ReturnView;
  note: NoteView;
  action: NoteDrawerAction | null;
  onClose: () => void;
  onDone: (action: NoteDrawerAction, saved: ReturnView) => void;
  /** 409: the note moved on; the page explains and refreshes. */
  onConflict: (action: NoteDrawerAction, message: string) => void;
}

const trimmed = (v: string | undefined) => v?.trim() || null;

/**
 * 签收 (a whole count per item, prefilled with the approved quantity),
 * 核对入账, 同意超量入账, 超量退回客户: each with an optional remark, If-Match.
 * 申请延期 keeps the step and needs its reason in the same remark (`comment`).
 */
export function NoteActionDrawer({ application: r, note, action, onClose, onDone, onConflict, onStale }: Props) {
  const { t, i18n } = useTranslation();
  const mutation = useNoteAction();
  if (!action) return null;

  const label = t(`returns.noteAction.${action}`);
  const receive = action === 'receive';
  const extend = action === 'extend';

  async function submit(values: Values) {
    if (!action) return;
    const body: Schemas['NoteActionBody'] = { comment: trimmed(values.comment) };
    if (receive) body.quantities = note.lines.map((_, i) => values.quantities?.[i] ?? 0);
    const saved = await mutation.mutateAsync({ id: r.id, version: r.version, action, body });
    onDone(action, saved);
  }

  return (
    <FormDrawer<Values>
      key={action}
      open
      title={label}
      submitLabel={label}
      danger={action === 'refuse_excess'}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      initialValues={receive ? { quantities: note.lines.map((l) => l.approved) } : {}}
      scrollToFirstError
      failure={{
        fields: ['quantities', 'comment'],
        // The whole list (e.g. not one count per item) has no field of its own: it goes to the alert.
        fieldName: (field) => (field === 'quantities' ? '_quantities' : field),
        fieldLabel: (field) => (field === 'quantities' ? t('returns.note.received') : field === 'proof' ? t('returns.proof.title') : field),
        outcome: { onConflict: (message) => onConflict(action, message), onStale },
        messages: { 412: t('returns.detail.stale') },
      }}
      name={`return-note-${action}`}
      width={receive ? 560 : extend ? 480 : 640}
      facts={[
        { key: 'note', label: t('returns.note.number'), children: note.number },
        { key: 'application', label: t('returns.field.number'), children: r.number },
        { key: 'customer', label: t('returns.field.customer'), children: r.customer.name },
        {
          key: 'tolerance',
          label: t('returns.note.tolerance'),
          children: toleranceText(note, t, i18n.language),
        },
      ]}
      before={extend ? <p className="kehu-muted">{t('returns.detail.stepExtendHint')}</p> : !receive && <ActionFacts action={action} note={note} />}
      after={
        // The note stays where it is: there is no next step to announce.
        !extend && (
          <p className="kehu-next" data-testid="next-step">
            {t(nextKey(action, note))}
          </p>
        )
      }
    >
      {receive &&
        note.lines.map((line, i) => (
          <Form.Item
            key={i}
            name={['quantities', i]}
            label={t('returns.note.receiveLabel', {
              n: i + 1,
              product: line.product_number,
              approved: formatQuantity(line.approved, i18n.language),
            })}
            extra={line.description ?? undefined}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <InputNumber className="kehu-full" min={0} precision={0} step={1} inputMode="numeric" />
          </Form.Item>
        ))}
      <Form.Item
        name="comment"
        label={t(extend ? 'returns.field.extensionReason' : 'returns.note.comment')}
        rules={extend ? [{ required: true, whitespace: true, message: t('validation.required') }] : undefined}
      >
        <Input.TextArea rows={extend ? 4 : 3} maxLength={2000} showCount />
      </Form.Item>
    </FormDrawer>
  );
}

/** The i18n key of what happens after the action. */
function nextKey(action: Exclude<NoteDrawerAction, 'extend'>, note: NoteView): string {
  if (action === 'book') return needsDecision(note) ? 'returns.note.next.bookHeld' : 'returns.note.next.book';
  return `returns.note.next.${action}`;
}

/** Accounting and the approver see the items as received, and what refusing would book. */
function ActionFacts({ action, note }: { action: NoteDrawerAction; note: NoteView }) {
  const { t, i18n } = useTranslation();
  const bp = note.applied_tolerance_bp;
  return (
    <>
      {action !== 'book' && <Alert type="warning" showIcon className="kehu-gap" message={t('returns.note.awaitsHint')} />}
      {action === 'book' && !note.proof_kind && (
        <Alert type="warning" showIcon className="kehu-gap" message={t('returns.proof.missingForBook')} data-testid="proof-missing" />
      )}
      {action === 'book' && note.proof_kind && (
        <p>
          {t('returns.proof.title')}: {proofText(note, t)}
        </p>
      )}
      <Typography.Title level={3} className="kehu-form__section">
        {t('returns.note.lines')}
      </Typography.Title>
      <NoteLines lines={note.lines} bp={bp} />
      {action === 'refuse_excess' && (
        <ul className="kehu-note-limited" aria-label={t('returns.note.limitedTitle')} data-testid="note-limited">
          {note.lines.map((l, i) => {
            const limited = limitedQuantity(l, bp);
            return (
              <li key={i}>
                {t('returns.note.limited', {
                  product: l.product_number,
                  booked: limited === null ? '—' : formatQuantity(limited, i18n.language),
                  back: limited === null || l.received == null ? '—' : formatQuantity(l.received - limited, i18n.language),
                })}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
