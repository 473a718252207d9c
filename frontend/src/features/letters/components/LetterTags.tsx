import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { letterStatus, type Letter } from '../lib/letters';

/** 待处理 / 已处理 (催办单), 待回复 / 已回复 (洽办单). */
export function LetterStatusTag({ letter }: { letter: Pick<Letter, 'kind' | 'pending'> }) {
  const { t } = useTranslation();
  const status = letterStatus(letter);
  return (
    <Tag color={status.color} className="kehu-letter__tag">
      {t(status.key)}
    </Tag>
  );
}

/** 催办单 / 洽办单. */
export function LetterKindTag({ kind }: { kind: Letter['kind'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={kind === 'inquiry' ? 'purple' : 'blue'} className="kehu-letter__tag">
      {t(`letters.kind.${kind}`)}
    </Tag>
  );
}
