import { Alert, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { formatAmount } from '../../../lib/format';
import { usePenaltyItemAction } from '../api/queries';
import { caseShares, isWholeCase, partyOf, type ItemView, type ReasonAction } from '../lib/penalties';

interface Values {
  comment?: string;
  /** Settle: item id -> its new percentage. */
  ratios?: Record<string, number | null>;
}

interface Props {
  runId: number;
  /** The run's items loaded so far: a settlement shows the case's other shares when they are all there. */
  items: ItemView[];
  target: { item: ItemView; action: ReasonAction } | null;
  onClose: () => void;
  onDone: (action: ReasonAction) => void;
  /** 409: the run or the item moved on; the page explains and refreshes. */
  onConflict: (action: ReasonAction, detail?: string) => void;
  /** 412: the item changed; the page refetches, the drawer stays open. */
  onStale: ActionOutcome['onStale'];
}

const sum = (ratios: Values['ratios'], ids: number[]) => ids.reduce((acc, id) => acc + (Number(ratios?.[String(id)]) || 0), 0);

/**
 * 异议 (the head: why he disagrees) · 裁定 (the coordinator: the decision, and
 * the case's ratios, adding up to 100) · 延后 (the coordinator: a share
 * whose goods may be resold is charged in a later month). Sent with the
 * item's If-Match.
 */
export function ItemActionDrawer({ runId, items, target, onClose, onDone, onConflict, onStale }: Props) {
  const { t, i18n } = useTranslation();
  const mutation = usePenaltyItemAction();
  const item = target?.item;
  const action = target?.action;
  const found = item && action === 'settle' ? caseShares(items, item) : [];
  // Some of the case's shares filtered out or on a page not loaded: its ratios stay as they are.
  const partial = found.length > 0 && !isWholeCase(found);
  const shares = partial ? [] : found;

  async function submit(v: Values) {
    if (!item || !action) return;
    const comment = v.comment?.trim() ?? '';
    const ratios = shares.map((s) => ({ item_id: s.id, ratio_percent: Number(v.ratios?.[String(s.id)] ?? s.ratio_percent) }));
    // Only a changed split is sent: the server then recomputes every share of the case.
    const changed = ratios.some((r) => r.ratio_percent !== shares.find((s) => s.id === r.item_id)?.ratio_percent);
    await mutation.mutateAsync({
      runId,
      itemId: item.id,
      version: item.version,
      action,
      body: action === 'settle' && changed ? { comment, ratios } : { comment },
    });
    onDone(action);
  }

  const label = action ? t(`penalties.itemAction.${action}`) : '';
  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <FormDrawer<Values>
      key={item ? `${item.id}-${action}` : 'closed'}
      open={!!target}
      title={item ? t('penalties.drawer.title', { action: label, number: item.complaint_number ?? `#${item.complaint_id}`, party: partyOf(item) }) : ''}
      submitLabel={label}
      danger={action === 'dispute'}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      name={`penalty-${action ?? 'item'}`}
      width={520}
      initialValues={{ ratios: Object.fromEntries(shares.map((s) => [String(s.id), s.ratio_percent])) }}
      facts={
        item && [
          { key: 'department', label: t('penalties.items.department'), children: item.department_name },
          { key: 'burden', label: t('penalties.items.burden'), children: <span className="kehu-amount">{formatAmount(item.burden, i18n.language)}</span> },
          ...(item.dispute_reason ? [{ key: 'dispute', label: t('penalties.drawer.dispute.reason'), children: item.dispute_reason }] : []),
        ]
      }
      failure={{
        fields: ['comment'],
        fieldLabel: (field) => t(`penalties.drawer.field.${field.split(/[.[]/)[0]}`, { defaultValue: field }),
        outcome: { onConflict: (_, detail) => action && onConflict(action, detail), onStale },
        messages: { 412: t('penalties.run.stale') },
      }}
      before={action && action !== 'dispute' && <p className="kehu-muted">{t(`penalties.drawer.${action}.hint`)}</p>}
    >
      {action === 'settle' && shares.length > 0 && <SettleRatios shares={shares} />}
      {partial && <Alert type="info" showIcon className="kehu-gap" message={t('penalties.drawer.settle.partial')} data-testid="settle-partial" />}
      {action && (
        <Form.Item name="comment" label={t(`penalties.drawer.${action}.reason`)} rules={[required]}>
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
      )}
    </FormDrawer>
  );
}

/** The case's shares, each with its percentage, and their live sum (which must be 100). */
function SettleRatios({ shares }: { shares: ItemView[] }) {
  const { t } = useTranslation();
  const ids = shares.map((s) => s.id);
  const total = sum(Form.useWatch('ratios'), ids);
  return (
    <fieldset className="kehu-penalty-ratios">
      <legend>{t('penalties.drawer.settle.ratios')}</legend>
      {shares.map((s) => (
        <Form.Item
          key={s.id}
          name={['ratios', String(s.id)]}
          label={t('penalties.drawer.settle.ratioOf', { party: partyOf(s), department: s.department_name })}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber min={0} max={100} precision={0} suffix="%" className="kehu-penalty-ratios__input" />
        </Form.Item>
      ))}
      <Form.Item
        name="ratios_sum"
        dependencies={ids.map((id) => ['ratios', String(id)])}
        rules={[
          ({ getFieldValue }) => ({
            validator: async () => {
              if (sum(getFieldValue('ratios'), ids) !== 100) throw new Error(t('penalties.drawer.settle.sumRule'));
            },
          }),
        ]}
      >
        <RatioSum total={total} />
      </Form.Item>
    </fieldset>
  );
}

/** The sum as the form item's control (so its rule's message shows under it); nothing to enter. */
function RatioSum({ total, id }: { total: number; id?: string }) {
  const { t } = useTranslation();
  return (
    <output id={id} className={total === 100 ? 'kehu-penalty-ratios__sum' : 'kehu-penalty-ratios__sum kehu-penalty-ratios__sum--off'} aria-live="polite" data-testid="ratio-sum">
      {t('penalties.drawer.settle.sum', { sum: total })}
    </output>
  );
}
