import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from './usePageTitle';

export default function ForbiddenPage() {
  const { t } = useTranslation();
  usePageTitle(t('errors.forbidden'));
  return <Result status="403" title={<h1 className="kehu-result-title">403</h1>} subTitle={t('errors.forbidden')} />;
}
