import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { State } from '../lib/petition';

interface Props {
  /** The steps the case may go back to, nearest first (the server's `return_targets`). */
  targets: readonly State[];
  placeholder: string;
  id?: string;
  value?: State | null;
  onChange?: (value: State | null) => void;
}

/** An optional step of the case's route, by its state's name; cleared means none. */
export function ReturnStepSelect({ targets, placeholder, id, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Select<State>
      id={id}
      className="kehu-full"
      allowClear
      placeholder={placeholder}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={targets.map((s) => ({ value: s, label: t(`state.${s}`, { defaultValue: s }) }))}
    />
  );
}
