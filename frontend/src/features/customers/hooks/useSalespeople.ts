import { useMemo } from 'react';
import type { Schemas } from '../../../api/types';
import { useDepartments, useUsers } from '../../reference/api/queries';
import { isSales } from '../lib/options';

export interface Person {
  id: number;
  name: string;
  departmentId: number;
  department: string;
  active: boolean;
  sales: boolean;
  user: Schemas['UserView'];
}

/**
 * The company directory (GET /users) with department names. It has no role
 * or status filter, so salespeople and active people are picked out here.
 */
export function usePeople() {
  const users = useUsers();
  const departments = useDepartments();
  const people = useMemo<Person[]>(() => {
    const names = new Map((departments.data ?? []).map((d) => [d.id, d.name]));
    return (users.data ?? []).map((u) => ({
      id: u.id,
      name: u.display_name,
      departmentId: u.department_id,
      department: names.get(u.department_id) ?? '',
      active: u.active,
      sales: isSales(u.roles),
      user: u,
    }));
  }, [users.data, departments.data]);
  return { people, loading: users.isPending || departments.isPending, error: users.error };
}

/** Select options: "钱业务 · 业务一部". */
export function personOptions(people: Person[]) {
  return people.map((p) => ({ value: p.id, label: p.department ? `${p.name} · ${p.department}` : p.name }));
}

/** Active salespeople (who can own or be assigned customers), optionally of one department. */
export function useSalespeople(departmentId?: number) {
  const { people, loading, error } = usePeople();
  const sales = useMemo(
    () => people.filter((p) => p.active && p.sales && (departmentId === undefined || p.departmentId === departmentId)),
    [people, departmentId],
  );
  return { salespeople: sales, people, loading, error };
}
