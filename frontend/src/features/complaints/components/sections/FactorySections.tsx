import { Progress, Space, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../../api/types';
import { formatDateTime } from '../../../../lib/format';
import { Fields, Prose } from './CaseSection';
import { asObject, bool, str, strings } from './json';

type Complaint = Schemas['ComplaintView'];

export function RegistrationBody({ complaint: c }: { complaint: Complaint }) {
  const { t, i18n } = useTranslation();
  return (
    <Fields
      rows={[
        { label: t('complaint.number'), value: c.number },
        { label: t('detail.registeredAt'), value: c.registered_at ? formatDateTime(c.registered_at, i18n.language) : null },
        { label: t('complaints.severity'), value: c.severity ? t(`severity.${c.severity}`) : null },
        {
          label: t('complaints.kind'),
          value: c.kind
            ? `${t(`kind.${c.kind}`)}${c.non_quality_cause ? ` · ${t(`nonQualityCause.${c.non_quality_cause}`, { defaultValue: c.non_quality_cause })}` : ''}`
            : null,
        },
        { label: t('complaint.major'), value: c.is_major ? <Tag color="red">{t('complaint.major')}</Tag> : t('common.no') },
      ]}
    />
  );
}

/** QA's findings and the responsibility ratios as small bars, with the supplier behind a share. */
export function InvestigationBody({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const inv = asObject(c.investigation);
  if (bool(inv, 'invalid')) {
    return <Fields rows={[{ label: t('detail.invalidReason'), value: <Prose>{str(inv, 'reason')}</Prose>, span: 2 }]} columns={1} />;
  }
  const verified = bool(inv, 'defect_verified');
  return (
    <>
      <Fields
        rows={[
          { label: t('investigation.defectVerified'), value: verified === null ? null : verified ? t('common.yes') : t('common.no') },
          { label: t('investigation.engineeringNeeded'), value: c.engineering_requested ? t('common.yes') : t('common.no') },
          { label: t('investigation.cause'), value: <Prose>{str(inv, 'cause')}</Prose>, span: 2 },
          { label: t('investigation.findings'), value: <Prose>{str(inv, 'findings')}</Prose>, span: 2 },
          { label: t('investigation.countermeasureUnit'), value: c.countermeasure_department?.name },
        ]}
      />
      {c.responsibilities.length > 0 && (
        <div className="kehu-ratios" aria-label={t('complaint.responsibility')}>
          <div className="kehu-ratios__title">{t('complaint.responsibility')}</div>
          {c.responsibilities.map((r, i) => (
            <div key={i} className="kehu-ratio">
              <span className="kehu-ratio__name">
                {r.department_name ?? r.department_id}
                {r.team ? ` · ${r.team}` : ''}
                {r.supplier ? ` · ${t('investigation.supplierOf', { supplier: r.supplier })}` : ''}
              </span>
              <Progress percent={r.ratio_percent} size="small" aria-label={`${r.department_name ?? ''} ${r.ratio_percent}%`} />
            </div>
          ))}
        </div>
      )}
    </>
  );
}

export function ContainmentBody({ complaint: c }: { complaint: Complaint }) {
  const { t, i18n } = useTranslation();
  const due = c.containment_due_at ? formatDateTime(c.containment_due_at, i18n.language) : null;
  return (
    <>
      {due && <p className="kehu-muted">{t('detail.containmentDue', { time: due })}</p>}
      {c.containment.length === 0 ? (
        <span className="kehu-muted">{t('detail.noContainment')}</span>
      ) : (
        <Timeline
          items={c.containment.map((entry) => {
            const o = asObject(entry);
            const at = str(o, 'taken_at');
            return {
              children: (
                <>
                  <Space wrap size={4}>
                    {strings(o, 'measures').map((m) => (
                      <Tag key={m}>{t(`measure.${m}`, { defaultValue: m })}</Tag>
                    ))}
                    {at && <span className="kehu-muted">{formatDateTime(at, i18n.language)}</span>}
                  </Space>
                  <Prose>{str(o, 'description')}</Prose>
                </>
              ),
            };
          })}
        />
      )}
    </>
  );
}

export function CountermeasureBody({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const cm = asObject(c.countermeasure);
  return (
    <Fields
      columns={1}
      rows={[
        { label: t('detail.countermeasureUnit'), value: c.countermeasure_department?.name },
        { label: t('countermeasure.causeAnalysis'), value: <Prose>{str(cm, 'cause_analysis')}</Prose> },
        { label: t('complaint.containment'), value: <Prose>{str(cm, 'containment')}</Prose> },
        { label: t('complaint.permanentAction'), value: <Prose>{str(cm, 'permanent_actions')}</Prose> },
      ]}
    />
  );
}

export function TextBody({ text }: { text: string | null | undefined }) {
  return <Prose>{text}</Prose>;
}
