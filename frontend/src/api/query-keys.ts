/**
 * Query keys that features other than their owner invalidate (an action on a
 * case changes "my tasks"). Kept here so those imports do not run between
 * feature folders in both directions.
 */
export const taskKeys = {
  all: ['tasks'] as const,
  mine: () => [...taskKeys.all, 'mine'] as const,
};

/**
 * Return applications: the complaint page lists a complaint's applications
 * and My tasks the ones waiting for me, so the returns feature's changes
 * reach both through this one prefix.
 */
export const returnKeys = {
  all: ['returns'] as const,
  lists: () => [...returnKeys.all, 'list'] as const,
  list: (filters: object, limit: number) => [...returnKeys.lists(), filters, limit] as const,
  toAct: () => [...returnKeys.lists(), 'to_act'] as const,
  ofComplaint: (complaintId: number) => [...returnKeys.lists(), 'complaint', complaintId] as const,
  detail: (id: number) => [...returnKeys.all, 'detail', id] as const,
};

/**
 * Complaints: the 8D report's changes (opening it, submitting, approving)
 * show on the complaint's page and history, so they invalidate these.
 */
export const complaintKeys = {
  all: ['complaints'] as const,
  lists: () => [...complaintKeys.all, 'list'] as const,
  list: (filters: object, limit: number) => [...complaintKeys.lists(), filters, limit] as const,
  /** The filtered list's total: under `lists()`, so whatever refreshes the list refreshes it too. */
  count: (filters: object) => [...complaintKeys.lists(), 'count', filters] as const,
  details: () => [...complaintKeys.all, 'detail'] as const,
  detail: (id: number) => [...complaintKeys.details(), id] as const,
  events: (id: number) => [...complaintKeys.all, 'events', id] as const,
  /** The product's earlier complaints (registration's recurrence panel, the repeat link). */
  recurrence: (id: number) => [...complaintKeys.all, 'recurrence', id] as const,
};

/**
 * Improvement tracking (改善追踪): a case's marks, effectiveness check and
 * deferral requests, QA's list of checks and the GMs' deferral box. Closing
 * a case schedules its check and ends who may mark it or ask to defer it, so
 * the complaint's own actions invalidate `ofComplaint`.
 */
export const improvementKeys = {
  all: ['improvement'] as const,
  ofComplaint: (complaintId: number) => [...improvementKeys.all, 'complaint', complaintId] as const,
  marks: (complaintId: number) => [...improvementKeys.ofComplaint(complaintId), 'marks'] as const,
  check: (complaintId: number) => [...improvementKeys.ofComplaint(complaintId), 'check'] as const,
  checks: () => [...improvementKeys.all, 'checks'] as const,
  dueChecks: () => [...improvementKeys.checks(), 'scheduled', 'due'] as const,
  deferrals: (complaintId: number) => [...improvementKeys.ofComplaint(complaintId), 'deferrals'] as const,
  deferralLists: () => [...improvementKeys.all, 'deferrals'] as const,
  waitingDeferrals: () => [...improvementKeys.deferralLists(), 'requested'] as const,
};

/**
 * Petitions (签呈): a case's petitions and the general manager's box. A
 * decision may send the case back, and the case's own actions change who may
 * raise one (and the steps it may go back to), so both sides invalidate these.
 */
export const petitionKeys = {
  all: ['petitions'] as const,
  ofComplaint: (complaintId: number) => [...petitionKeys.all, 'complaint', complaintId] as const,
  lists: () => [...petitionKeys.all, 'list'] as const,
  pending: () => [...petitionKeys.lists(), 'pending'] as const,
};

/**
 * Supplier corrective-action requests (供应商纠正措施要求): a case's requests
 * and the My-tasks boxes. Concluding the investigation raises or cancels
 * them, so the complaint's own actions invalidate these too.
 */
export const supplierKeys = {
  all: ['supplier-requests'] as const,
  ofComplaint: (complaintId: number) => [...supplierKeys.all, 'complaint', complaintId] as const,
  lists: () => [...supplierKeys.all, 'list'] as const,
  list: (state: string) => [...supplierKeys.lists(), state] as const,
};

/**
 * 催办单 / 洽办单: one letter and a case's letters. A case's own actions end
 * a reminder's wait (or issue one), so the complaint's actions invalidate
 * `ofComplaint` too.
 */
export const letterKeys = {
  all: ['letters'] as const,
  detail: (id: number) => [...letterKeys.all, 'detail', id] as const,
  ofComplaint: (complaintId: number) => [...letterKeys.all, 'complaint', complaintId] as const,
};

/**
 * 客户沟通: a case's contacts with the customer (首次回复, 回访确认关闭). A
 * case's own actions start their clocks (registration, a resolved close), so
 * the case page reads them again when the case changes.
 */
export const contactKeys = {
  all: ['customer-contacts'] as const,
  ofComplaint: (complaintId: number) => [...contactKeys.all, 'complaint', complaintId] as const,
};

/**
 * 通知设置 on 我的: the caller's notice preferences (e-mail language,
 * kinds and daily digest), the log of the e-mails sent to them and that of
 * their daily digests.
 */
export const noticePreferenceKeys = {
  all: ['notice-preferences'] as const,
  mine: () => [...noticePreferenceKeys.all, 'mine'] as const,
  deliveries: () => [...noticePreferenceKeys.all, 'deliveries'] as const,
  digests: () => [...noticePreferenceKeys.all, 'digests'] as const,
};
