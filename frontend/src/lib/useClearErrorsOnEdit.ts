import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { changedPaths, withAncestors } from './form-paths';

/**
 * For an antd Form's `onValuesChange`: a message set on a field (by the
 * server, or on a list as a whole) goes away as soon as the user edits it,
 * instead of lingering until the next submit. Rules re-run by themselves.
 */
export function useClearErrorsOnEdit<V>(form: FormInstance<V>): (changed: unknown) => void {
  return useCallback(
    (changed: unknown) => {
      const paths = withAncestors(changedPaths(changed)).filter((path) => form.getFieldError(path as never).length > 0);
      if (paths.length) form.setFields(paths.map((name) => ({ name, errors: [] })) as never);
    },
    [form],
  );
}
