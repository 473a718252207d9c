import { Alert, Button, Col, Form, Result, Row, Skeleton, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { formatDateTime } from '../../../lib/format';
import { placeFieldErrors, topField } from '../../../lib/form-errors';
import { useClearErrorsOnEdit } from '../../../lib/useClearErrorsOnEdit';
import { useEightDAction, useSaveEightD } from '../api/mutations';
import { useEightD } from '../api/queries';
import { gapsBySection, type Gap } from '../lib/missing';
import { SECTIONS, toReport, toValues, type EightDAction, type EightDView, type ReportValues, type SectionName } from '../lib/report';
import { EightDHeader } from './EightDHeader';
import { EightDProgress } from './EightDProgress';
import { ReviewDrawer, type ReviewAction } from './ReviewDrawer';
import { ActionFields, ContainmentFields, TeamFields } from './RowFields';
import { SectionCard } from './SectionCard';
import { ClosureFields, PreventionFields, ProblemFields, RootCauseFields, VerificationFields } from './SectionFields';
import { SectionReadOnly } from './SectionReadOnly';
import '../eight-d.css';

/** Kept as keys so the message follows a language switch (a server failure stays as it came). */
interface Feedback {
  type: 'success' | 'warning' | 'error';
  key: string;
  action?: EightDAction;
  detail?: string;
}

function EditFields({ section, view }: { section: SectionName; view: EightDView }) {
  switch (section) {
    case 'team':
      return <TeamFields known={view.people} />;
    case 'problem':
      return <ProblemFields />;
    case 'containment':
      return <ContainmentFields />;
    case 'root_cause':
      return <RootCauseFields />;
    case 'actions':
      return <ActionFields known={view.people} />;
    case 'verification':
      return <VerificationFields />;
    case 'prevention':
      return <PreventionFields />;
    case 'closure':
      return <ClosureFields />;
  }
}

/**
 * 8D 问题处理报告: D1–D8 with their progress, edited by the team while a
 * draft (one 保存 for the whole report), submitted for review, and approved
 * or sent back by the QA manager.
 */
export default function EightDPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const query = useEightD(id);
  const save = useSaveEightD();
  const act = useEightDAction();
  const [form] = Form.useForm<ReportValues>();
  const clearErrors = useClearErrorsOnEdit(form);
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const [gaps, setGaps] = useState<Map<string, Gap[]> | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [review, setReview] = useState<ReviewAction | null>(null);
  const v = query.data;
  // The form starts from the report as read; later reads (after a 412) leave the user's edits alone.
  const initial = useMemo(() => (v ? toValues(v.report) : undefined), [v?.complaint.id, v?.can_edit]);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError || !v) {
    const problem = problemToFormErrors(query.error, t);
    return <Result status={problem.status === 404 ? '404' : 'error'} title={problem.message} />;
  }
  const view = v;

  /** 409 / 412 / anything else go to the page's alert (and refetch); a 422 is left to the caller, which knows where it belongs. */
  function failed(failure: unknown, action?: EightDAction): ReturnType<typeof problemToFormErrors> {
    const p = problemToFormErrors(failure, t);
    if (p.status === 412) {
      setFeedback({ type: 'warning', key: 'eightD.stale' });
      void query.refetch();
    } else if (p.status === 409) {
      setFeedback({ type: 'warning', key: 'eightD.conflict', action, detail: p.message });
      void query.refetch();
    } else if (p.status !== 422) setFeedback({ type: 'error', key: '', detail: p.message });
    return p;
  }

  /** PUT the whole report; the saved report, or null when it was not saved. */
  async function saveReport(): Promise<EightDView | null> {
    try {
      await form.validateFields();
    } catch {
      return null;
    }
    setFeedback(null);
    try {
      const saved = await save.mutateAsync({ complaintId: view.complaint.id, version: view.version, report: toReport(form.getFieldsValue(true)) });
      form.setFieldsValue(toValues(saved.report));
      setChanged(new Set());
      return saved;
    } catch (failure) {
      const p = failed(failure);
      if (p.status === 422) {
        const rest = placeFieldErrors(form, p.fieldErrors, { isPlaced: (f) => (SECTIONS as readonly string[]).includes(topField(f)), label: (f) => f });
        setFeedback({ type: 'error', key: '', detail: [p.message, ...rest].join('\n') });
      }
      return null;
    }
  }

  async function onSave() {
    if (await saveReport()) setFeedback({ type: 'success', key: 'eightD.saved' });
  }

  /** 提交审核: unsaved edits are saved first, so what is reviewed is what is on screen. */
  async function onSubmit() {
    let version = view.version;
    if (changed.size > 0) {
      const saved = await saveReport();
      if (!saved) return;
      version = saved.version;
    }
    setFeedback(null);
    try {
      await act.mutateAsync({ complaintId: view.complaint.id, version, action: 'submit' });
      setGaps(null);
      setFeedback({ type: 'success', key: 'eightD.done.submit' });
    } catch (failure) {
      const p = failed(failure, 'submit');
      if (p.status === 422) {
        setGaps(gapsBySection(Object.entries(p.fieldErrors).map(([field, message]) => ({ field, message }))));
        setFeedback({ type: 'error', key: 'eightD.incomplete' });
      }
    }
  }

  const available = view.available_actions;
  const editable = view.can_edit;
  const busy = save.isPending || act.isPending;
  const sections = view.sections.filter((s): s is typeof s & { section: SectionName } => (SECTIONS as readonly string[]).includes(s.section));
  const cards = sections.map((s) => (
    <SectionCard key={s.section} section={s} changed={changed.has(s.section)} failed={gaps?.get(s.section)} editable={editable}>
      {editable ? <EditFields section={s.section} view={view} /> : <SectionReadOnly section={s.section} view={view} />}
    </SectionCard>
  ));

  return (
    <article className="kehu-8d" aria-labelledby="page-title">
      <EightDHeader view={view} />
      <div aria-live="polite">
        {feedback && (
          <Alert
            type={feedback.type}
            showIcon
            closable
            role="status"
            className="kehu-gap kehu-prose"
            message={feedback.key ? t(feedback.key, { action: feedback.action ? t(`eightD.action.${feedback.action}`) : '', detail: feedback.detail }) : feedback.detail}
            onClose={() => setFeedback(null)}
          />
        )}
      </div>
      {view.state === 'draft' && view.review_comment && (
        <Alert type="warning" showIcon className="kehu-gap kehu-prose" data-testid="review-comment" message={t('eightD.reviewComment')} description={view.review_comment} />
      )}
      {view.state === 'in_review' && <Alert type="info" showIcon className="kehu-gap" message={t(available.includes('approve') ? 'eightD.awaitingYou' : 'eightD.inReview')} />}
      {view.state === 'approved' && view.approved_by && (
        <Alert
          type="success"
          showIcon
          className="kehu-gap"
          message={t('eightD.approvedBy', { name: view.approved_by.name, time: view.approved_at ? formatDateTime(view.approved_at, i18n.language) : '' })}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={6}>
          <EightDProgress sections={sections} changed={changed} />
        </Col>
        <Col xs={24} lg={18} className="kehu-8d-sections">
          {editable ? (
            <Form<ReportValues>
              key={view.complaint.id}
              form={form}
              layout="vertical"
              name="eight-d"
              initialValues={initial}
              disabled={busy}
              onValuesChange={(change: Partial<ReportValues>) => {
                clearErrors(change);
                setChanged((before) => new Set([...before, ...Object.keys(change)]));
              }}
            >
              {cards}
            </Form>
          ) : (
            cards
          )}
          {(editable || available.length > 0) && (
            <div className="kehu-8d-bar" role="toolbar" aria-label={t('detail.actions')}>
              <Space wrap>
                {editable && (
                  <Button onClick={() => void onSave()} loading={save.isPending} disabled={act.isPending}>
                    {t('eightD.save')}
                  </Button>
                )}
                {available.includes('submit') && (
                  <Button type="primary" onClick={() => void onSubmit()} loading={act.isPending} disabled={save.isPending}>
                    {t('eightD.action.submit')}
                  </Button>
                )}
                {available.includes('send_back') && (
                  <Button danger onClick={() => setReview('send_back')}>
                    {t('eightD.action.send_back')}
                  </Button>
                )}
                {available.includes('approve') && (
                  <Button type="primary" onClick={() => setReview('approve')}>
                    {t('eightD.action.approve')}
                  </Button>
                )}
                {changed.size > 0 && <span className="kehu-muted">{t('eightD.unsaved')}</span>}
              </Space>
            </div>
          )}
        </Col>
      </Row>
      <ReviewDrawer
        view={view}
        action={review}
        onClose={() => setReview(null)}
        onStale={() => void query.refetch()}
        onConflict={(action, message) => {
          setReview(null);
          setFeedback({ type: 'warning', key: 'eightD.conflict', action, detail: message });
          void query.refetch();
        }}
        onDone={(action) => {
          setReview(null);
          setFeedback({ type: 'success', key: `eightD.done.${action}` });
        }}
      />
    </article>
  );
}
