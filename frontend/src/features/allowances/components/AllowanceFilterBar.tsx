import { Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { SearchFilters } from '../../../components/SearchFilters';
import { activeAllowanceFilters, BOXES, type AllowanceFilters, type Box } from '../lib/filters';
import { ALLOWANCE_STATES, type AllowanceState } from '../lib/states';

interface Props {
  filters: AllowanceFilters;
  onChange: (next: AllowanceFilters) => void;
}

/** The tabs (待我处理 · 我发起的 · 全部) and the state filter above the list; every change goes to the URL. */
export function AllowanceFilterBar({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const count = activeAllowanceFilters(filters);
  return (
    <SearchFilters
      label={t('allowances.list.filters')}
      count={count}
      onClear={count > 0 ? () => onChange({ box: filters.box }) : undefined}
      head={
        <Segmented<Box>
          className="kehu-gap"
          aria-label={t('allowances.list.boxes')}
          value={filters.box}
          onChange={(box) => onChange({ ...filters, box })}
          options={BOXES.map((b) => ({ value: b, label: t(`allowances.list.box.${b}`) }))}
        />
      }
    >
      <Select
        allowClear
        value={filters.state}
        onChange={(state?: AllowanceState) => onChange(state ? { ...filters, state } : { box: filters.box })}
        placeholder={t('allowances.field.state')}
        aria-label={t('allowances.field.state')}
        options={ALLOWANCE_STATES.map((s) => ({ value: s, label: t(`allowances.state.${s}`) }))}
        className="kehu-filters__state"
      />
    </SearchFilters>
  );
}
