import { Button, Drawer, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../app/layout/useIsPhone';

interface Props {
  open: boolean;
  title: string;
  onClose: () => void;
  width: number;
  /** The drawer's own buttons, after 取消. */
  buttons: ReactNode;
  children: ReactNode;
}

/** The frame of an action's drawer: at the right, or a bottom sheet on a phone; 取消 and the drawer's buttons below. */
export function DrawerFrame({ open, title, onClose, width, buttons, children }: Props) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  return (
    <Drawer
      open={open}
      title={title}
      onClose={onClose}
      destroyOnHidden
      placement={phone ? 'bottom' : 'right'}
      width={phone ? undefined : width}
      height={phone ? '92%' : undefined}
      rootClassName="kehu-action-drawer"
      footer={
        <Space className="kehu-drawer__footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {buttons}
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}
