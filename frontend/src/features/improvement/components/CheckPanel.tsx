import { CheckCircleFilled, CloseCircleFilled, FileDoneOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/types';
import { formatDate, formatDateTime } from '../../../lib/format';
import { QUESTIONS } from '../lib/check';

type Check = Schemas['CheckView'];

const STATE_COLOR: Record<Check['state'], string> = { scheduled: 'processing', passed: 'success', failed: 'error' };

/** Where a check stands, in words (the colour only repeats them). */
export function CheckStateTag({ state }: { state: Check['state'] }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLOR[state]}>{t(`improvement.check.state.${state}`)}</Tag>;
}

/**
 * 措施有效性验证 of the closed case: when, which actions, and once recorded
 * the three answers, the evidence, and the follow-up case a failure raised.
 */
export function CheckPanel({ check, onRecord }: { check: Check; onRecord: () => void }) {
  const { t, i18n } = useTranslation();
  const recorded = check.state !== 'scheduled';

  return (
    <div className="kehu-check" data-testid="effectiveness-check">
      <div className="kehu-check__head">
        <Typography.Title level={3} className="kehu-check__title">
          {t('improvement.check.title')}
        </Typography.Title>
        <span className="kehu-tags">
          <CheckStateTag state={check.state} />
          {check.overdue && <Tag color="red">{t('improvement.check.overdue')}</Tag>}
        </span>
      </div>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'due', label: t('improvement.check.dueOn'), children: formatDate(check.due_on, i18n.language) },
          {
            key: 'actions',
            label: t('improvement.check.actions'),
            children:
              check.actions.length > 0 ? (
                <ol className="kehu-check__actions">
                  {check.actions.map((a, i) => (
                    <li key={i}>{a}</li>
                  ))}
                </ol>
              ) : (
                t('improvement.check.noActions')
              ),
          },
        ]}
      />
      {recorded && (
        <>
          <ul className="kehu-check__answers" aria-label={t('improvement.check.result')}>
            {QUESTIONS.map((q) => (
              <li key={q} className="kehu-check__answer">
                <span>{t(`improvement.question.${q}`)}</span>
                <Answer value={check[q]} />
              </li>
            ))}
          </ul>
          <div className="kehu-check__evidence">
            <span className="kehu-muted">{t('improvement.check.evidenceLabel')}</span>
            {check.evidence ?? '—'}
          </div>
          {check.checked_by && (
            <div className="kehu-muted">
              {t('improvement.check.checkedBy', { name: check.checked_by.name, time: check.checked_at ? formatDateTime(check.checked_at, i18n.language) : '' })}
            </div>
          )}
        </>
      )}
      {check.state === 'failed' && check.follow_up && (
        <Alert
          type="warning"
          showIcon
          className="kehu-gap-top"
          message={t('improvement.check.failedHint')}
          description={
            <Link to={`/complaints/${check.follow_up.id}`} data-testid="follow-up-link">
              {t('improvement.check.followUp', { name: check.follow_up.name })}
            </Link>
          }
        />
      )}
      {check.can_record && (
        <Button type="primary" icon={<FileDoneOutlined />} onClick={onRecord} className="kehu-gap-top">
          {t('improvement.check.record')}
        </Button>
      )}
    </div>
  );
}

/** 是 / 否 in words, with a mark that only repeats them. */
function Answer({ value }: { value: boolean | null | undefined }) {
  const { t } = useTranslation();
  if (value == null) return <span className="kehu-muted">—</span>;
  return value ? (
    <span className="kehu-check__yes">
      <CheckCircleFilled aria-hidden /> {t('improvement.yes')}
    </span>
  ) : (
    <span className="kehu-check__no">
      <CloseCircleFilled aria-hidden /> {t('improvement.no')}
    </span>
  );
}
