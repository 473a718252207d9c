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
   * The id of the field's visible label (or heading): with it the whole field
   * is a group of that name (the kinds a group robot posts, my e-mails sent
   * as they happen, my daily digest); without it the groups stand alone.
   */
  labelledBy?: string;
  /**
   * Kinds shown but not to be ticked here (chosen in another field, as the
   * e-mails sent at once and the daily digest exclude each other). A group's
   * 全选 then toggles, and counts, only the others.
   */
  disabledKinds?: readonly NoticeKind[];
}

/**
 * The kinds a channel carries (the e-mails sent to me, a group robot's
 * posts), as checkboxes in the notification centre's groups: each group a
 * named group of checkboxes with a 全选 toggle of its own.
 */
export function NoticeKindsField({ value = [], onChange, labelledBy, disabledKinds = [] }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const chosen = new Set<NoticeKind>(value);
  const off = new Set<NoticeKind>(disabledKinds);
  const change = (next: Iterable<NoticeKind>) => onChange?.(orderedKinds([...next]));

  return (
    <div className="kehu-notice-kinds" {...(labelledBy ? { role: 'group', 'aria-labelledby': labelledBy } : {})}>
      {KIND_GROUPS.map(({ group, kinds }) => {
        const headingId = `${id}-${group}`;
        const picked = kinds.filter((k) => chosen.has(k));
        // 全选 is about the kinds that may be ticked here.
        const open = kinds.filter((k) => !off.has(k));
        const openPicked = open.filter((k) => chosen.has(k));
        const all = open.length > 0 && openPicked.length === open.length;
        const others = value.filter((k) => !kinds.includes(k));
        const kept = picked.filter((k) => off.has(k));
        return (
          <div key={group} role="group" aria-labelledby={headingId} className="kehu-notice-kinds__group">
            <div className="kehu-notice-kinds__head">
              <h4 id={headingId} className="kehu-notice-kinds__title">
                {t(`pages.notifications.group.${group}`)}
              </h4>
              <Checkbox
                checked={all}
                indeterminate={openPicked.length > 0 && !all}
                // Only when set: an explicit `false` would override the form's own disabled state.
                {...(open.length === 0 ? { disabled: true } : {})}
                onChange={(e) => change(e.target.checked ? [...others, ...kept, ...open] : [...others, ...kept])}
              >
                {t('pages.me.notices.selectAll')}
              </Checkbox>
            </div>
            <Checkbox.Group<NoticeKind>
              className="kehu-notice-kinds__options"
              value={picked}
              options={kinds.map((kind) => ({ value: kind, label: t(`noticeKinds.${kind}`), ...(off.has(kind) ? { disabled: true } : {}) }))}
              onChange={(next) => change([...others, ...next])}
            />
          </div>
        );
      })}
    </div>
  );
}
