import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Card, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { gapLabel, type Gap } from '../lib/missing';
import { sectionCode } from '../lib/report';

interface Props {
  section: Schemas['SectionView'];
  /** Edited in the form since the last save: no longer as prefilled. */
  changed: boolean;
  /** What the last submit said this section lacks (shown as an error), else what the server lists (a hint while editing). */
  failed: Gap[] | undefined;
  editable: boolean;
  children: ReactNode;
}

/** One section D1–D8: its heading with 预填 / done / missing tags, what it lacks, and its fields or text. */
export function SectionCard({ section: s, changed, failed, editable, children }: Props) {
  const { t } = useTranslation();
  const code = sectionCode(s.section);
  const gaps: Gap[] = failed ?? (editable ? s.missing : []);
  return (
    <Card
      size="small"
      id={`section-${s.section}`}
      className="kehu-8d-section"
      data-testid={`section-${s.section}`}
      title={
        <Typography.Title level={2} className="kehu-8d-section__title">
          {code} {t(`eightD.section.${s.section}`, { defaultValue: s.section })}
        </Typography.Title>
      }
      extra={
        <span className="kehu-tags">
          {s.prefilled && !changed && (
            <Tag color="blue" title={t('eightD.prefilledHint')}>
              {t('eightD.prefilled')}
            </Tag>
          )}
          {s.complete ? (
            <Tag color="success" icon={<CheckCircleFilled />}>
              {t('eightD.complete')}
            </Tag>
          ) : (
            <Tag color="warning">{t('eightD.missingCount', { count: Math.max(s.missing.length, 1) })}</Tag>
          )}
        </span>
      }
    >
      {gaps.length > 0 && (
        <Alert
          type={failed ? 'error' : 'warning'}
          showIcon
          className="kehu-gap"
          data-testid={`gaps-${s.section}`}
          message={t('eightD.missingHere')}
          description={
            <ul className="kehu-8d-gaps">
              {gaps.map((g) => (
                <li key={g.field}>
                  {gapLabel(g.field, t)}
                  {g.message ? `：${g.message}` : ''}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {children}
    </Card>
  );
}
