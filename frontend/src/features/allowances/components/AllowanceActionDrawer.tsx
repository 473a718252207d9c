import { DatePicker, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { formatDate, formatMoney } from '../../../lib/format';
import { useAllowanceAction } from '../api/mutations';
import { ACTION_FIELDS, actionBody, isFutureDay, type ActionValues } from '../lib/form';
import { nextState, type AllowanceView } from '../lib/states';
import type { DrawerAction } from './AllowanceActionButtons';
import { ProofFields } from './ProofFields';

/** The catalog's name (`allowances.field.<name>`) of a server field, for a message the form cannot place. */
const FIELD_LABEL: Record<string, string> = {
  signed_on: 'signedOn',
  proof_kind: 'proof',
  proof_reference: 'proofReference',
};

interface Props {
  allowance: AllowanceView;
  action: DrawerAction | null;
  onClose: () => void;
  onDone: (action: DrawerAction) => void;
  /** 409: the state moved on; the page explains and refreshes. */
  onConflict: (action: DrawerAction, message: string) => void;
  /** 412: someone changed it; the page refetches (the drawer stays open). */
  onStale: ActionOutcome['onStale'];
}

/**
 * 驳回 (a reason) · 申请延期 (a reason; the step stays) · 客户签章 (who signed for the customer, the day, the proof)
 * · 会计作账 (the voucher): what each step needs, sent with If-Match; the
 * server's field messages shown at their fields.
 */
export function AllowanceActionDrawer({ allowance: a, action, onClose, onDone, onConflict, onStale }: Props) {
  const { t, i18n } = useTranslation();
  const mutation = useAllowanceAction();
  if (!action) return null;

  const locale = i18n.language;
  const label = t(`allowances.action.${action}`);
  const next = nextState(a.state, action);
  // Refusing and extending both send `reason`; the label says which reason it is.
  const reasonLabel = action === 'extend' ? 'extensionReason' : 'refusalReason';
  const required = { required: true, whitespace: true, message: t('validation.required') };

  async function submit(values: ActionValues) {
    if (!action) return;
    await mutation.mutateAsync({ id: a.id, version: a.version, action, body: actionBody(action, values) });
    onDone(action);
  }

  const facts = [
    { key: 'number', label: t('allowances.field.number'), children: a.number },
    { key: 'customer', label: t('allowances.field.customer'), children: a.customer.name },
    { key: 'amount', label: t('allowances.field.amount'), children: formatMoney(a.amount.amount, locale, a.amount.currency) },
    ...(action === 'book'
      ? [
          { key: 'signer', label: t('allowances.field.signer'), children: a.signer ? `${a.signer} · ${a.signed_on ? formatDate(a.signed_on, locale) : ''}` : '—' },
          { key: 'proof', label: t('allowances.proof.title'), children: a.proof_kind ? t(`allowances.proofName.${a.proof_kind}`) : '—' },
        ]
      : []),
  ];

  return (
    <FormDrawer<ActionValues>
      key={action}
      open
      title={label}
      submitLabel={label}
      danger={action === 'refuse'}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      initialValues={action === 'sign' ? { signed_on: dayjs() } : undefined}
      failure={{
        fields: ACTION_FIELDS[action],
        fieldLabel: (field) => t(`allowances.field.${field === 'reason' ? reasonLabel : (FIELD_LABEL[field] ?? field)}`, { defaultValue: field }),
        outcome: { onConflict: (message) => onConflict(action, message), onStale },
        messages: { 412: t('allowances.detail.stale') },
      }}
      name={`allowance-${action}`}
      width={action === 'sign' ? 560 : 480}
      facts={facts}
      before={action !== 'refuse' && <p className="kehu-muted">{t(`allowances.detail.${action}Hint`)}</p>}
      after={
        next && (
          <p className="kehu-next" data-testid="next-step">
            {t('allowances.detail.next', { state: t(`allowances.state.${next}`) })}
          </p>
        )
      }
    >
      {(action === 'refuse' || action === 'extend') && (
        <Form.Item name="reason" label={t(`allowances.field.${reasonLabel}`)} rules={[required]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      )}
      {action === 'sign' && (
        <>
          <Form.Item name="signer" label={t('allowances.field.signer')} extra={t('allowances.detail.signerHint')} rules={[required]}>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
          <Form.Item name="signed_on" label={t('allowances.field.signedOn')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker className="kehu-full" disabledDate={isFutureDay} />
          </Form.Item>
          <ProofFields />
        </>
      )}
      {action === 'book' && (
        <Form.Item name="voucher" label={t('allowances.field.voucher')} extra={t('allowances.detail.voucherHint')} rules={[required]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
      )}
    </FormDrawer>
  );
}
