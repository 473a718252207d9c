import { Alert, Button, Card, Form, Result, Skeleton, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { problemToFormErrors, toAntdFields, type FormErrors } from '../../../api/problem';
import { PageHeading } from '../../../components/PageHeading';
import { isCode } from '../../../lib/codes';
import { formatDateTime } from '../../../lib/format';
import { useClearErrorsOnEdit } from '../../../lib/useClearErrorsOnEdit';
import { useComplaintAction, useSaveIntake } from '../api/mutations';
import { useComplaint } from '../api/queries';
import { fromComplaint, INTAKE_FIELDS, toIntakeRequest, type IntakeValues } from '../lib/intake';
import { IntakeFields } from './IntakeFields';
import '../complaints.css';

/** Messages for fields the form does not show, so none is lost. */
function unplaced(fieldErrors: Record<string, string>, t: (k: string) => string): string[] {
  return Object.entries(fieldErrors)
    .filter(([field]) => !isCode(field, INTAKE_FIELDS))
    .map(([field, message]) => `${t(`fieldName.${field}`)}: ${message}`);
}

interface Carried {
  savedAt?: string;
  problem?: FormErrors;
}

/** 新建投诉 / 编辑草稿: the complaint form, saved as a draft or submitted. */
export default function IntakePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const routeId = params.id ? Number(params.id) : undefined;
  const existing = useComplaint(routeId ?? 0);
  const [form] = Form.useForm<IntakeValues>();
  const save = useSaveIntake();
  const act = useComplaintAction();
  const clearErrors = useClearErrorsOnEdit(form);
  const [error, setError] = useState<{ message: string; details: string[] } | null>(null);
  const location = useLocation();
  const carried = location.state as Carried | null;
  const [savedAt, setSavedAt] = useState<string | null>(carried?.savedAt ?? null);
  const draft = existing.data;
  const initial = useMemo(() => (draft ? fromComplaint(draft) : { requests: [] }), [draft?.id]);

  const title = routeId ? t('intake.editTitle') : t('intake.newTitle');
  const busy = save.isPending || act.isPending;

  function show(problem: FormErrors) {
    form.setFields(toAntdFields<IntakeValues>(problem.fieldErrors));
    setError({ message: problem.message, details: unplaced(problem.fieldErrors, t) });
    const first = Object.keys(problem.fieldErrors)[0];
    if (first) form.scrollToField(first, { block: 'center' });
  }

  // A new draft moves to its own URL once saved; errors of the submit that
  // followed travel with it in the location state.
  useEffect(() => {
    if (draft && carried?.problem) show(carried.problem);
  }, [draft?.id]);

  async function persist(moveToDraftUrl: boolean): Promise<{ id: number; version: number } | null> {
    setError(null);
    try {
      await form.validateFields();
    } catch {
      return null;
    }
    try {
      const saved = await save.mutateAsync({ id: draft?.id, version: draft?.version, body: toIntakeRequest(form.getFieldsValue(true)) });
      setSavedAt(saved.updated_at);
      if (!routeId && moveToDraftUrl) {
        navigate(`/complaints/${saved.id}/edit`, { replace: true, state: { savedAt: saved.updated_at } satisfies Carried });
      }
      return { id: saved.id, version: saved.version };
    } catch (failure) {
      show(problemToFormErrors(failure, t));
      return null;
    }
  }

  async function submit() {
    const saved = await persist(false);
    if (!saved) return;
    try {
      await act.mutateAsync({ ...saved, action: 'submit', body: {} });
      navigate(`/complaints/${saved.id}`);
    } catch (failure) {
      const problem = problemToFormErrors(failure, t);
      if (routeId) show(problem);
      else navigate(`/complaints/${saved.id}/edit`, { replace: true, state: { problem } satisfies Carried });
    }
  }

  if (routeId && existing.isPending) return <Skeleton active />;
  if (routeId && existing.isError) return <Alert type="error" showIcon message={problemToFormErrors(existing.error, t).message} />;
  if (draft && draft.state !== 'draft') {
    return (
      <Result
        status="info"
        title={t('intake.notDraft')}
        extra={
          <Link to={`/complaints/${draft.id}`}>
            <Button type="primary">{t('intake.openCase')}</Button>
          </Link>
        }
      />
    );
  }
  const canSubmit = !draft || draft.available_actions.includes('submit');

  return (
    <section className="kehu-page kehu-intake" aria-labelledby="page-title">
      <PageHeading title={title} extra={<span className="kehu-muted">{t('complaint.form')}</span>} />
      <div aria-live="assertive">
        {error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={error.message}
            description={error.details.length ? error.details.join('\n') : undefined}
            className="kehu-gap"
          />
        )}
      </div>
      <Card>
        <Form<IntakeValues>
          form={form}
          layout="vertical"
          name="intake"
          initialValues={initial}
          disabled={busy}
          scrollToFirstError
          onValuesChange={clearErrors}
        >
          <IntakeFields form={form} />
        </Form>
      </Card>
      <div className="kehu-form-actions">
        <Space wrap>
          <Button onClick={() => void persist(true)} loading={save.isPending && !act.isPending}>
            {t('intake.saveDraft')}
          </Button>
          {canSubmit && (
            <Button type="primary" onClick={() => void submit()} loading={act.isPending}>
              {t('action.submit')}
            </Button>
          )}
          {savedAt && (
            <span className="kehu-muted" role="status">
              {t('intake.savedAt', { time: formatDateTime(savedAt, i18n.language) })}
            </span>
          )}
        </Space>
      </div>
    </section>
  );
}
