import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/types';

type ReturnState = Schemas['ReturnState'];

const COLOR: Record<ReturnState, string> = {
  draft: 'default',
  supervisor_review: 'processing',
  marketing_review: 'processing',
  gm_approval: 'purple',
  approved: 'success',
  refused: 'error',
  withdrawn: 'default',
};

/**
 * A return application's state, and "overdue" while its step is late.
 * Shared by the returns pages and the complaint page that lists a
 * complaint's applications (features import each other one way only).
 */
export function ReturnStateTag({ state, overdue = false }: { state: ReturnState; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="kehu-tags">
      <Tag color={COLOR[state]} className="kehu-state-tag">
        {t(`returns.state.${state}`, { defaultValue: state })}
      </Tag>
      {overdue && (
        <Tag color="error" icon={<ExclamationCircleOutlined />} data-testid="overdue-tag">
          {t('returns.overdue')}
        </Tag>
      )}
    </span>
  );
}
