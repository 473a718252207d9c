import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EightDState } from '../lib/report';

const COLOR: Record<EightDState, string> = { draft: 'default', in_review: 'processing', approved: 'success' };

/** Where an 8D report stands (草稿 / 待核准 / 已核准). */
export function EightDStateTag({ state }: { state: EightDState }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[state]} className="kehu-state-tag" data-testid="eight-d-state">
      {t(`eightD.state.${state}`)}
    </Tag>
  );
}

/** 需 8D 报告: the case closes only once its report is approved. */
export function RequiredTag({ required }: { required: boolean }) {
  const { t } = useTranslation();
  return required ? <Tag color="red">{t('eightD.required')}</Tag> : <Tag>{t('eightD.notRequired')}</Tag>;
}
