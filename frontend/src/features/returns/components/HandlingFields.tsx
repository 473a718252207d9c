import { DatePicker, Form, Input, InputNumber, Radio, type FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatQuantity } from '../../../lib/format';
import { Fields, Prose } from '../../complaints/components/sections/CaseSection';
import { MONEY_INPUT } from '../../complaints/lib/resolution';
import { DISPOSITIONS, quantityLimits, type HandlingValues, type HandlingView } from '../lib/handling';

/** Required, and not only spaces (the server trims). */
function useRequired(): FormRule {
  const { t } = useTranslation();
  return { required: true, whitespace: true, message: t('validation.required') };
}

/** `inspect`: what QA found, and the label put on the goods. */
export function QaFields() {
  const { t } = useTranslation();
  const required = useRequired();
  return (
    <>
      <Form.Item name={['qa', 'finding']} label={t('returns.handling.qaFinding')} rules={[required]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name={['qa', 'label']} label={t('returns.handling.qaLabel')} extra={t('returns.handling.qaLabelHint')} rules={[required]}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
    </>
  );
}

/** `plan`: the analysis, what to do with the goods, the plan (required for a rework) and its cost. */
export function PlanFields() {
  const { t } = useTranslation();
  const required = useRequired();
  const form = Form.useFormInstance<HandlingValues>();
  const rework = Form.useWatch(['plan', 'disposition'], form) === 'rework';
  const disposition = t('returns.handling.disposition');
  return (
    <>
      <Form.Item name={['plan', 'analysis']} label={t('returns.handling.analysis')} rules={[required]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name={['plan', 'disposition']} label={disposition} rules={[{ required: true, message: t('validation.required') }]}>
        <Radio.Group aria-label={disposition} options={DISPOSITIONS.map((d) => ({ value: d, label: t(`returns.disposition.${d}`) }))} />
      </Form.Item>
      <Form.Item
        name={['plan', 'plan']}
        label={t('returns.handling.plan')}
        extra={t('returns.handling.planHint')}
        dependencies={[['plan', 'disposition']]}
        rules={[{ required: rework, whitespace: true, message: t('validation.required') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item
        name={['plan', 'cost']}
        label={t('returns.handling.cost')}
        extra={t('returns.handling.costHint')}
        rules={[required, { pattern: MONEY_INPUT, message: t('validation.invalid_money') }]}
      >
        <Input prefix="¥" inputMode="decimal" placeholder="0.00" className="kehu-money-input" autoComplete="off" />
      </Form.Item>
    </>
  );
}

/** `schedule`: the two dates (finish not before start), the production unit and the material issue note. */
export function ScheduleFields() {
  const { t } = useTranslation();
  const required = useRequired();
  const pick = { required: true, message: t('validation.required') };
  return (
    <>
      <Form.Item name={['schedule', 'start_on']} label={t('returns.handling.startOn')} rules={[pick]}>
        <DatePicker className="kehu-full" />
      </Form.Item>
      <Form.Item
        name={['schedule', 'finish_on']}
        label={t('returns.handling.finishOn')}
        dependencies={[['schedule', 'start_on']]}
        rules={[
          pick,
          ({ getFieldValue }) => ({
            validator(_, finish: Dayjs | null | undefined) {
              const start = getFieldValue(['schedule', 'start_on']) as Dayjs | null | undefined;
              if (!start || !finish || !finish.isBefore(start, 'day')) return Promise.resolve();
              return Promise.reject(new Error(t('returns.handling.finishBeforeStart')));
            },
          }),
        ]}
      >
        <DatePicker className="kehu-full" />
      </Form.Item>
      <Form.Item name={['schedule', 'production_unit']} label={t('returns.handling.productionUnit')} extra={t('returns.handling.productionUnitHint')} rules={[required]}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item name={['schedule', 'material_issue']} label={t('returns.handling.materialIssue')} extra={t('returns.handling.materialIssueHint')}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
    </>
  );
}

/** `complete_rework`, `re_receive`: one whole count per item, from 0 to the most it may be (named in its label). */
export function QuantityFields({ action, handling: h }: { action: 'complete_rework' | 're_receive'; handling: HandlingView }) {
  const { t, i18n } = useTranslation();
  const limits = quantityLimits(action, h);
  const kind = action === 're_receive' && h.disposition === 'scrap' ? 'scrap' : action;
  return (
    <>
      {h.lines.map((line, i) => {
        const max = limits[i] ?? 0;
        const shown = formatQuantity(max, i18n.language);
        return (
          <Form.Item
            key={i}
            name={['quantities', i]}
            label={t(`returns.handling.qtyLabel.${kind}`, { n: i + 1, product: line.product_number, max: shown })}
            extra={line.description ?? undefined}
            rules={[
              { required: true, message: t('validation.required') },
              {
                validator(_, value: number | null | undefined) {
                  if (value === null || value === undefined) return Promise.resolve();
                  if (!Number.isInteger(value) || value < 0) return Promise.reject(new Error(t('validation.out_of_range')));
                  if (value > max) return Promise.reject(new Error(t('returns.handling.qtyMax', { max: shown })));
                  return Promise.resolve();
                },
              },
            ]}
          >
            <InputNumber className="kehu-full" min={0} precision={0} step={1} inputMode="numeric" data-testid={`handling-qty-${i}`} />
          </Form.Item>
        );
      })}
    </>
  );
}

/** What the general manager decides on: the analysis, the disposition, the plan and its cost. */
export function PlanFacts({ handling: h }: { handling: HandlingView }) {
  const { t, i18n } = useTranslation();
  return (
    <div data-testid="handling-plan-facts">
      <Fields
        columns={1}
        rows={[
          { label: t('returns.handling.qaFinding'), value: <Prose>{h.qa_finding}</Prose> },
          { label: t('returns.handling.analysis'), value: <Prose>{h.analysis}</Prose> },
          { label: t('returns.handling.disposition'), value: h.disposition ? t(`returns.disposition.${h.disposition}`) : null },
          { label: t('returns.handling.plan'), value: <Prose>{h.plan}</Prose> },
          { label: t('returns.handling.cost'), value: h.cost ? formatMoney(h.cost.amount, i18n.language, h.cost.currency) : null },
        ]}
      />
    </div>
  );
}
