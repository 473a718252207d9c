import { Checkbox, DatePicker, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SearchFilters, TextFilter } from '../../../components/SearchFilters';
import { useCustomerOptions } from '../../reference/api/queries';
import { activeFilterCount, KINDS, SEVERITIES, type ComplaintFilters } from '../lib/filters';
import { STATES, type State } from '../lib/states';

interface Props {
  filters: ComplaintFilters;
  onChange: (next: ComplaintFilters) => void;
  /** Hide the customer filter (the customer page fixes it). */
  hideCustomer?: boolean;
}

type Range = [Dayjs | null, Dayjs | null] | null;

function toRange(from?: string, to?: string): Range {
  return from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** Filters above the complaint list; every change goes to the URL. */
export function FilterBar({ filters, onChange, hideCustomer = false }: Props) {
  const { t } = useTranslation();
  const customers = useCustomerOptions();
  const set = (patch: Partial<ComplaintFilters>) => onChange({ ...filters, ...patch });
  const count = activeFilterCount({ ...filters, q: undefined, customer_id: hideCustomer ? undefined : filters.customer_id });
  const clear = () => onChange({ state: [], sort: filters.sort, customer_id: hideCustomer ? filters.customer_id : undefined });

  return (
    <SearchFilters
      label={t('filters.label')}
      q={filters.q}
      searchLabel={t('filters.q')}
      onSearch={(q) => set({ q })}
      count={count}
      onClear={activeFilterCount(filters) > (hideCustomer ? 1 : 0) ? clear : undefined}
    >
      <TextFilter value={filters.number} onChange={(number) => set({ number })} label={t('complaint.number')} className="kehu-filters__number" />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        value={filters.state}
        onChange={(state: State[]) => set({ state })}
        placeholder={t('filters.state')}
        aria-label={t('filters.state')}
        options={STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
        className="kehu-filters__state"
      />
      {!hideCustomer && (
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          value={filters.customer_id}
          onChange={(customer_id?: number) => set({ customer_id })}
          placeholder={t('filters.customer')}
          aria-label={t('filters.customer')}
          loading={customers.isPending}
          options={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          className="kehu-filters__customer"
        />
      )}
      <Select
        allowClear
        value={filters.severity}
        onChange={(severity?: ComplaintFilters['severity']) => set({ severity })}
        placeholder={t('filters.severity')}
        aria-label={t('filters.severity')}
        options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
        className="kehu-filters__small"
      />
      <Select
        allowClear
        value={filters.kind}
        onChange={(kind?: ComplaintFilters['kind']) => set({ kind })}
        placeholder={t('filters.kind')}
        aria-label={t('filters.kind')}
        options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        className="kehu-filters__small"
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        value={toRange(filters.created_from, filters.created_to)}
        onChange={(range) => set({ created_from: day(range?.[0]), created_to: day(range?.[1]) })}
        placeholder={[t('filters.createdFrom'), t('filters.createdTo')]}
        aria-label={t('filters.created')}
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        value={toRange(filters.registered_from, filters.registered_to)}
        onChange={(range) => set({ registered_from: day(range?.[0]), registered_to: day(range?.[1]) })}
        placeholder={[t('filters.registeredFrom'), t('filters.registeredTo')]}
        aria-label={t('filters.registered')}
      />
      <Checkbox checked={!!filters.mine} onChange={(e) => set({ mine: e.target.checked || undefined })}>
        {t('filters.mine')}
      </Checkbox>
      <Checkbox checked={!!filters.overdue} onChange={(e) => set({ overdue: e.target.checked || undefined })}>
        {t('filters.overdue')}
      </Checkbox>
      <Checkbox checked={!!filters.major} onChange={(e) => set({ major: e.target.checked || undefined })}>
        {t('complaint.major')}
      </Checkbox>
    </SearchFilters>
  );
}
