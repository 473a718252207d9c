import { PrinterOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { orderActions, type AllowanceAction } from '../lib/states';

/** Approve and withdraw ask once, then run; the others open a drawer. */
export type DrawerAction = Exclude<AllowanceAction, 'approve' | 'withdraw'>;

interface Props {
  available: readonly AllowanceAction[];
  onPick: (action: DrawerAction) => void;
  onConfirm: (action: 'approve' | 'withdraw') => void;
  /** The confirmed action running. */
  running: AllowanceAction | null;
  onPrint: () => void;
  block?: boolean;
}

/** The caller's actions from `available_actions`, plus 打印 for everyone (not in the phone's bar). */
export function AllowanceActionButtons({ available, onPick, onConfirm, running, onPrint, block = false }: Props) {
  const { t } = useTranslation();
  const size = block ? 'large' : 'middle';
  return (
    <Space wrap className={block ? 'kehu-allowance-actions--block' : undefined}>
      {orderActions(available).map((action) => {
        const label = t(`allowances.action.${action}`);
        if (action === 'approve' || action === 'withdraw') {
          const danger = action === 'withdraw';
          return (
            <Popconfirm
              key={action}
              title={t(`allowances.detail.${action}Confirm`)}
              okText={label}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger }}
              onConfirm={() => onConfirm(action)}
            >
              <Button size={size} type={danger ? 'default' : 'primary'} danger={danger} loading={running === action} data-action={action}>
                {label}
              </Button>
            </Popconfirm>
          );
        }
        return (
          <Button
            key={action}
            size={size}
            type={action === 'refuse' || action === 'extend' ? 'default' : 'primary'}
            danger={action === 'refuse'}
            onClick={() => onPick(action)}
            data-action={action}
          >
            {label}
          </Button>
        );
      })}
      {!block && (
        <Button size={size} icon={<PrinterOutlined />} onClick={onPrint} data-action="print">
          {t('allowances.detail.print')}
        </Button>
      )}
    </Space>
  );
}
