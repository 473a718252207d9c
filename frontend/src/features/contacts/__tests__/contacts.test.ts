import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { contactBody, inOrder, isRecorded } from '../lib/contacts';
import { closeConfirmation, firstReply, recordedFirstReply } from './fixtures';

describe('a contact’s body', () => {
  const at = dayjs('2026-12-07T10:30:00+08:00');

  it('sends a first reply with its promised date and no answer', () => {
    expect(contactBody('first_reply', { contacted_at: at, method: 'phone', summary: ' 下周答复 ', promised_on: dayjs('2026-12-20'), confirmed: true })).toEqual({
      contacted_at: '2026-12-07T02:30:00.000Z',
      method: 'phone',
      summary: '下周答复',
      promised_on: '2026-12-20',
    });
  });

  it('sends a close confirmation with the customer’s answer and no date', () => {
    expect(contactBody('close_confirmation', { contacted_at: at, method: 'visit', summary: '同意结案', promised_on: dayjs('2026-12-20'), confirmed: false })).toEqual({
      contacted_at: '2026-12-07T02:30:00.000Z',
      method: 'visit',
      summary: '同意结案',
      confirmed: false,
    });
  });
});

describe('the contacts', () => {
  it('come first reply first, and count as recorded once done or contacted', () => {
    expect(inOrder([closeConfirmation(), firstReply()]).map((c) => c.kind)).toEqual(['first_reply', 'close_confirmation']);
    expect(isRecorded(firstReply())).toBe(false);
    expect(isRecorded(recordedFirstReply())).toBe(true);
    expect(isRecorded(closeConfirmation({ status: 'done_late' }))).toBe(true);
  });
});
