import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { LoadMore } from '../../../components/LoadMore';
import { SearchFilters } from '../../../components/SearchFilters';
import { useSession } from '../../auth/hooks/useSession';
import { useDepartments } from '../../reference/api/queries';
import { exportPayBasis, usePayBasisList } from '../api/queries';
import { activePayFilters, type PayFilters } from '../lib/basis';
import { PayBasisDrawer } from './PayBasisDrawer';
import { PayBasisTable } from './PayBasisTable';
import { PayImportDrawer } from './PayImportDrawer';

type Notice = { type: 'success' | 'error' | 'warning'; text: string };

/** 基点与奖金: the people the caller may read with their basis; HR edits, exports and imports. */
export function PayBasisTab() {
  const { t } = useTranslation();
  const { user } = useSession();
  const isHr = user?.roles.includes('hr') ?? false;
  const [filters, setFilters] = useState<PayFilters>({});
  const list = usePayBasisList(filters);
  const departments = useDepartments();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [editing, setEditing] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  // The row as the list shows it now: after a 412 the refetched version is the one sent next.
  const row = items.find((p) => p.user_id === editing) ?? null;
  const count = activePayFilters(filters);

  async function download() {
    setExporting(true);
    setNotice(null);
    try {
      await exportPayBasis();
    } catch (failure) {
      setNotice({ type: 'error', text: problemToFormErrors(failure, t).message });
    } finally {
      setExporting(false);
    }
  }

  const saved = (p: Schemas['PayBasisView']) => {
    setEditing(null);
    setNotice({ type: 'success', text: t('pay.basis.saved', { name: p.display_name }) });
  };
  const imported = (r: Schemas['ImportResult']) => {
    setImporting(false);
    setNotice({ type: 'success', text: t('pay.import.done', { created: r.created, updated: r.updated, unchanged: r.unchanged }) });
  };

  return (
    <>
      {isHr && (
        <Space wrap className="kehu-gap">
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void download()}>
            {t('pay.export')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t('pay.import.button')}
          </Button>
        </Space>
      )}
      <SearchFilters
        label={t('pay.basis.filters')}
        q={filters.q}
        searchLabel={t('pay.basis.search')}
        onSearch={(q) => setFilters({ ...filters, q })}
        count={count}
        onClear={count > 0 || filters.q ? () => setFilters({}) : undefined}
      >
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          value={filters.department_id}
          onChange={(department_id?: number) => setFilters({ ...filters, department_id })}
          placeholder={t('pay.field.department')}
          aria-label={t('pay.field.department')}
          loading={departments.isPending}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          className="kehu-filters__state"
        />
        <label className="kehu-pay__switch">
          <Switch
            size="small"
            checked={filters.missing ?? false}
            onChange={(missing) => setFilters({ ...filters, missing })}
            aria-label={t('pay.basis.missingOnly')}
          />
          <span>{t('pay.basis.missingOnly')}</span>
        </label>
      </SearchFilters>
      <div aria-live="polite">
        {notice && <Alert type={notice.type} showIcon closable role="status" className="kehu-gap" message={notice.text} onClose={() => setNotice(null)} />}
      </div>
      {list.isError && <Alert type="error" showIcon message={problemToFormErrors(list.error, t).message} className="kehu-gap" />}
      {!isHr && <Typography.Paragraph className="kehu-muted">{t('pay.basis.readHint')}</Typography.Paragraph>}
      <PayBasisTable
        items={items}
        loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
        onEdit={isHr ? (p) => setEditing(p.user_id) : undefined}
      />
      <LoadMore list={list} count={items.length} />
      {isHr && (
        <PayBasisDrawer
          row={row}
          onClose={() => setEditing(null)}
          onDone={saved}
          onStale={() => void list.refetch()}
          onConflict={(text) => {
            setEditing(null);
            setNotice({ type: 'warning', text });
          }}
        />
      )}
      {isHr && importing && <PayImportDrawer open={importing} onClose={() => setImporting(false)} onDone={imported} />}
    </>
  );
}
