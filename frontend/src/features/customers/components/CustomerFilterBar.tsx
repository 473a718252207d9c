import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Segmented, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { activeCustomerFilters, type CustomerFilters } from '../lib/filters';
import { CATEGORIES, CLASSES, MARKETS, STATUSES } from '../lib/options';

interface Props {
  filters: CustomerFilters;
  onChange: (next: CustomerFilters) => void;
}

/** Status tabs and the filters above the customer list; every change goes to the URL. */
export function CustomerFilterBar({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const [q, setQ] = useState(filters.q ?? '');
  const [region, setRegion] = useState(filters.region ?? '');
  const [expanded, setExpanded] = useState(false);
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  useEffect(() => setRegion(filters.region ?? ''), [filters.region]);
  const set = (patch: Partial<CustomerFilters>) => onChange({ ...filters, ...patch });
  const commitRegion = () => region.trim() !== (filters.region ?? '') && set({ region: region.trim() || undefined });
  const count = activeCustomerFilters({ ...filters, q: undefined });
  // On a phone the search stays; the other filters fold away.
  const folded = phone && !expanded;

  return (
    <form className="kehu-filters" role="search" aria-label={t('customers.filters.label')} onSubmit={(e) => e.preventDefault()}>
      <Segmented
        className="kehu-gap kehu-status-tabs"
        value={filters.status}
        onChange={(status) => set({ status: status as CustomerFilters['status'] })}
        options={STATUSES.map((s) => ({ value: s, label: t(`customers.statuses.${s}`) }))}
      />
      <Space wrap size={[8, 8]} className="kehu-full">
        <Input.Search
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(value) => set({ q: value.trim() || undefined })}
          placeholder={t('customers.search')}
          aria-label={t('customers.search')}
          className="kehu-filters__q"
        />
        {phone && (
          <Button icon={<FilterOutlined />} onClick={() => setExpanded((e) => !e)} aria-expanded={expanded}>
            {count ? t('filters.toggleCount', { count }) : t('filters.toggle')}
          </Button>
        )}
        {!folded && (
          <>
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
            <Input
              allowClear
              value={region}
              onChange={(e) => {
                setRegion(e.target.value);
                if (!e.target.value) set({ region: undefined });
              }}
              onPressEnter={commitRegion}
              onBlur={commitRegion}
              placeholder={t('customers.region')}
              aria-label={t('customers.region')}
              className="kehu-filters__number"
            />
            {filters.status === 'active' && (
              <Checkbox checked={!!filters.claimable} onChange={(e) => set({ claimable: e.target.checked || undefined })}>
                {t('customers.filters.claimable')}
              </Checkbox>
            )}
          </>
        )}
        {activeCustomerFilters(filters) > 0 && (
          <Button icon={<ClearOutlined />} onClick={() => onChange({ status: filters.status })}>
            {t('filters.clear')}
          </Button>
        )}
      </Space>
    </form>
  );
}
