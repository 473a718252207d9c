import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { LEVEL_COLOR, STATUS_COLOR, type CustomerStatus } from '../lib/options';

type Summary = Schemas['CustomerSummary'];

/** 已建档 / 待审核 / 已退回 / 已注销 */
export function CustomerStatusTag({ status }: { status: CustomerStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} className="kehu-customer-status">
      {t(`customers.statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}

/** 密级: 秘密 / 机密 / 绝密 */
export function LevelTag({ level }: { level: Schemas['Confidentiality'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={LEVEL_COLOR[level]} title={t('customers.confidentiality')}>
      {t(`customer.confidentiality.${level}`, { defaultValue: level })}
    </Tag>
  );
}

/** The flags a row carries: 密级, 暂停供货, 可认领. */
export function CustomerFlags({ customer: c }: { customer: Summary }) {
  const { t } = useTranslation();
  return (
    <span className="kehu-tags">
      <LevelTag level={c.confidentiality} />
      {c.supply_hold && <Tag color="red">{t('customer.supplyHold')}</Tag>}
      {c.claimable && <Tag color="gold">{t('customers.claimable')}</Tag>}
    </span>
  );
}
