import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../lib/format';
import { LINE_FIELDS, LINE_KINDS, lineSettlement, MONEY_INPUT, REQUIRED_LINE_FIELDS, settlementTotal, type LineDraft } from '../../lib/resolution';
import { TextField } from './SimpleForms';

/** propose_resolution: the lines, kind-dependent inputs, a live settlement total. */
export function ProposeFields() {
  const { t, i18n } = useTranslation();
  const lines: LineDraft[] | undefined = Form.useWatch('lines');
  const totals = settlementTotal(lines ?? []);
  const money = (value: string) => formatMoney(value, i18n.language);
  const moneyRules = (needed: boolean) => [
    ...(needed ? [{ required: true, message: t('validation.required') }] : []),
    { pattern: MONEY_INPUT, message: t('validation.invalid_money') },
  ];

  return (
    <>
      <Form.List
        name="lines"
        rules={[{ validator: async (_, value?: LineDraft[]) => { if (!value?.length) throw new Error(t('resolution.needLine')); } }]}
      >
        {(fields, { add, remove }, { errors }) => (
          <div className="kehu-lines">
            {fields.map((field, index) => {
              const line = lines?.[index];
              const kind = line?.kind ?? 'compensation';
              const shown = LINE_FIELDS[kind];
              const needed = REQUIRED_LINE_FIELDS[kind];
              const value = line ? lineSettlement(line) : null;
              return (
                <fieldset key={field.key} className="kehu-line" aria-label={t('resolution.lineN', { n: index + 1 })}>
                  <legend className="kehu-line__legend">{t('resolution.lineN', { n: index + 1 })}</legend>
                  <Form.Item name={[field.name, 'kind']} label={t('resolution.kind')} rules={[{ required: true, message: t('validation.required') }]}>
                    <Select options={LINE_KINDS.map((k) => ({ value: k, label: t(`resolution.${k}`) }))} />
                  </Form.Item>
                  {shown.includes('quantity') && (
                    <Form.Item name={[field.name, 'quantity']} label={t('resolution.quantity')} rules={[{ required: true, message: t('validation.required') }]}>
                      <InputNumber min={1} precision={0} className="kehu-full" />
                    </Form.Item>
                  )}
                  {shown.includes('unit_price') && (
                    <Form.Item
                      name={[field.name, 'unit_price']}
                      label={kind === 'resend' ? t('resolution.gradeAPrice') : t('resolution.unitPrice')}
                      rules={moneyRules(needed.includes('unit_price'))}
                    >
                      <Input prefix="¥" inputMode="decimal" className="kehu-money-input" />
                    </Form.Item>
                  )}
                  {shown.includes('amount') && (
                    <Form.Item
                      name={[field.name, 'amount']}
                      label={kind === 'rework' ? t('resolution.reworkCost') : t('resolution.amount')}
                      rules={moneyRules(needed.includes('amount'))}
                    >
                      <Input prefix="¥" inputMode="decimal" className="kehu-money-input" />
                    </Form.Item>
                  )}
                  {shown.includes('transport_cost') && (
                    <Form.Item name={[field.name, 'transport_cost']} label={t('resolution.transportCost')} rules={moneyRules(false)}>
                      <Input prefix="¥" inputMode="decimal" className="kehu-money-input" />
                    </Form.Item>
                  )}
                  <Form.Item name={[field.name, 'remarks']} label={t('resolution.remarks')}>
                    <Input maxLength={1000} />
                  </Form.Item>
                  <div className="kehu-line__foot">
                    <span>
                      {t('complaint.settlementAmount')}: <strong className="kehu-amount">{value === null ? '—' : money(value)}</strong>
                    </span>
                    {fields.length > 1 && (
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                        {t('resolution.removeLine')}
                      </Button>
                    )}
                  </div>
                </fieldset>
              );
            })}
            <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'compensation' })} disabled={fields.length >= 50}>
              {t('resolution.addLine')}
            </Button>
            <Form.ErrorList errors={errors} />
            <div className="kehu-total" aria-live="polite" data-testid="settlement-total">
              {t('resolution.total')}: <strong className="kehu-amount">{money(totals.settlement)}</strong>
              {!totals.complete && <span className="kehu-muted"> {t('resolution.incomplete')}</span>}
            </div>
          </div>
        )}
      </Form.List>
      <TextField name="note" label={t('drawer.note')} />
    </>
  );
}
