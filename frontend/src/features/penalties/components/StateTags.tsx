import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemState, RunState } from '../lib/penalties';

const RUN_COLOR: Record<RunState, string> = {
  confirming: 'processing',
  submitted: 'purple',
  approved: 'cyan',
  published: 'success',
};

const ITEM_COLOR: Record<ItemState, string> = {
  pending: 'processing',
  confirmed: 'success',
  disputed: 'error',
  settled: 'cyan',
  deferred: 'default',
};

/** Where a month's run stands, in words (the colour only repeats them). */
export function RunStateTag({ state }: { state: RunState }) {
  const { t } = useTranslation();
  return (
    <Tag color={RUN_COLOR[state]} data-run-state={state}>
      {t(`penalties.runState.${state}`, { defaultValue: state })}
    </Tag>
  );
}

/** Where one line of the notice stands. */
export function ItemStateTag({ state }: { state: ItemState }) {
  const { t } = useTranslation();
  return (
    <Tag color={ITEM_COLOR[state]} data-item-state={state}>
      {t(`penalties.itemState.${state}`, { defaultValue: state })}
    </Tag>
  );
}

/** "申诫 ×2": the sanction and how many times; "—" without one. */
export function SanctionText({ sanction, count }: { sanction?: string | null; count?: number | null }) {
  const { t } = useTranslation();
  if (!sanction) return <>—</>;
  return <>{t('penalties.sanctionCount', { name: t(`penalty.${sanction}`, { defaultValue: sanction }), times: count ?? 1 })}</>;
}
