import { Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { formatMoney } from '../../../lib/format';
import { useRaiseAllowance } from '../api/mutations';
import { allowanceKeys } from '../api/queries';
import { defaultReason, raiseBody, type RaiseValues } from '../lib/form';

type Line = Schemas['ResolutionLineView'];

interface Props {
  complaint: Pick<Schemas['ComplaintView'], 'id' | 'number' | 'customer'>;
  /** The line (0-based) the certificate is for; null: closed. */
  line: number | null;
  onClose: () => void;
  lines: readonly Line[];
}

/** Server fields the form does not show, in words for the drawer's alert. */
const FIELD_LABEL: Record<string, string> = {
  complaint_id: 'allowances.field.complaint',
  complaint_line: 'allowances.field.complaintLine',
};

/**
 * 开立销货折让证明单 for one discount or compensation line: the original
 * invoice's number and the reason (the line's remarks, else the decision),
 * then on to the new certificate. 409: a live one already covers the line.
 */
export function RaiseAllowanceDrawer({ complaint: c, line, lines, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useRaiseAllowance();
  const l = line === null ? undefined : lines[line];
  const number = c.number ?? '';
  const title = t('allowances.raise.title');

  async function submit(values: RaiseValues) {
    if (line === null) return;
    try {
      const saved = await mutation.mutateAsync(raiseBody(c.id, line, values));
      navigate(`/allowances/${saved.id}`, { state: { raised: saved.number } });
    } catch (failure) {
      // Someone raised one meanwhile: the section shows it.
      if (failure instanceof ApiError && failure.status === 409) void queryClient.invalidateQueries({ queryKey: allowanceKeys.ofComplaint(c.id) });
      throw failure;
    }
  }

  return (
    <FormDrawer<RaiseValues>
      open={line !== null && !!l}
      title={title}
      submitLabel={t('allowances.raise.submit')}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      initialValues={l ? { invoice_number: '', reason: defaultReason(l, number, t) } : undefined}
      failure={{
        fields: ['invoice_number', 'reason'],
        fieldLabel: (field) => (FIELD_LABEL[field] ? t(FIELD_LABEL[field]) : field),
        messages: { 409: t('allowances.raise.alreadyApplied') },
      }}
      name="allowance-raise"
      width={520}
      facts={
        l && [
          { key: 'complaint', label: t('allowances.field.complaint'), children: number },
          { key: 'customer', label: t('allowances.field.customer'), children: c.customer.name },
          {
            key: 'line',
            label: t('allowances.field.complaintLine'),
            children: `${t('allowances.field.line', { n: (line ?? 0) + 1 })} · ${t(`allowances.kind.${l.kind}`, { defaultValue: l.kind })}`,
          },
          { key: 'amount', label: t('allowances.field.amount'), children: formatMoney(l.settlement.amount, i18n.language, l.settlement.currency) },
        ]
      }
      before={<p className="kehu-muted">{t('allowances.raise.hint')}</p>}
    >
      <Form.Item name="invoice_number" label={t('allowances.field.invoiceNumber')} extra={t('allowances.raise.invoiceHint')}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name="reason" label={t('allowances.field.reason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </FormDrawer>
  );
}
