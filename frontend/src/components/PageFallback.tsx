import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown while a page's code or the session restore is loading. */
export function PageFallback({ fullPage = false }: { fullPage?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={fullPage ? 'kehu-fallback kehu-fallback--full' : 'kehu-fallback'} role="status" aria-live="polite">
      <Spin tip={t('common.loading')}>
        <div className="kehu-fallback__spacer" />
      </Spin>
    </div>
  );
}
