import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { everyCode } from '../../../lib/codes';
import { catalogs } from '../../../test/i18n';
import { GROUP_FILTERS, GROUP_OF, kindParam, kindsOf, NOTICE_KINDS, parseGroup, type NoticeGroup } from '../lib/groups';

/** Every kind the server sends, written out: the typecheck fails here when it adds one. */
const SCHEMA_KINDS = everyCode<Schemas['NoticeKind']>()([
  'task', 'reminder', 'major_alert', 'late_inquiry', 'late_inquiry_answered', 'case_reminder', 'containment_reminder', 'close_confirmation_due',
  'first_reply_late', 'close_confirmation_late', 'close_not_confirmed', 'customer_review', 'customer_reviewed',
  'customer_claimed', 'customer_transferred', 'visit_report', 'visit_reviewed', 'customer_handover', 'survey_answered',
  'survey_followup', 'customer_access_request', 'customer_access_decided', 'customer_request', 'customer_request_decided',
  'customer_supply_hold', 'return_task', 'return_decided', 'return_reminder', 'return_note_task', 'allowance_task',
  'return_handling_task', 'return_note_reminder', 'return_handling_reminder', 'allowance_reminder', 'eight_d_review',
  'eight_d_decided', 'effectiveness_due', 'effectiveness_failed', 'deferral_request', 'deferral_decided', 'petition_raised',
  'petition_decided', 'supplier_request', 'supplier_answered', 'penalty_review', 'penalty_disputed', 'penalty_approval',
  'penalty_returned', 'penalty_approved', 'penalty_published', 'weekly_report', 'monthly_report',
]);

const GROUPS = GROUP_FILTERS.filter((g): g is NoticeGroup => g !== 'all');

describe('notice groups', () => {
  it('put every kind of the schema in exactly one group', () => {
    expect([...NOTICE_KINDS].sort()).toEqual([...SCHEMA_KINDS].sort());
    for (const kind of SCHEMA_KINDS) {
      const holding = GROUPS.filter((group) => kindsOf(group).includes(kind));
      expect(holding, kind).toEqual([GROUP_OF[kind]]);
    }
    expect(GROUPS.flatMap(kindsOf)).toHaveLength(SCHEMA_KINDS.length);
  });

  it('are the groups the reader picks from', () => {
    expect(kindsOf('chase').sort()).toEqual(
      [
        'reminder', 'late_inquiry', 'late_inquiry_answered', 'case_reminder', 'containment_reminder', 'first_reply_late', 'close_confirmation_late',
        'return_reminder', 'return_note_reminder', 'return_handling_reminder', 'allowance_reminder',
      ].sort(),
    );
    // A customer who did not confirm the close is news for the coordinators and the sales managers.
    expect(kindsOf('alert')).toEqual(['major_alert', 'close_not_confirmed']);
    expect(kindsOf('decision').sort()).toEqual(
      ['return_decided', 'eight_d_decided', 'deferral_decided', 'petition_decided', 'customer_reviewed', 'customer_access_decided', 'customer_request_decided', 'visit_reviewed', 'effectiveness_failed', 'penalty_returned', 'penalty_published', 'weekly_report', 'monthly_report'].sort(),
    );
    expect(kindsOf('customer').sort()).toEqual(
      ['customer_claimed', 'customer_transferred', 'customer_handover', 'survey_answered', 'survey_followup', 'customer_supply_hold'].sort(),
    );
    expect(kindsOf('task')).toHaveLength(20);
    expect(kindsOf('task')).toContain('close_confirmation_due');
  });

  it('are sent as their comma-separated kinds, and read back from the address', () => {
    expect(kindParam('all')).toBeUndefined();
    expect(kindParam('alert')).toBe('major_alert,close_not_confirmed');
    expect(kindParam('chase')?.split(',')).toEqual(kindsOf('chase'));
    expect(parseGroup('chase')).toBe('chase');
    expect(parseGroup(null)).toBe('all');
    expect(parseGroup('reminder')).toBe('all');
  });

  it.each(Object.keys(catalogs) as (keyof typeof catalogs)[])('have words in %s', (language) => {
    const group = (catalogs[language].pages.notifications as { group: Record<string, string> }).group;
    for (const filter of GROUP_FILTERS) expect(group[filter], filter).toBeTruthy();
  });
});
