import { PrinterOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { actionTone, orderActions, type ReturnAction } from '../lib/states';
import type { DrawerAction } from './ReturnActionDrawer';

interface Props {
  available: readonly ReturnAction[];
  onPick: (action: DrawerAction) => void;
  /** Withdraw asks once, then runs. */
  onWithdraw: () => void;
  withdrawing: boolean;
  /** A draft is edited in its form (its raiser only). */
  onEdit?: () => void;
  onPrint: () => void;
  block?: boolean;
}

/** The caller's actions from `available_actions`, plus 编辑 for a draft and 打印 for everyone. */
export function ReturnActionButtons({ available, onPick, onWithdraw, withdrawing, onEdit, onPrint, block = false }: Props) {
  const { t } = useTranslation();
  const size = block ? 'large' : 'middle';
  return (
    <Space wrap className={block ? 'kehu-actions kehu-actions--block' : 'kehu-actions'}>
      {onEdit && (
        <Button size={size} onClick={onEdit} data-action="edit">
          {t('detail.editDraft')}
        </Button>
      )}
      {orderActions(available).map((action) => {
        const tone = actionTone(action);
        const label = t(`returns.action.${action}`);
        if (action === 'withdraw') {
          return (
            <Popconfirm
              key={action}
              title={t('returns.detail.withdrawConfirm')}
              okText={label}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={onWithdraw}
            >
              <Button size={size} danger loading={withdrawing} data-action={action}>
                {label}
              </Button>
            </Popconfirm>
          );
        }
        return (
          <Button
            key={action}
            size={size}
            type={tone === 'primary' ? 'primary' : 'default'}
            danger={tone === 'danger'}
            onClick={() => onPick(action)}
            data-action={action}
          >
            {label}
          </Button>
        );
      })}
      {!block && (
        <Button size={size} icon={<PrinterOutlined />} onClick={onPrint} data-action="print">
          {t('returns.detail.print')}
        </Button>
      )}
    </Space>
  );
}
