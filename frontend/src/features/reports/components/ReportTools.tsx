import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';

/** A report's spreadsheet download: its busy flag and the message of a failed one. */
export function useExport(save: () => Promise<void>) {
  const { t } = useTranslation();
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setExporting(true);
    setError(null);
    try {
      await save();
    } catch (failure) {
      setError(problemToFormErrors(failure, t).message);
    } finally {
      setExporting(false);
    }
  }
  return { exporting, error, run, clear: () => setError(null) };
}

/** 导出 Excel and 打印, beside a report's period picker (print hides them). */
export function ReportButtons({ exp, disabled }: { exp: ReturnType<typeof useExport>; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => void exp.run()} loading={exp.exporting} disabled={disabled}>
        {t('reports.export')}
      </Button>
      <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={disabled}>
        {t('reports.print')}
      </Button>
    </>
  );
}

/** Where a failed download says why (announced when it appears). */
export function ExportError({ exp }: { exp: ReturnType<typeof useExport> }) {
  return (
    <div aria-live="polite">
      {exp.error && <Alert type="error" showIcon closable role="alert" className="kehu-gap" message={exp.error} onClose={exp.clear} />}
    </div>
  );
}

/** 制表 / 审核 lines at the foot of the paper copy: printed only, never on screen. */
export function SignOff() {
  const { t } = useTranslation();
  return (
    <div className="kehu-report__signoff">
      <span>{t('reports.preparedBy')}</span>
      <span>{t('reports.reviewedBy')}</span>
    </div>
  );
}
