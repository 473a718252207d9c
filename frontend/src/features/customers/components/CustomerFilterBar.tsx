import { Checkbox, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { SearchFilters, TextFilter } from '../../../components/SearchFilters';
import { activeCustomerFilters, type CustomerFilters } from '../lib/filters';
import { CATEGORIES, CLASSES, MARKETS, STATUSES } from '../lib/options';

interface Props {
  filters: CustomerFilters;
  onChange: (next: CustomerFilters) => void;
}

/** Status tabs and the filters above the customer list; every change goes to the URL. */
export function CustomerFilterBar({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<CustomerFilters>) => onChange({ ...filters, ...patch });

  return (
    <SearchFilters
      label={t('customers.filters.label')}
      q={filters.q}
      searchLabel={t('customers.search')}
      onSearch={(q) => set({ q })}
      count={activeCustomerFilters({ ...filters, q: undefined })}
      onClear={activeCustomerFilters(filters) > 0 ? () => onChange({ status: filters.status }) : undefined}
      rowClassName="kehu-full"
      head={
        <Segmented
          className="kehu-gap kehu-status-tabs"
          value={filters.status}
          onChange={(status) => set({ status: status as CustomerFilters['status'] })}
          options={STATUSES.map((s) => ({ value: s, label: t(`customers.statuses.${s}`) }))}
        />
      }
    >
      <Select
        allowClear
        value={filters.category}
        onChange={(category?: CustomerFilters['category']) => set({ category })}
        placeholder={t('customers.category')}
        aria-label={t('customers.category')}
        options={CATEGORIES.map((c) => ({ value: c, label: t(`customer.category.${c}`) }))}
        className="kehu-filters__small"
      />
      <Select
        allowClear
        value={filters.customer_class}
        onChange={(customer_class?: CustomerFilters['customer_class']) => set({ customer_class })}
        placeholder={t('customers.class')}
        aria-label={t('customers.class')}
        options={CLASSES.map((c) => ({ value: c, label: t('customers.classValue', { value: c }) }))}
        className="kehu-filters__small"
      />
      <Select
        allowClear
        value={filters.market}
        onChange={(market?: CustomerFilters['market']) => set({ market })}
        placeholder={t('complaint.market')}
        aria-label={t('complaint.market')}
        options={MARKETS.map((m) => ({ value: m, label: t(`market.${m}`) }))}
        className="kehu-filters__small"
      />
      <TextFilter value={filters.region} onChange={(region) => set({ region })} label={t('customers.region')} className="kehu-filters__number" />
      {filters.status === 'active' && (
        <Checkbox checked={!!filters.claimable} onChange={(e) => set({ claimable: e.target.checked || undefined })}>
          {t('customers.filters.claimable')}
        </Checkbox>
      )}
    </SearchFilters>
  );
}
