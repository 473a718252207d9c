import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { formatMoney } from '../../../lib/format';
import { useReturnAction } from '../api/mutations';
import { returnFieldLabel } from '../lib/retail';
import { actionTone, nextState, type ReturnAction } from '../lib/states';

type ReturnView = Schemas['ReturnView'];
/** Withdraw is a plain confirmation, not a drawer. */
export type DrawerAction = Exclude<ReturnAction, 'withdraw'>;

interface Values {
  reason?: string;
  retention_note?: string;
}

interface Props {
  application: ReturnView;
  action: DrawerAction | null;
  onClose: () => void;
  onDone: (action: DrawerAction) => void;
  /** 409: the state moved on; the page explains and refreshes. */
  onConflict: (action: DrawerAction, message: string) => void;
  /** 412: someone changed it; the page refetches (the drawer stays open). */
  onStale: () => void;
}

const trimmed = (v: string | undefined) => v?.trim() || null;

/** 提交 · 核准 · 不核准 · 延期: what each needs (a reason, the supervisor's retention note), in a drawer. */
export function ReturnActionDrawer({ application: r, action, onClose, onDone, onConflict, onStale }: Props) {
  const { t, i18n } = useTranslation();
  const mutation = useReturnAction();
  if (!action) return null;

  const label = t(`returns.action.${action}`);
  // The supervisor may record his attempt to keep the sale, whichever way he decides.
  const retention = r.state === 'supervisor_review' && (action === 'approve' || action === 'refuse');
  const needsReason = action === 'refuse' || action === 'extend';
  const next = nextState(r.state, action);

  async function submit(values: Values) {
    if (!action) return;
    const body: Schemas['ReturnActionBody'] = {};
    if (needsReason) body.reason = trimmed(values.reason);
    if (retention) body.retention_note = trimmed(values.retention_note);
    await mutation.mutateAsync({ id: r.id, version: r.version, action, body });
    onDone(action);
  }

  return (
    <FormDrawer<Values>
      key={action}
      open
      title={label}
      submitLabel={label}
      danger={actionTone(action) === 'danger'}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={{
        fields: ['reason', 'retention_note'],
        // Submit's refusals (`retail.purchased_on`, `eligibility.within_warranty`…) named as the form names them.
        fieldLabel: (f) => returnFieldLabel(f, t),
        outcome: { onConflict: (message) => onConflict(action, message), onStale },
        messages: { 412: t('returns.detail.stale') },
      }}
      name={`return-${action}`}
      width={480}
      facts={[
        { key: 'number', label: t('returns.field.number'), children: r.number },
        { key: 'customer', label: t('returns.field.customer'), children: r.customer.name },
        { key: 'total', label: t('returns.field.total'), children: formatMoney(r.total.amount, i18n.language, r.total.currency) },
      ]}
      before={
        <>
          {action === 'submit' && !r.eligibility.eligible && (
            <Alert type="warning" showIcon className="kehu-gap" message={t('returns.detail.notEligible')} />
          )}
          {action === 'extend' && <p className="kehu-muted">{t('returns.detail.extendHint')}</p>}
        </>
      }
      after={
        next && (
          <p className="kehu-next" data-testid="next-step">
            {t('returns.detail.next', { state: t(`returns.state.${next}`) })}
          </p>
        )
      }
    >
      {needsReason && (
        <Form.Item
          name="reason"
          label={t(action === 'refuse' ? 'returns.field.refusalReason' : 'returns.field.extensionReason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      )}
      {retention && (
        <Form.Item name="retention_note" label={t('returns.field.retentionNote')} extra={t('returns.detail.retentionHint')}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      )}
    </FormDrawer>
  );
}
