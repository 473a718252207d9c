import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_COLOR, type DeliveryStatus } from '../lib/kinds';
import '../notice-preferences.css';

/** Where a notice's delivery stands (an e-mail, a group robot's post): 已发送 / 待重试 / 发送失败, in colours that keep AA contrast. */
export function DeliveryStatusTag({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} className="kehu-notice-log__tag">
      {t(`pages.me.notices.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}
