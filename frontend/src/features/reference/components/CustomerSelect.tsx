import { Select, type SelectProps } from 'antd';
import { useCustomerOptions } from '../api/queries';

/** The customers the caller may see, searchable by name; a form field's control (value/onChange come from Form.Item). */
export function CustomerSelect(props: Omit<SelectProps<number>, 'options' | 'loading' | 'showSearch'>) {
  const customers = useCustomerOptions();
  return (
    <Select<number>
      showSearch
      optionFilterProp="label"
      loading={customers.isPending}
      options={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
      {...props}
    />
  );
}
