import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { actionTone, orderActions, type ActionName } from '../lib/actions';

interface Props {
  available: readonly string[];
  onPick: (action: ActionName) => void;
  /** A draft is edited in its form; shown next to the actions. */
  onEdit?: () => void;
  block?: boolean;
}

/** The caller's actions from `available_actions`: forward steps primary, going back danger. */
export function ActionButtons({ available, onPick, onEdit, block = false }: Props) {
  const { t } = useTranslation();
  const actions = orderActions(available);
  if (actions.length === 0 && !onEdit) return null;
  return (
    <Space wrap className={block ? 'kehu-actions kehu-actions--block' : 'kehu-actions'}>
      {onEdit && <Button onClick={onEdit}>{t('detail.editDraft')}</Button>}
      {actions.map((action) => {
        const tone = actionTone(action);
        return (
          <Button
            key={action}
            type={tone === 'primary' ? 'primary' : 'default'}
            danger={tone === 'danger'}
            size={block ? 'large' : 'middle'}
            onClick={() => onPick(action)}
            data-action={action}
          >
            {t(`action.${action}`)}
          </Button>
        );
      })}
    </Space>
  );
}
