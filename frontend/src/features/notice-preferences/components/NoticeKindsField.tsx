import { Checkbox } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticeKind } from '../../notifications/lib/groups';
import { KIND_GROUPS, orderedKinds } from '../lib/kinds';
import '../notice-preferences.css';

interface Props {
  /** Set by Form.Item: the kinds chosen. */
  value?: NoticeKind[];
  onChange?: (value: NoticeKind[]) => void;
  /**
   * The id of the field's visible label: with it the whole field is a group
   * of that name (the kinds a group robot posts); without it the groups stand
   * alone (my e-mails, under their own heading).
   */
  labelledBy?: string;
}

/**
 * The kinds a channel carries (the e-mails sent to me, a group robot's
 * posts), as checkboxes in the notification centre's groups: each group a
 * named group of checkboxes with a 全选 toggle of its own.
 */
export function NoticeKindsField({ value = [], onChange, labelledBy }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const chosen = new Set<NoticeKind>(value);
  const change = (next: Iterable<NoticeKind>) => onChange?.(orderedKinds([...next]));

  return (
    <div className="kehu-notice-kinds" {...(labelledBy ? { role: 'group', 'aria-labelledby': labelledBy } : {})}>
      {KIND_GROUPS.map(({ group, kinds }) => {
        const headingId = `${id}-${group}`;
        const picked = kinds.filter((k) => chosen.has(k));
        const all = picked.length === kinds.length;
        const others = value.filter((k) => !kinds.includes(k));
        return (
          <div key={group} role="group" aria-labelledby={headingId} className="kehu-notice-kinds__group">
            <div className="kehu-notice-kinds__head">
              <h4 id={headingId} className="kehu-notice-kinds__title">
                {t(`pages.notifications.group.${group}`)}
              </h4>
              <Checkbox
                checked={all}
                indeterminate={picked.length > 0 && !all}
                onChange={(e) => change(e.target.checked ? [...others, ...kinds] : others)}
              >
                {t('pages.me.notices.selectAll')}
              </Checkbox>
            </div>
            <Checkbox.Group<NoticeKind>
              className="kehu-notice-kinds__options"
              value={picked}
              options={kinds.map((kind) => ({ value: kind, label: t(`noticeKinds.${kind}`) }))}
              onChange={(next) => change([...others, ...next])}
            />
          </div>
        );
      })}
    </div>
  );
}
