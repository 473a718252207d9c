import { Card, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/types';
import { formatDate, formatDateTime } from '../../../lib/format';
import { Fields, Prose } from '../../complaints/components/sections/CaseSection';
import { OTHER_GROUNDS } from '../lib/form';
import { RetailFacts } from './RetailFacts';
import { ReturnItems } from './ReturnItems';

type ReturnView = Schemas['ReturnView'];

/** One card of the application, titled; `extra` holds its own button. */
export function Section({ id, title, extra, testId, children }: { id: string; title: string; extra?: ReactNode; testId?: string; children: ReactNode }) {
  return (
    <Card
      id={id}
      data-testid={testId}
      size="small"
      className="kehu-section"
      title={
        <Typography.Title level={2} className="kehu-section__title">
          {title}
        </Typography.Title>
      }
      extra={extra}
    >
      {children}
    </Card>
  );
}

/** The application as filled in, its items, its grounds, and what the approvers wrote; then `children` (what follows approval). */
export function ReturnSections({ application: r, children }: { application: ReturnView; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const e = r.eligibility;
  const notes = [
    { label: t('returns.field.retentionNote'), value: r.retention_note },
    { label: t('returns.field.extensionReason'), value: r.extension_reason },
    { label: t('returns.field.refusalReason'), value: r.refusal_reason },
  ].filter((n) => !!n.value);

  return (
    <div className="kehu-sections">
      <Section id="section-application" title={t('returns.form.sectionApplication')}>
        <Fields
          rows={[
            { label: t('returns.field.customer'), value: <Link to={`/customers/${r.customer.id}`}>{r.customer.name}</Link> },
            {
              label: t('returns.field.complaint'),
              value: r.complaint ? (
                <Link to={`/complaints/${r.complaint.id}`}>
                  {r.complaint.name}
                  {r.complaint_line != null && ` · ${t('returns.field.line', { n: r.complaint_line + 1 })}`}
                </Link>
              ) : null,
            },
            { label: t('returns.field.kind'), value: t(`returns.kind.${r.kind}`) },
            { label: t('returns.field.orderNumber'), value: r.order_number },
            { label: t('returns.field.raisedBy'), value: `${r.raised_by.name} · ${r.sales_department.name}` },
            { label: t('returns.field.createdAt'), value: formatDate(r.created_at, locale) },
            { label: t('returns.field.reason'), value: <Prose>{r.reason}</Prose>, span: 2 },
            { label: t('returns.field.sampleUnit'), value: r.sample_unit ? t('common.yes') : t('common.no') },
            { label: t('returns.field.ruleSet'), value: <span data-testid="rule-set-view">{t(`returns.ruleSet.${r.rule_set}`)}</span> },
          ]}
        />
      </Section>
      <Section id="section-items" title={t('returns.field.items')}>
        <ReturnItems items={r.lines.map((l) => ({ ...l, description: l.description ?? null }))} total={r.total} />
      </Section>
      <Section id="section-grounds" title={t('returns.form.sectionGrounds')}>
        <Tag color={e.eligible ? 'success' : 'warning'} className="kehu-gap" data-testid="grounds-eligible">
          {e.eligible ? t('returns.grounds.eligible') : t('returns.grounds.notEligible')}
        </Tag>
        {r.rule_set === 'retail' ? (
          <RetailFacts application={r} />
        ) : (
          <Fields
            columns={1}
            rows={(['within_warranty', ...OTHER_GROUNDS] as const).map((g) => ({
              label: t(`returns.grounds.${g}`),
              value: e[g] ? <Prose>{e[g]}</Prose> : <span className="kehu-muted">{t('returns.grounds.notClaimed')}</span>,
            }))}
          />
        )}
      </Section>
      {(notes.length > 0 || r.decided_at) && (
        <Section id="section-notes" title={t('returns.detail.notes')}>
          <Fields
            columns={1}
            rows={[
              ...notes.map((n) => ({ label: n.label, value: <Prose>{n.value}</Prose> })),
              ...(r.decided_at ? [{ label: t('returns.field.decidedAt'), value: formatDateTime(r.decided_at, locale) }] : []),
            ]}
          />
        </Section>
      )}
      {children}
    </div>
  );
}
