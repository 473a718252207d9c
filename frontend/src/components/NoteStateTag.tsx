import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/types';

type NoteState = Schemas['NoteState'];

const COLOR: Record<NoteState, string> = {
  issued: 'processing',
  to_receive: 'cyan',
  to_book: 'geekblue',
  awaits_decision: 'warning',
  booked: 'success',
};

/**
 * Where a return note (成品退货单) stands, in words (the colour only repeats
 * them). Shared by the returns pages and My tasks.
 */
export function NoteStateTag({ state }: { state: NoteState }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[state]} className="kehu-note-state" data-note-state={state}>
      {t(`returns.noteState.${state}`, { defaultValue: state })}
    </Tag>
  );
}
