import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AllowanceState } from '../lib/states';

const COLOR: Record<AllowanceState, string> = {
  manager_review: 'processing',
  gm_review: 'purple',
  approved: 'cyan',
  signed: 'geekblue',
  booked: 'success',
  refused: 'error',
  withdrawn: 'default',
};

/** Where a certificate stands, in words (the colour only repeats them). */
export function AllowanceStateTag({ state }: { state: AllowanceState }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[state]} className="kehu-allowance-state" data-allowance-state={state}>
      {t(`allowances.state.${state}`, { defaultValue: state })}
    </Tag>
  );
}
