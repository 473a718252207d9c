import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Dropdown } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { exportCustomers, type ExportFormat } from '../api/io';
import type { CustomerFilters } from '../lib/filters';

const ImportDrawer = lazy(() => import('./ImportDrawer').then((m) => ({ default: m.ImportDrawer })));

/** 导出 (the list as filtered) and 导入 on the customer list, for the archive clerks and sales managers. */
export function useListFileButtons(filters: CustomerFilters, mayImport: boolean) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [importing, setImporting] = useState(false);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  async function download(format: ExportFormat) {
    setBusy(true);
    setMessage(null);
    try {
      await exportCustomers(filters, format);
    } catch (failure) {
      setMessage({ type: 'error', text: problemToFormErrors(failure, t).message });
    } finally {
      setBusy(false);
    }
  }

  const buttons = mayImport && (
    <>
      <Dropdown
        menu={{
          items: [
            { key: 'xlsx', label: t('care.export.xlsx') },
            { key: 'csv', label: t('care.export.csv') },
          ],
          onClick: ({ key }) => void download(key as ExportFormat),
        }}
      >
        <Button icon={<DownloadOutlined />} loading={busy}>
          {t('care.export.button')}
        </Button>
      </Dropdown>
      <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
        {t('care.import.button')}
      </Button>
    </>
  );

  const done = (r: Schemas['ImportResult']) => {
    setImporting(false);
    setMessage({ type: 'success', text: t('care.import.done', { created: r.created, updated: r.updated, unchanged: r.unchanged }) });
  };

  const extras = (
    <>
      <div aria-live="polite">
        {message && <Alert type={message.type} showIcon closable role="status" className="kehu-gap" message={message.text} onClose={() => setMessage(null)} />}
      </div>
      {importing && (
        <Suspense fallback={null}>
          <ImportDrawer open={importing} onClose={() => setImporting(false)} onDone={done} />
        </Suspense>
      )}
    </>
  );
  return { buttons, extras };
}
