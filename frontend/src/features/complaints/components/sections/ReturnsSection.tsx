import { Alert, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemToFormErrors } from '../../../../api/problem';
import type { Schemas } from '../../../../api/types';
import { ReturnStateTag } from '../../../../components/ReturnStateTag';
import { formatDate } from '../../../../lib/format';
import { useComplaintReturns } from '../../api/queries';
import { RETURNABLE_KINDS } from '../../lib/resolution';
import { CaseSection } from './CaseSection';

/**
 * 退换货: the applications raised from this complaint's lines. Shown once
 * the resolution has a line whose goods come back, or an application exists.
 */
export function ReturnsSection({ complaint: c }: { complaint: Schemas['ComplaintView'] }) {
  const { t, i18n } = useTranslation();
  const returnable = c.resolution.lines.some((l) => RETURNABLE_KINDS.includes(l.kind));
  const list = useComplaintReturns(c.id);
  const items = list.data?.items ?? [];
  if (!returnable && items.length === 0) return null;

  return (
    <CaseSection id="section-returns" title={t('returns.complaint.title')} reached>
      {list.isError && <Alert type="error" showIcon message={problemToFormErrors(list.error, t).message} />}
      {!list.isPending && !list.isError && items.length === 0 ? (
        <Typography.Text type="secondary">{t('returns.complaint.none')}</Typography.Text>
      ) : (
        <List
          size="small"
          loading={list.isPending}
          dataSource={items}
          rowKey="id"
          renderItem={(r) => (
            <List.Item>
              <span className="kehu-tags">
                <Link to={`/returns/${r.id}`}>{r.number}</Link> <span className="kehu-muted">{t(`returns.kind.${r.kind}`)}</span>
              </span>
              <span className="kehu-tags">
                <ReturnStateTag state={r.state} overdue={r.overdue} />
                <span className="kehu-muted">{formatDate(r.created_at, i18n.language)}</span>
              </span>
            </List.Item>
          )}
        />
      )}
    </CaseSection>
  );
}
