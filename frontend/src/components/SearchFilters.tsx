import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../app/layout/useIsPhone';

/** A text the user types freely; it counts once entered or left (emptying it counts at once). */
function useDraft(value: string | undefined, onCommit: (value: string | undefined) => void) {
  const [draft, setDraft] = useState(value ?? '');
  // The URL changed under it (back button, "clear filters").
  useEffect(() => setDraft(value ?? ''), [value]);
  const commit = () => draft.trim() !== (value ?? '') && onCommit(draft.trim() || undefined);
  return { draft, setDraft, commit };
}

interface Props {
  /** The search form's name for screen readers. */
  label: string;
  q?: string | undefined;
  /** The search box's placeholder and label. */
  searchLabel?: string;
  /** Without it there is no search box (a list the API cannot search). */
  onSearch?: (q: string | undefined) => void;
  /** Filters set besides the search: the phone's filter button shows it. */
  count: number;
  /** Given when any filter is set: a button to undo them. */
  onClear?: () => void;
  /** Above the filters (e.g. status tabs). */
  head?: ReactNode;
  rowClassName?: string;
  /** The filters; on a phone they fold away behind a button, the search stays. */
  children: ReactNode;
}

/** The frame of a list's filters: search, the filters, and "clear"; every change goes to the caller. */
export function SearchFilters({ label, q, searchLabel, onSearch, count, onClear, head, rowClassName, children }: Props) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const [expanded, setExpanded] = useState(false);
  const search = useDraft(q, (value) => onSearch?.(value));
  const folded = phone && !expanded;

  return (
    <form className="kehu-filters" role="search" aria-label={label} onSubmit={(e) => e.preventDefault()}>
      {head}
      <Space wrap size={[8, 8]} className={rowClassName}>
        {onSearch && (
          <Input.Search
            allowClear
            value={search.draft}
            onChange={(e) => search.setDraft(e.target.value)}
            onSearch={(value) => onSearch(value.trim() || undefined)}
            placeholder={searchLabel}
            aria-label={searchLabel}
            className="kehu-filters__q"
          />
        )}
        {phone && (
          <Button icon={<FilterOutlined />} onClick={() => setExpanded((e) => !e)} aria-expanded={expanded}>
            {count ? t('filters.toggleCount', { count }) : t('filters.toggle')}
          </Button>
        )}
        {!folded && children}
        {onClear && (
          <Button icon={<ClearOutlined />} onClick={onClear}>
            {t('filters.clear')}
          </Button>
        )}
      </Space>
    </form>
  );
}

interface TextProps {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  /** Placeholder and label. */
  label: string;
  className?: string;
}

/** A free-text filter (a number, a region): applied on Enter or on leaving the box. */
export function TextFilter({ value, onChange, label, className }: TextProps) {
  const text = useDraft(value, onChange);
  return (
    <Input
      allowClear
      value={text.draft}
      onChange={(e) => {
        text.setDraft(e.target.value);
        if (!e.target.value) onChange(undefined);
      }}
      onPressEnter={text.commit}
      onBlur={text.commit}
      placeholder={label}
      aria-label={label}
      className={className}
    />
  );
}
