import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../../components/usePageTitle';
import type { EightDView } from '../lib/report';
import { EightDStateTag, RequiredTag } from './EightDStateTag';

/** The report's name (`<complaint>-<product>`), its state, whether the case needs it, and the ways out. */
export function EightDHeader({ view }: { view: EightDView }) {
  const { t } = useTranslation();
  usePageTitle(`${t('eightD.title')} ${view.name}`);
  return (
    <header className="kehu-8d-head">
      <div>
        <Typography.Text type="secondary">{t('eightD.title')}</Typography.Text>
        <Typography.Title level={1} id="page-title" className="kehu-8d-head__name">
          {view.name}
        </Typography.Title>
        <span className="kehu-tags">
          <EightDStateTag state={view.state} />
          <RequiredTag required={view.required} />
        </span>
      </div>
      <Space wrap>
        <Link to={`/complaints/${view.complaint.id}`}>
          <Button icon={<ArrowLeftOutlined />}>{t('eightD.back')}</Button>
        </Link>
        <Link to={`/complaints/${view.complaint.id}/8d/print`}>
          <Button icon={<PrinterOutlined />}>{t('eightD.print.open')}</Button>
        </Link>
      </Space>
    </header>
  );
}
