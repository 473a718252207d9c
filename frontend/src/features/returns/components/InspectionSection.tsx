import { Button, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { formatDate, formatDateTime } from '../../../lib/format';
import { Fields, Prose } from '../../complaints/components/sections/CaseSection';
import type { Condition } from '../lib/service';
import { PartsTable } from './PartsTable';
import { Section } from './ReturnSections';

type ReturnView = Schemas['ReturnView'];

export function ConditionTag({ condition }: { condition: Condition }) {
  const { t } = useTranslation();
  return (
    <Tag color={condition === 'good' ? 'success' : 'error'} data-condition={condition}>
      {t(`returns.inspection.condition.${condition}`)}
    </Tag>
  );
}

/**
 * 现场检验 of an approved application: skipped for a sample unit; once
 * recorded, function, appearance, the parts list and who signed; the
 * button for customer service while it is due.
 */
export function InspectionSection({ application: r, onInspect }: { application: ReturnView; onInspect: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const i = r.inspection;
  const button = r.can_inspect && (
    <Button type="primary" onClick={onInspect} data-action="inspect">
      {t('returns.inspection.record')}
    </Button>
  );

  let body;
  if (!r.inspection_needed) {
    body = <p data-testid="inspection-not-needed">{t('returns.inspection.notNeeded')}</p>;
  } else if (!i) {
    body = <p className="kehu-muted">{t('returns.inspection.pending')}</p>;
  } else {
    const notes = [
      { label: t('returns.inspection.functionNote'), value: i.function_note },
      { label: t('returns.inspection.appearanceNote'), value: i.appearance_note },
    ].filter((n) => !!n.value);
    body = (
      <>
        <Fields
          rows={[
            { label: t('returns.inspection.function'), value: <ConditionTag condition={i.function} /> },
            { label: t('returns.inspection.appearance'), value: <ConditionTag condition={i.appearance} /> },
          ]}
        />
        {notes.length > 0 && <Fields columns={1} rows={notes.map((n) => ({ label: n.label, value: <Prose>{n.value}</Prose> }))} />}
        <div role="group" aria-labelledby="parts-title" className="kehu-parts">
          <Typography.Title level={3} id="parts-title" className="kehu-parts__title">
            {t('returns.inspection.parts')}
          </Typography.Title>
          <PartsTable parts={i.parts} />
        </div>
        <Fields
          rows={[
            { label: t('returns.inspection.signedBy'), value: i.signed_by },
            { label: t('returns.inspection.signedOn'), value: i.signed_on ? formatDate(i.signed_on, locale) : null },
            { label: t('returns.inspection.inspectedBy'), value: i.inspected_by?.name },
            { label: t('returns.inspection.inspectedAt'), value: i.inspected_at ? formatDateTime(i.inspected_at, locale) : null },
          ]}
        />
      </>
    );
  }

  return (
    <Section id="section-inspection" title={t('returns.inspection.title')} extra={button}>
      {body}
    </Section>
  );
}
