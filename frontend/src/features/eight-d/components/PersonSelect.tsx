import { Select } from 'antd';
import { useMemo } from 'react';
import type { Schemas } from '../../../api/types';
import { useDepartments, useUsers } from '../../reference/api/queries';

interface Props {
  /** The people the report names already: they stay pickable (and named) even when the directory no longer lists them as active. */
  known: Schemas['Ref'][];
  value?: number;
  onChange?: (value: number) => void;
  id?: string;
  'aria-label'?: string;
}

/** A person from the company directory: "钱业务 · 业务一部", active people only. */
export function PersonSelect({ known, value, onChange, id, ...rest }: Props) {
  const users = useUsers();
  const departments = useDepartments();
  const options = useMemo(() => {
    const names = new Map((departments.data ?? []).map((d) => [d.id, d.name]));
    const listed = (users.data ?? [])
      .filter((u) => u.active || known.some((k) => k.id === u.id))
      .map((u) => {
        const department = names.get(u.department_id);
        return { value: u.id, label: department ? `${u.display_name} · ${department}` : u.display_name };
      });
    const extra = known.filter((k) => !listed.some((o) => o.value === k.id)).map((k) => ({ value: k.id, label: k.name }));
    return [...listed, ...extra];
  }, [users.data, departments.data, known]);
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      showSearch
      optionFilterProp="label"
      loading={users.isPending}
      options={options}
      value={value}
      onChange={onChange}
      className="kehu-full"
    />
  );
}
