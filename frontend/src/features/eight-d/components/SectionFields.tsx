import { Checkbox, DatePicker, Form, Input, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { CAUSE_METHODS, CHECKS, PREVENTION_DOCUMENTS } from '../lib/report';

const LONG = 4000;

/** D2: the problem as the customer met it. */
export function ProblemFields() {
  const { t } = useTranslation();
  return (
    <Form.Item name="problem" label={t('eightD.section.problem')}>
      <Input.TextArea rows={4} maxLength={LONG} showCount />
    </Form.Item>
  );
}

/** D4: how the cause was found (the manual's methods) and what it is. */
export function RootCauseFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name={['root_cause', 'methods']} label={t('eightD.field.methods')}>
        <Checkbox.Group className="kehu-8d-checks" options={CAUSE_METHODS.map((m) => ({ value: m, label: t(`eightD.method.${m}`) }))} />
      </Form.Item>
      <Form.Item name={['root_cause', 'cause']} label={t('eightD.field.cause')}>
        <Input.TextArea rows={4} maxLength={LONG} showCount />
      </Form.Item>
    </>
  );
}

/** D6: the three questions, each passed or not, with its evidence. */
export function VerificationFields() {
  const { t } = useTranslation();
  return (
    <>
      {CHECKS.map((check) => (
        <fieldset key={check} className="kehu-8d-check" data-testid={`check-${check}`}>
          <legend>{t(`eightD.check.${check}`)}</legend>
          <Form.Item name={['verification', check, 'passed']} label={t('eightD.field.passed')} valuePropName="checked" layout="horizontal">
            <Switch />
          </Form.Item>
          <Form.Item name={['verification', check, 'evidence']} label={t('eightD.field.evidence')}>
            <Input.TextArea rows={2} maxLength={LONG} />
          </Form.Item>
        </fieldset>
      ))}
    </>
  );
}

/** D7: the documents updated so that it lasts, and a note. */
export function PreventionFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name={['prevention', 'documents']} label={t('eightD.field.documents')}>
        <Checkbox.Group className="kehu-8d-checks" options={PREVENTION_DOCUMENTS.map((d) => ({ value: d, label: t(`eightD.document.${d}`) }))} />
      </Form.Item>
      <Form.Item name={['prevention', 'note']} label={t('eightD.field.note')}>
        <Input.TextArea rows={3} maxLength={LONG} />
      </Form.Item>
    </>
  );
}

/** D8: the closing summary and its day; a summary without a day cannot be saved. */
export function ClosureFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name={['closure', 'summary']} label={t('eightD.field.summary')}>
        <Input.TextArea rows={3} maxLength={LONG} showCount />
      </Form.Item>
      <Form.Item
        name={['closure', 'closed_on']}
        label={t('eightD.field.closed_on')}
        dependencies={[['closure', 'summary']]}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_, value) => {
              const summary = getFieldValue(['closure', 'summary']) as string | undefined;
              if (summary?.trim() && !value) throw new Error(t('eightD.closedOnRequired'));
            },
          }),
        ]}
      >
        <DatePicker className="kehu-full" />
      </Form.Item>
    </>
  );
}
