import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab's title: "<page> · Kehu". */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const app = t('app.shortName');
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}
