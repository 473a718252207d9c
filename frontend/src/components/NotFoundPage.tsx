import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePageTitle } from './usePageTitle';

export default function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t('pages.notFound.title'));
  return (
    <Result
      status="404"
      title={<h1 className="kehu-result-title">{t('pages.notFound.title')}</h1>}
      subTitle={t('pages.notFound.hint')}
      extra={
        <Button type="primary" onClick={() => navigate('/tasks')}>
          {t('common.backToTasks')}
        </Button>
      }
    />
  );
}
