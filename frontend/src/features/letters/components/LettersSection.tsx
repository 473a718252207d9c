import { Card, List, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import { useCaseLetters } from '../api/queries';
import { formatLate } from '../lib/letters';
import { LetterKindTag, LetterStatusTag } from './LetterTags';
import '../letters.css';

/** The card's anchor on the case page. */
export const LETTERS_SECTION = 'section-letters';

/**
 * 催办与洽办 on the case: its reminders and inquiries, oldest first, each
 * opening its letter. Shown only when the case has any; a failed read hides
 * it too (the case is the page's business).
 */
export function LettersSection({ complaint: c }: { complaint: Schemas['ComplaintView'] }) {
  const { t, i18n } = useTranslation();
  const letters = useCaseLetters(c.id, !!c.number);
  const version = useRef(c.version);

  // The case read again and changed (someone acted, a 412): a reminder may be over, or a new one sent.
  useEffect(() => {
    if (version.current === c.version) return;
    version.current = c.version;
    void letters.refetch({ cancelRefetch: false });
  }, [c.version]);

  const items = letters.data?.items ?? [];
  if (items.length === 0) return null;
  const locale = i18n.language;

  return (
    <Card
      id={LETTERS_SECTION}
      size="small"
      className="kehu-section kehu-letters"
      title={
        <Typography.Title level={2} className="kehu-section__title">
          {t('letters.title')}
        </Typography.Title>
      }
    >
      <List
        size="small"
        dataSource={items}
        rowKey="id"
        aria-label={t('letters.title')}
        renderItem={(l) => (
          <List.Item>
            <div className="kehu-letters__row" data-testid="case-letter">
              <span className="kehu-letters__facts">
                <Link to={`/letters/${l.id}`}>{l.number}</Link>
                <LetterKindTag kind={l.kind} />
                <span>{t(`state.${l.step}`, { defaultValue: l.step })}</span>
              </span>
              <span className="kehu-letters__facts">
                <span className="kehu-muted">
                  {t('letters.due')} {formatDateTime(l.due_at, locale)}
                </span>
                <span className="kehu-muted">
                  {t('letters.late')} {formatLate(l.late_minutes, t)}
                </span>
                <LetterStatusTag letter={l} />
              </span>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
