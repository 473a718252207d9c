import { CheckCircleFilled, ExclamationCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { sectionCode } from '../lib/report';

/** D1–D8 at a glance: done (✓) or how much is missing, each a link to its section. */
export function EightDProgress({ sections, changed }: { sections: Schemas['SectionView'][]; changed: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const done = sections.filter((s) => s.complete).length;
  return (
    <nav aria-label={t('eightD.progress')} className="kehu-8d-progress">
      <div className="kehu-muted" data-testid="progress-summary">
        {t('eightD.progressSummary', { done, total: sections.length })}
      </div>
      <ol>
        {sections.map((s) => (
          <li key={s.section} className={s.complete ? 'is-complete' : 'is-missing'} data-testid={`progress-${s.section}`}>
            <a href={`#section-${s.section}`}>
              <span className="kehu-8d-progress__code">{sectionCode(s.section)}</span>
              <span className="kehu-8d-progress__name">{t(`eightD.section.${s.section}`, { defaultValue: s.section })}</span>
              {s.complete ? (
                <CheckCircleFilled className="kehu-8d-ok" aria-label={t('eightD.complete')} />
              ) : (
                <span className="kehu-8d-progress__missing">
                  <ExclamationCircleOutlined aria-hidden /> {t('eightD.missingCount', { count: Math.max(s.missing.length, 1) })}
                </span>
              )}
              {s.prefilled && !changed.has(s.section) && <Tag color="blue">{t('eightD.prefilled')}</Tag>}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
