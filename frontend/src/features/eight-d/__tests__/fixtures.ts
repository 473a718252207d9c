import type { Schemas } from '../../../api/types';
import { approvedComplaint } from '../../returns/__tests__/fixtures';

type View = Schemas['EightDView'];
type Section = Schemas['SectionView'];

const SECTIONS = ['team', 'problem', 'containment', 'root_cause', 'actions', 'verification', 'prevention', 'closure'];

/** D1 and D2 as prefilled from the case (complete), the rest still empty. */
export function draftSections(overrides: Record<string, Partial<Section>> = {}): Section[] {
  return SECTIONS.map((section) => {
    const prefilled = section === 'team' || section === 'problem' || section === 'containment';
    const complete = section === 'team' || section === 'problem';
    return {
      section,
      complete,
      prefilled,
      missing: complete ? [] : [{ field: section === 'containment' ? 'containment[0].done_on' : section, code: 'required', message: 'required' }],
      ...overrides[section],
    };
  });
}

export function eightDView(overrides: Partial<View> = {}): View {
  return {
    id: 3,
    name: '2611-0007-BRK-1',
    complaint: { id: 7, name: '2611-0007' },
    state: 'draft',
    required: true,
    report: {
      team: [
        { user_id: 1, role: 'sales_rep' },
        { user_id: 4, role: 'leader' },
      ],
      problem: '法兰盘镀层起泡，客户来料检验发现 250 件不良',
      containment: [{ measure: 'reinspection', description: '库存 2,000 件全检', done_on: null }],
      root_cause: { methods: [], cause: '' },
      actions: [],
      verification: { works: null, no_new_problem: null, prevents_recurrence: null },
      prevention: { documents: [], note: null },
      closure: null,
    },
    sections: draftSections(),
    people: [
      { id: 1, name: '张业务' },
      { id: 4, name: '刘品保' },
    ],
    review_comment: null,
    created_by: { id: 4, name: '刘品保' },
    submitted_by: null,
    submitted_at: null,
    approved_by: null,
    approved_at: null,
    can_edit: true,
    available_actions: ['submit'],
    version: 3,
    ...overrides,
  };
}

/** A report every section of which is done, as approved by the QA manager. */
export function approvedView(): View {
  const base = eightDView();
  return eightDView({
    state: 'approved',
    report: {
      ...base.report,
      containment: [{ measure: 'reinspection', description: '库存 2,000 件全检', done_on: '2026-12-02' }],
      root_cause: { methods: ['sample_analysis', 'fishbone'], cause: '电镀槽温度失控' },
      actions: [{ action: '加装温控报警', owner_id: 5, due_on: '2026-12-10', done_on: '2026-12-09' }],
      verification: {
        works: { passed: true, evidence: '连续三批无起泡' },
        no_new_problem: { passed: true, evidence: '附着力试验合格' },
        prevents_recurrence: { passed: true, evidence: '报警已纳入点检' },
      },
      prevention: { documents: ['fmea', 'control_plan'], note: 'PFMEA 第 4 版' },
      closure: { summary: '问题已解决，客户确认', closed_on: '2026-12-12' },
    },
    sections: draftSections(Object.fromEntries(SECTIONS.map((s) => [s, { complete: true, prefilled: false, missing: [] }]))),
    people: [
      { id: 1, name: '张业务' },
      { id: 4, name: '刘品保' },
      { id: 5, name: '孙制造' },
    ],
    submitted_by: { id: 4, name: '刘品保' },
    submitted_at: '2026-12-12T02:00:00Z',
    approved_by: { id: 8, name: '周经理' },
    approved_at: '2026-12-13T02:00:00Z',
    can_edit: false,
    available_actions: [],
    version: 9,
  });
}

/** The case the report is on: registered, needing an 8D report. */
export function complaintWithEightD(eightD: Schemas['EightDBrief']) {
  return { ...approvedComplaint(), eight_d: eightD };
}

export const users = [
  { id: 1, username: 'sales', display_name: '张业务', department_id: 1, roles: ['sales'], active: true, version: 1, created_at: '2026-01-01T00:00:00Z' },
  { id: 4, username: 'qa', display_name: '刘品保', department_id: 4, roles: ['qa'], active: true, version: 1, created_at: '2026-01-01T00:00:00Z' },
  { id: 5, username: 'production', display_name: '孙制造', department_id: 5, roles: ['production'], active: true, version: 1, created_at: '2026-01-01T00:00:00Z' },
];
