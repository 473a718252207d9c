import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { PrintFields, PrintLayout, PrintTable } from '../../../components/print/PrintLayout';
import { formatDate } from '../../../lib/format';
import { useSession } from '../../auth/hooks/useSession';
import { useComplaintOfReport, useEightD } from '../api/queries';
import { CHECKS, sectionCode, type SectionName } from '../lib/report';
import { nameOf } from './SectionReadOnly';
import '../eight-d.css';

/**
 * 8D 问题处理报告 on A4, for the customer: the case's customer and product,
 * each section under the manual's heading, the team by name, and the
 * sign-off blocks (编制 / 审核 / 品保部经理核准). Nothing internal is printed:
 * no amounts, no responsibility ratios, no review comments.
 */
export default function EightDPrintPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const query = useEightD(id);
  const complaint = useComplaintOfReport(id);
  const { user } = useSession();
  const v = query.data;
  const locale = i18n.language;

  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError || !v) {
    const problem = problemToFormErrors(query.error, t);
    return <Result status={problem.status === 404 ? '404' : 'error'} title={problem.message} />;
  }

  const r = v.report;
  const name = nameOf(v);
  const day = (d: string | null | undefined) => (d ? formatDate(d, locale) : '');
  const c = complaint.data;
  const section = (key: SectionName, body: ReactNode) => (
    <section key={key} className="kehu-8d-print__section" aria-labelledby={`print-${key}`} data-testid={`print-${key}`}>
      <h2 id={`print-${key}`} className="kehu-8d-print__heading">
        {sectionCode(key)} {t(`eightD.section.${key}`)}
      </h2>
      {body}
    </section>
  );
  const none = t('eightD.none');

  return (
    <PrintLayout
      company={user?.org_name ?? t('eightD.print.company')}
      title={t('eightD.title')}
      number={v.name}
      numberLabel={t('eightD.print.numberLabel')}
      printLabel={t('eightD.print.print')}
      toolbar={
        <Link to={`/complaints/${v.complaint.id}/8d`}>
          <Button icon={<ArrowLeftOutlined />}>{t('eightD.print.back')}</Button>
        </Link>
      }
      signOff={{
        title: t('eightD.print.signOff'),
        signature: t('eightD.print.signature'),
        date: t('eightD.print.date'),
        rows: [
          { label: t('eightD.print.signer.prepared'), name: v.created_by.name },
          { label: t('eightD.print.signer.reviewed'), name: v.submitted_by?.name, date: day(v.submitted_at) },
          { label: t('eightD.print.signer.approved'), name: v.approved_by?.name, date: day(v.approved_at) },
        ],
      }}
    >
      <PrintFields
        fields={[
          { label: t('eightD.print.customer'), value: c?.customer.name },
          { label: t('eightD.print.complaint'), value: v.complaint.name },
          { label: t('eightD.print.product'), value: c?.intake.product_number },
          { label: t('eightD.print.productSpec'), value: c?.intake.product_spec },
          { label: t('eightD.print.state'), value: `${t(`eightD.state.${v.state}`)}${v.state === 'approved' ? '' : ` — ${t('eightD.validOnce')}`}`, wide: true },
        ]}
      />
      {section(
        'team',
        <PrintTable
          columns={[
            { key: 'name', title: t('eightD.print.name'), render: (m) => name(m.user_id) },
            { key: 'role', title: t('eightD.field.role'), render: (m) => t(`eightD.role.${m.role}`) },
          ]}
          rows={r.team}
        />,
      )}
      {section('problem', <PrintFields fields={[{ label: t('eightD.section.problem'), value: r.problem, wide: true }]} />)}
      {section(
        'containment',
        r.containment.length === 0 ? (
          <p>{none}</p>
        ) : (
          <PrintTable
            columns={[
              { key: 'measure', title: t('eightD.field.measure'), render: (s) => t(`measure.${s.measure}`) },
              { key: 'description', title: t('eightD.field.description'), render: (s) => s.description },
              { key: 'done', title: t('eightD.field.done_on'), render: (s) => day(s.done_on) },
            ]}
            rows={r.containment}
          />
        ),
      )}
      {section(
        'root_cause',
        <PrintFields
          fields={[
            { label: t('eightD.field.methods'), value: r.root_cause.methods.map((m) => t(`eightD.method.${m}`)).join(t('common.listSeparator')), wide: true },
            { label: t('eightD.field.cause'), value: r.root_cause.cause, wide: true },
          ]}
        />,
      )}
      {section(
        'actions',
        r.actions.length === 0 ? (
          <p>{none}</p>
        ) : (
          <PrintTable
            columns={[
              { key: 'action', title: t('eightD.field.action'), render: (a) => a.action },
              { key: 'owner', title: t('eightD.field.owner_id'), render: (a) => name(a.owner_id) },
              { key: 'due', title: t('eightD.field.due_on'), render: (a) => day(a.due_on) },
              { key: 'done', title: t('eightD.field.done_on'), render: (a) => day(a.done_on) },
            ]}
            rows={r.actions}
          />
        ),
      )}
      {section(
        'verification',
        <PrintTable
          columns={[
            { key: 'check', title: t('eightD.section.verification'), render: (check) => t(`eightD.check.${check}`) },
            { key: 'result', title: t('eightD.print.result'), render: (check) => answer(r.verification[check]?.passed) },
            { key: 'evidence', title: t('eightD.field.evidence'), render: (check) => r.verification[check]?.evidence ?? '' },
          ]}
          rows={[...CHECKS]}
        />,
      )}
      {section(
        'prevention',
        <PrintFields
          fields={[
            { label: t('eightD.field.documents'), value: r.prevention.documents.map((d) => t(`eightD.document.${d}`)).join(t('common.listSeparator')), wide: true },
            { label: t('eightD.field.note'), value: r.prevention.note, wide: true },
          ]}
        />,
      )}
      {section(
        'closure',
        <PrintFields
          fields={[
            { label: t('eightD.field.summary'), value: r.closure?.summary, wide: true },
            { label: t('eightD.field.closed_on'), value: day(r.closure?.closed_on) },
          ]}
        />,
      )}
    </PrintLayout>
  );

  function answer(passed: boolean | undefined): string {
    if (passed === undefined) return t('eightD.notAnswered');
    return t(passed ? 'eightD.passed' : 'eightD.notPassed');
  }
}
