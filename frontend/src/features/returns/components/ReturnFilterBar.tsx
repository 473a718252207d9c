import { DatePicker, Segmented, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SearchFilters } from '../../../components/SearchFilters';
import { activeReturnFilters, BOXES, type Box, type ReturnFilters } from '../lib/filters';
import { RETURN_KINDS, RETURN_STATES, type ReturnKind, type ReturnState } from '../lib/states';

interface Props {
  filters: ReturnFilters;
  onChange: (next: ReturnFilters) => void;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** The tabs (待我审核 · 我发起的 · 全部) and the filters above the summary; every change goes to the URL. */
export function ReturnFilterBar({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<ReturnFilters>) => onChange({ ...filters, ...patch });
  const count = activeReturnFilters(filters);
  const range: [Dayjs | null, Dayjs | null] | null =
    filters.created_from || filters.created_to
      ? [filters.created_from ? dayjs(filters.created_from) : null, filters.created_to ? dayjs(filters.created_to) : null]
      : null;

  return (
    <SearchFilters
      label={t('returns.list.filters')}
      count={count}
      onClear={count > 0 ? () => onChange({ box: filters.box }) : undefined}
      head={
        <Segmented<Box>
          className="kehu-gap"
          aria-label={t('returns.list.boxes')}
          value={filters.box}
          onChange={(box) => set({ box })}
          options={BOXES.map((b) => ({ value: b, label: t(`returns.list.box.${b}`) }))}
        />
      }
    >
      <Select
        allowClear
        value={filters.state}
        onChange={(state?: ReturnState) => set({ state })}
        placeholder={t('returns.field.state')}
        aria-label={t('returns.field.state')}
        options={RETURN_STATES.map((s) => ({ value: s, label: t(`returns.state.${s}`) }))}
        className="kehu-filters__state"
      />
      <Select
        allowClear
        value={filters.kind}
        onChange={(kind?: ReturnKind) => set({ kind })}
        placeholder={t('returns.field.kind')}
        aria-label={t('returns.field.kind')}
        options={RETURN_KINDS.map((k) => ({ value: k, label: t(`returns.kind.${k}`) }))}
        className="kehu-filters__small"
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        value={range}
        onChange={(r) => set({ created_from: day(r?.[0]), created_to: day(r?.[1]) })}
        placeholder={[t('returns.list.createdFrom'), t('returns.list.createdTo')]}
        aria-label={t('returns.list.created')}
      />
    </SearchFilters>
  );
}
