import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../../api/types';
import { formatMoney } from '../../../../lib/format';
import { useApprovalTiers } from '../../../reference/api/queries';
import { routeTier } from '../../lib/tiers';
import { TextField } from './SimpleForms';

/** "将提交副总经理核决 — 合计 ¥120,000.00", from the policy in force now. */
export function TierPreview({ complaint }: { complaint: Schemas['ComplaintView'] }) {
  const { t, i18n } = useTranslation();
  const tiers = useApprovalTiers();
  const total = complaint.resolution.settlement_total?.amount ?? '0.00';
  if (tiers.isPending) return <Spin size="small" />;
  const route = tiers.data ? routeTier(total, tiers.data.tiers) : null;
  if (!route || !tiers.data) return null;
  return (
    <Alert
      type="info"
      showIcon
      className="kehu-gap"
      data-testid="tier-preview"
      message={t('approval.routesTo', {
        role: t(`role.${route.approverRole}`, { defaultValue: route.approverRole }),
        total: formatMoney(total, i18n.language),
      })}
      description={t('approval.routesToDetail', { tier: route.tier, version: tiers.data.version })}
    />
  );
}

/** submit_for_approval: the consolidated opinion, and where the total routes. */
export function ConsolidateFields({ complaint }: { complaint: Schemas['ComplaintView'] }) {
  const { t } = useTranslation();
  return (
    <>
      <TierPreview complaint={complaint} />
      <TextField name="opinion" label={t('drawer.consolidatedOpinion')} required rows={5} />
    </>
  );
}
