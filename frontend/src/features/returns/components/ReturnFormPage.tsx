import { Alert, Button, Card, Checkbox, Col, Form, Input, Radio, Result, Row, Skeleton, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { fieldPath, problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { PageHeading } from '../../../components/PageHeading';
import { placeFieldErrors, topField } from '../../../lib/form-errors';
import { useClearErrorsOnEdit } from '../../../lib/useClearErrorsOnEdit';
import { useComplaint } from '../../complaints/api/queries';
import { CustomerSelect } from '../../reference/components/CustomerSelect';
import { useSaveReturn } from '../api/mutations';
import { useReturn } from '../api/queries';
import { carriedFromComplaint, carriedFromReturn, type Carried } from '../lib/carried';
import { emptyReturnValues, formFieldName, fromReturnView, toReturnInput, type ReturnValues } from '../lib/form';
import { RULE_SETS } from '../lib/retail';
import { RETURN_KINDS } from '../lib/states';
import { CarriedFacts } from './CarriedFacts';
import { GroundsFields } from './GroundsFields';
import { RetailFields } from './RetailFields';
import { ReturnLinesEditor } from './ReturnLinesEditor';
import '../../complaints/complaints.css';
import '../returns.css';

/** `?complaint=<id>&line=<n>`: raised from a complaint's resolution line. */
function fromQuery(params: URLSearchParams): { complaintId: number; line: number } | null {
  const complaintId = Number(params.get('complaint'));
  const line = Number(params.get('line'));
  if (!Number.isSafeInteger(complaintId) || complaintId <= 0 || !Number.isSafeInteger(line) || line < 0) return null;
  return { complaintId, line };
}

const COMMON_FIELDS = ['reason', 'sample_unit', 'grounds', 'eligibility'];
const STANDALONE_FIELDS = [...COMMON_FIELDS, 'kind', 'customer_id', 'order_number', 'lines', 'rule_set', 'retail'];
/** How the alert names the server fields the form has no place for (the complaint line's). */
const UNPLACED: Record<string, string> = { complaint_id: 'returns.field.complaint', complaint_line: 'returns.field.complaintLine' };

/** 客户退换货申请单: a new application (standalone or from a complaint line) or a draft being edited. */
export default function ReturnFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const routeId = Number(useParams().id ?? 0);
  const editing = routeId > 0;
  const [params] = useSearchParams();
  const query = editing ? null : fromQuery(params);
  const existing = useReturn(editing ? routeId : 0);
  const complaint = useComplaint(query?.complaintId ?? 0);
  const draft = existing.data;

  if (editing && existing.isPending) return <Skeleton active />;
  if (editing && (existing.isError || !draft)) return <Alert type="error" showIcon message={problemToFormErrors(existing.error, t).message} />;
  if (draft && draft.state !== 'draft') {
    return (
      <Result
        status="info"
        title={t('returns.form.notDraft')}
        extra={
          <Link to={`/returns/${draft.id}`}>
            <Button type="primary">{t('returns.form.openApplication')}</Button>
          </Link>
        }
      />
    );
  }
  if (query && complaint.isPending) return <Skeleton active />;
  if (query && (complaint.isError || !complaint.data)) {
    return <Alert type="error" showIcon message={problemToFormErrors(complaint.error, t).message} />;
  }

  let carried: Carried | null = null;
  if (draft) carried = carriedFromReturn(draft);
  else if (query && complaint.data) {
    carried = carriedFromComplaint(complaint.data, query.line);
    if (!carried) return <Alert type="error" showIcon message={t('returns.form.lineMissing', { n: query.line + 1 })} />;
  }
  return (
    <ReturnForm
      key={draft?.id ?? `new-${query?.complaintId ?? ''}-${query?.line ?? ''}`}
      draft={draft ?? null}
      carried={carried}
      onStale={() => void existing.refetch()}
      onSaved={(id, number) => navigate(`/returns/${id}`, { state: { saved: number } })}
    />
  );
}

interface FormProps {
  draft: Schemas['ReturnView'] | null;
  carried: Carried | null;
  /** 412: the draft changed meanwhile; the page refetches it (the next save carries its new version). */
  onStale: () => void;
  onSaved: (id: number, number: string) => void;
}

function ReturnForm({ draft, carried, onStale, onSaved }: FormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReturnValues>();
  const save = useSaveReturn();
  const clearErrors = useClearErrorsOnEdit(form);
  const [error, setError] = useState<{ message: string; details: string[]; stale: boolean } | null>(null);
  const initial = useMemo(() => (draft ? fromReturnView(draft) : emptyReturnValues()), [draft?.id]);
  const fields = carried ? COMMON_FIELDS : STANDALONE_FIELDS;
  // useWatch is undefined until the form mounts: the draft's own rule set meanwhile (its facts render at once).
  const ruleSet = Form.useWatch('rule_set', form) ?? initial.rule_set;
  const retail = !carried && ruleSet === 'retail';

  // A consumer draft the server would refuse to submit: each refusal at its fact, as submit's 422 would put it.
  useEffect(() => {
    const problems = !carried && draft?.rule_set === 'retail' ? draft.eligibility.problems : [];
    const placed = problems.filter((p) => fields.includes(topField(formFieldName(p.field))));
    if (placed.length === 0) return;
    form.setFields(placed.map((p) => ({ name: fieldPath(formFieldName(p.field)), errors: [t(`validation.${p.code}`, { defaultValue: p.message })] })) as never);
  }, [draft?.id]);

  async function submit() {
    setError(null);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const from = carried ? { complaintId: carried.complaint.id, line: carried.line } : null;
    try {
      const body = toReturnInput(form.getFieldsValue(true), from);
      const saved = await save.mutateAsync({ id: draft?.id, version: draft?.version, body });
      onSaved(saved.id, saved.number);
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      const details = placeFieldErrors(form, p.fieldErrors, {
        isPlaced: (f) => fields.includes(topField(formFieldName(f))),
        label: (f) => (UNPLACED[f] ? t(UNPLACED[f]) : f),
        fieldName: formFieldName,
      });
      const stale = p.status === 412;
      if (stale) onStale();
      setError({ message: stale ? t('returns.detail.stale') : p.message, details, stale });
      const first = Object.keys(p.fieldErrors).map(formFieldName).find((f) => fields.includes(topField(f)));
      if (first) form.scrollToField(fieldPath(first), { block: 'center' });
    }
  }

  const title = draft ? t('returns.form.editTitle') : t('returns.form.newTitle');
  const required = { required: true, message: t('validation.required') };

  return (
    <section className="kehu-page kehu-return-form" aria-labelledby="page-title">
      <PageHeading title={title} extra={<span className="kehu-muted">{t('returns.form.paper')}</span>} />
      <div aria-live="assertive">
        {error && (
          <Alert
            type={error.stale ? 'warning' : 'error'}
            showIcon
            role="alert"
            message={error.message}
            description={error.details.length ? error.details.join('\n') : undefined}
            className="kehu-gap kehu-prose"
          />
        )}
      </div>
      <Card>
        <Form<ReturnValues>
          form={form}
          layout="vertical"
          name="return"
          initialValues={initial}
          disabled={save.isPending}
          scrollToFirstError
          onValuesChange={clearErrors}
        >
          <Typography.Title level={2} className="kehu-form__section">
            {t('returns.form.sectionApplication')}
          </Typography.Title>
          {carried ? (
            <CarriedFacts carried={carried} />
          ) : (
            <Row gutter={16}>
              <Col xs={24} md={10}>
                <Form.Item name="customer_id" label={t('returns.field.customer')} rules={[required]}>
                  <CustomerSelect placeholder={t('intake.customerPlaceholder')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={7}>
                <Form.Item name="kind" label={t('returns.field.kind')} rules={[required]}>
                  <Radio.Group
                    optionType="button"
                    // The consumer rule set offers a return or an exchange, not a rework.
                    options={RETURN_KINDS.map((k) => ({ value: k, label: t(`returns.kind.${k}`), disabled: retail && k === 'rework' }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={7}>
                <Form.Item name="order_number" label={t('returns.field.orderNumber')}>
                  <Input maxLength={64} />
                </Form.Item>
              </Col>
            </Row>
          )}
          <Form.Item name="reason" label={t('returns.field.reason')} rules={[{ ...required, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="sample_unit" valuePropName="checked" extra={t('returns.field.sampleUnitHint')}>
            <Checkbox>{t('returns.field.sampleUnit')}</Checkbox>
          </Form.Item>
          {!carried && (
            <>
              <Typography.Title level={2} className="kehu-form__section">
                {t('returns.field.items')}
              </Typography.Title>
              <ReturnLinesEditor form={form} />
            </>
          )}
          <Typography.Title level={2} className="kehu-form__section">
            {t('returns.form.sectionGrounds')}
          </Typography.Title>
          {!carried && (
            <Form.Item name="rule_set" label={t('returns.field.ruleSet')}>
              <Radio.Group data-testid="rule-set" options={RULE_SETS.map((r) => ({ value: r, label: t(`returns.ruleSet.${r}`) }))} />
            </Form.Item>
          )}
          {retail ? <RetailFields /> : <GroundsFields form={form} />}
        </Form>
      </Card>
      <div className="kehu-form-actions">
        <Space wrap>
          <Link to={draft ? `/returns/${draft.id}` : '/returns'}>
            <Button>{t('common.cancel')}</Button>
          </Link>
          <Button type="primary" onClick={() => void submit()} loading={save.isPending}>
            {t('returns.form.save')}
          </Button>
          <span className="kehu-muted">{t('returns.form.next')}</span>
        </Space>
      </div>
    </section>
  );
}
