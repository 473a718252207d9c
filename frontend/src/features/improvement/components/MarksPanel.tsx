import { EditOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';

type Marks = Schemas['MarksView'];

/** The case's marks, each with its reason and who set it when; 编辑标记 for those who may change one. */
export function MarksPanel({ marks, onEdit }: { marks: Marks; onEdit: () => void }) {
  const { t } = useTranslation();
  const { human_negligence: negligence, irrational } = marks;
  const mayEdit = marks.can_mark_negligence || marks.can_mark_irrational;

  return (
    <div className="kehu-marks" data-testid="case-marks">
      {!negligence && !irrational && <Typography.Text type="secondary">{t('improvement.marks.none')}</Typography.Text>}
      {negligence && (
        <Mark tag={<Tag color="gold">{t('improvement.negligence.tag')}</Tag>} reason={negligence.reason} by={negligence.by} at={negligence.at} testId="mark-negligence" />
      )}
      {irrational && (
        <Mark
          tag={
            <Tag color={irrational.follow === 'monitor' ? 'volcano' : 'orange'}>
              {t('improvement.irrational.tag', { level: t(`improvement.level.${irrational.level}`), follow: t(`improvement.follow.${irrational.follow}`) })}
            </Tag>
          }
          reason={irrational.reason}
          by={irrational.by}
          at={irrational.at}
          testId="mark-irrational"
        />
      )}
      {mayEdit && (
        <Button icon={<EditOutlined />} onClick={onEdit} className="kehu-gap-top">
          {t('improvement.marks.edit')}
        </Button>
      )}
    </div>
  );
}

function Mark({ tag, reason, by, at, testId }: { tag: ReactNode; reason: string; by: Schemas['Ref']; at: string; testId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="kehu-mark" data-testid={testId}>
      <div className="kehu-tags">{tag}</div>
      <div className="kehu-mark__reason">
        <span className="kehu-muted">{t('improvement.marks.reasonLabel')}</span>
        {reason}
      </div>
      <div className="kehu-muted kehu-mark__by">{t('improvement.marks.by', { name: by.name, time: formatDateTime(at, i18n.language) })}</div>
    </div>
  );
}
