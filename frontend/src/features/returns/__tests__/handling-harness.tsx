/**
 * The handling section on its own (no app, no routes): it reads the
 * application through React Query like the page does, so a step's answer
 * (or a 412's refetch) shows in it. The stubbed server keeps one
 * application and counts its writes.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import { ConfigProvider } from 'antd';
import { expect } from 'vitest';
import type { Role, Schemas } from '../../../api/types';
import { createAppQueryClient } from '../../../app/query-client';
import { initI18n } from '../../../i18n';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, signInForTests } from '../../../test/render';
import { useReturn } from '../api/queries';
import { HandlingSection } from '../components/HandlingSection';
import { HANDLING_ACTIONS } from '../lib/handling';
import { allOriginals, approvedReturn, handlingHistory, handlingView, inspection, noteView } from './fixtures';

type ReturnView = Schemas['ReturnView'];
type Handling = NonNullable<ReturnView['handling']>;

export interface Server {
  current: ReturnView;
  /** The next write's answer: 200 applies `next`, else the stubbed failure with `errors`. */
  status: number;
  errors: { field: string; code: string; message: string }[];
  writes: Call[];
  /** How many times the application was read (the first render, a 412's refetch). */
  reads: number;
  /** What the next successful step does to the handling. */
  next: (h: Handling, call: Call) => Partial<Handling>;
}

export const server: Server = { current: approvedReturn(), status: 200, errors: [], writes: [], reads: 0, next: () => ({}) };

/** A received application (note booked) whose handling is `handling`, with its history up to `upTo`. */
export function received(handling: Partial<Handling>, upTo: Parameters<typeof handlingHistory>[0] = 'receive'): ReturnView {
  const lines = noteView().lines.map((l, i) => ({ ...l, received: i === 0 ? 498 : 100, booked: i === 0 ? 498 : 100 }));
  return approvedReturn({ inspection: inspection(), ...allOriginals, note: noteView({ state: 'booked', lines }), handling: handlingView(handling), history: handlingHistory(upTo) });
}

function answer(call: Call): Response {
  server.writes.push(call);
  const status = server.status;
  server.status = 200;
  if (status === 412) {
    server.current = { ...server.current, version: server.current.version + 1 };
    return jsonResponse(412, problem(412, 'precondition_failed'));
  }
  if (status !== 200) return jsonResponse(status, problem(status, status === 422 ? 'validation_failed' : 'conflict', server.errors));
  const h = server.current.handling!;
  server.current = { ...server.current, handling: { ...h, ...server.next(h, call), available_actions: [] }, version: server.current.version + 1 };
  return jsonResponse(200, server.current);
}

/** A fresh server holding `application`; the user signed in with `roles`. */
export function serve(application: ReturnView, roles: Role[]) {
  Object.assign(server, { current: application, status: 200, errors: [], writes: [], reads: 0, next: () => ({}) });
  signInForTests({ id: 30, username: roles[0], display_name: '测试用户', department_id: 4, department_name: '质量管理部', roles });
  mockApi({
    '/api/v1/returns/55': () => {
      server.reads += 1;
      return jsonResponse(200, server.current, { ETag: `"${server.current.version}"` });
    },
    ...Object.fromEntries(HANDLING_ACTIONS.map((a) => [`POST /api/v1/returns/55/handling/actions/${a}`, answer])),
  });
}

function Harness() {
  const query = useReturn(55);
  return query.data ? <HandlingSection application={query.data} onRefresh={() => void query.refetch()} /> : <p>loading</p>;
}

/** Renders the section (once the application is read). */
export async function renderHarness() {
  await initI18n('zh-CN');
  render(
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <QueryClientProvider client={createAppQueryClient()}>
        <Harness />
      </QueryClientProvider>
    </ConfigProvider>,
  );
  await waitFor(() => expect(screen.queryByText('loading')).not.toBeInTheDocument());
}

/** Renders the section and waits for it. */
export async function renderSection(): Promise<HTMLElement> {
  await renderHarness();
  return screen.findByTestId('handling-section');
}

export const section = () => screen.getByTestId('handling-section');
export const actionButton = (action: string) => document.querySelector<HTMLElement>(`[data-testid="handling-action-${action}"]`);
export const itemOf = (element: HTMLElement) => element.closest('.ant-form-item') as HTMLElement;
export const drawer = () => screen.findByRole('dialog');
export const submitButton = (scope: HTMLElement) => within(scope).getByTestId('handling-submit');
