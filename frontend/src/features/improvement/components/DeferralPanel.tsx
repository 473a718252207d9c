import { CheckOutlined, CloseOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { formatDate, formatDateTime } from '../../../lib/format';
import type { DeferralAction } from '../lib/deferral';

type Deferral = Schemas['DeferralView'];

const STATE_COLOR: Record<Deferral['state'], string> = { requested: 'processing', approved: 'success', refused: 'error' };

/** Where a request stands, in words (the colour only repeats them). */
export function DeferralStateTag({ state }: { state: Deferral['state'] }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLOR[state]}>{t(`improvement.deferral.state.${state}`)}</Tag>;
}

interface Props {
  view: Schemas['DeferralsView'];
  onRequest: () => void;
  onDecide: (deferral: Deferral, action: DeferralAction) => void;
}

/**
 * 暂缓关闭 on the case: each request (newest first) with its day, how the
 * case is followed meanwhile, why, and the decision; 申请暂缓关闭 for those
 * the case waits for, and 批准 / 驳回 for the deputy GM and the GM.
 */
export function DeferralPanel({ view, onRequest, onDecide }: Props) {
  const { t } = useTranslation();

  return (
    <div className="kehu-deferrals" data-testid="case-deferrals">
      <Typography.Title level={3} className="kehu-check__title">
        {t('improvement.deferral.title')}
      </Typography.Title>
      {view.items.length === 0 && <p className="kehu-muted kehu-deferrals__hint">{t('improvement.deferral.none')}</p>}
      {view.items.length > 0 && (
        <ul className="kehu-deferrals__list" aria-label={t('improvement.deferral.title')}>
          {view.items.map((d) => (
            <DeferralItem key={d.id} deferral={d} onDecide={onDecide} />
          ))}
        </ul>
      )}
      {view.can_request && (
        <Button icon={<FieldTimeOutlined />} onClick={onRequest} className="kehu-gap-top">
          {t('improvement.deferral.request')}
        </Button>
      )}
    </div>
  );
}

function DeferralItem({ deferral: d, onDecide }: { deferral: Deferral; onDecide: Props['onDecide'] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <li className="kehu-deferral" data-testid={`deferral-${d.id}`}>
      <div className="kehu-tags">
        <DeferralStateTag state={d.state} />
        <Tag color={d.follow === 'monitor' ? 'volcano' : 'orange'}>{t('improvement.deferral.followTag', { follow: t(`improvement.follow.${d.follow}`) })}</Tag>
      </div>
      <div className="kehu-deferral__until">{t('improvement.deferral.untilText', { date: formatDate(d.until_on, locale) })}</div>
      <div className="kehu-mark__reason">
        <span className="kehu-muted">{t('improvement.marks.reasonLabel')}</span>
        {d.reason}
      </div>
      <div className="kehu-muted kehu-mark__by">{t('improvement.deferral.requestedBy', { name: d.requested_by.name, time: formatDateTime(d.requested_at, locale) })}</div>
      {d.decided_by && d.state !== 'requested' && (
        <div className="kehu-muted kehu-mark__by">
          {t(`improvement.deferral.decidedBy.${d.state}`, { name: d.decided_by.name, time: d.decided_at ? formatDateTime(d.decided_at, locale) : '' })}
        </div>
      )}
      {d.comment && (
        <div className="kehu-mark__reason">
          <span className="kehu-muted">{t('improvement.deferral.commentLabel')}</span>
          {d.comment}
        </div>
      )}
      {d.available_actions.length > 0 && (
        <div className="kehu-deferral__actions">
          {d.available_actions.includes('approve') && (
            <Button type="primary" icon={<CheckOutlined />} onClick={() => onDecide(d, 'approve')}>
              {t('improvement.deferral.action.approve')}
            </Button>
          )}
          {d.available_actions.includes('refuse') && (
            <Button danger icon={<CloseOutlined />} onClick={() => onDecide(d, 'refuse')}>
              {t('improvement.deferral.action.refuse')}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
