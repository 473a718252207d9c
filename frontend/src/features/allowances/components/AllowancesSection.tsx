import { FileAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { formatDate, formatMoney } from '../../../lib/format';
import { isSales } from '../../../lib/roles';
import { useSession } from '../../auth/hooks/useSession';
import { useComplaintAllowances } from '../api/queries';
import { isAllowanceKind, isLive } from '../lib/states';
import { AllowanceStateTag } from './AllowanceStateTag';
import { RaiseAllowanceDrawer } from './RaiseAllowanceDrawer';
import '../allowances.css';

interface Props {
  complaint: Schemas['ComplaintView'];
  /** The resolution is approved and still stands (the complaint page knows its own rule). */
  resolutionApproved: boolean;
}

/**
 * 销货折让证明单: the certificates raised on this complaint and, for sales
 * once the resolution is approved, 开立 on each discount or compensation
 * line that no live certificate covers yet (as the returns section offers an
 * application on the lines whose goods come back). Shown once the resolution
 * has such a line, or a certificate exists.
 */
export function AllowancesSection({ complaint: c, resolutionApproved }: Props) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const locale = i18n.language;
  const [raising, setRaising] = useState<number | null>(null);
  const lines = c.resolution.lines.map((line, index) => ({ line, index })).filter(({ line }) => isAllowanceKind(line.kind));
  const list = useComplaintAllowances(c.id);
  const items = list.data?.items ?? [];
  const canRaise = isSales(user?.roles) && resolutionApproved && lines.length > 0;
  const settled = list.isSuccess;
  const coveredBy = new Map<number, { id: number; number: string }>();
  for (const a of items) if (isLive(a.state)) coveredBy.set(a.complaint_line, { id: a.id, number: a.number });

  if (lines.length === 0 && items.length === 0) return null;

  return (
    <Card
      id="section-allowances"
      size="small"
      className="kehu-section"
      title={
        <Typography.Title level={2} className="kehu-section__title">
          {t('allowances.complaint.title')}
        </Typography.Title>
      }
    >
      {list.isError && <Alert type="error" showIcon message={problemToFormErrors(list.error, t).message} />}
      {!list.isPending && !list.isError && items.length === 0 ? (
        <Typography.Text type="secondary">{t('allowances.complaint.none')}</Typography.Text>
      ) : (
        <List
          size="small"
          loading={list.isPending}
          dataSource={items}
          rowKey="id"
          renderItem={(a) => (
            <List.Item>
              <span className="kehu-tags">
                <Link to={`/allowances/${a.id}`}>{a.number}</Link>{' '}
                <span className="kehu-muted">
                  {t(`allowances.kind.${a.kind}`, { defaultValue: a.kind })} · {formatMoney(a.amount.amount, locale, a.amount.currency)}
                </span>
              </span>
              <span className="kehu-tags">
                <AllowanceStateTag state={a.state} />
                <span className="kehu-muted">{formatDate(a.created_at, locale)}</span>
              </span>
            </List.Item>
          )}
        />
      )}
      {canRaise && settled && (
        <ul className="kehu-allowance-lines" aria-label={t('allowances.complaint.lines')}>
          {lines.map(({ line, index }) => {
            const cover = coveredBy.get(index);
            const n = index + 1;
            return (
              <li key={index} className="kehu-allowance-line" data-testid="allowance-line">
                <span>
                  {t('allowances.field.line', { n })} · {t(`allowances.kind.${line.kind}`, { defaultValue: line.kind })} ·{' '}
                  <span className="kehu-amount">{formatMoney(line.settlement.amount, locale, line.settlement.currency)}</span>
                  {line.remarks && <span className="kehu-muted"> · {line.remarks}</span>}
                </span>
                {cover ? (
                  <span className="kehu-muted">{t('allowances.complaint.covered', { number: cover.number })}</span>
                ) : (
                  <Button
                    icon={<FileAddOutlined />}
                    onClick={() => setRaising(index)}
                    aria-label={t('allowances.complaint.raiseLine', { n })}
                    data-action="raise-allowance"
                  >
                    {t('allowances.complaint.raise')}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <RaiseAllowanceDrawer complaint={c} lines={c.resolution.lines} line={raising} onClose={() => setRaising(null)} />
    </Card>
  );
}
