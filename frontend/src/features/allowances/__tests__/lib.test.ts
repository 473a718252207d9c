import dayjs from 'dayjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { i18n as I18n } from 'i18next';
import type { Schemas } from '../../../api/types';
import { everyCode } from '../../../lib/codes';
import { catalogs, testI18n } from '../../../test/i18n';
import { PROOF_KINDS } from '../components/ProofFields';
import { allowanceFiltersToParams, parseAllowanceFilters } from '../lib/filters';
import { actionBody, defaultReason, isFutureDay, raiseBody } from '../lib/form';
import { signatures } from '../lib/signoff';
import { ALLOWANCE_EVENTS, ALLOWANCE_STATES, isLive, nextState, orderActions, waitingFor } from '../lib/states';
import { allowanceView, at } from './fixtures';

let zh: I18n;
beforeAll(async () => {
  zh = await testI18n('zh-CN');
});

describe('the certificate’s states and actions', () => {
  it('orders the buttons forward first, the ways out last', () => {
    expect(orderActions(['withdraw', 'refuse', 'approve'])).toEqual(['approve', 'refuse', 'withdraw']);
    expect(orderActions(['book'])).toEqual(['book']);
  });

  it('says where each action leads', () => {
    expect(nextState('manager_review', 'approve')).toBe('gm_review');
    expect(nextState('gm_review', 'approve')).toBe('approved');
    expect(nextState('gm_review', 'refuse')).toBe('refused');
    expect(nextState('approved', 'sign')).toBe('signed');
    expect(nextState('signed', 'book')).toBe('booked');
  });

  it('counts refused and withdrawn certificates as no longer covering their line', () => {
    expect(ALLOWANCE_STATES.filter(isLive)).toEqual(['manager_review', 'gm_review', 'approved', 'signed', 'booked']);
  });

  it('says what a certificate in My tasks waits for', () => {
    expect(ALLOWANCE_STATES.map(waitingFor)).toEqual(['countersign', 'countersign', 'customerSign', 'book', null, null, null]);
  });
});

describe('the forms', () => {
  it('prefills the reason from the line’s remarks, else the decision', () => {
    expect(defaultReason({ kind: 'compensation', remarks: ' 停线损失赔偿 ' }, '2611-0007', zh.t)).toBe('停线损失赔偿');
    expect(defaultReason({ kind: 'discount', remarks: null }, '2611-0007', zh.t)).toBe('依客诉单 2611-0007 核决折让');
  });

  it('sends only what each action takes, trimmed, the day as a plain date', () => {
    expect(raiseBody(7, 2, { invoice_number: '  ', reason: ' 赔款 ' })).toEqual({ complaint_id: 7, complaint_line: 2, invoice_number: null, reason: '赔款' });
    expect(actionBody('approve', { reason: 'x' })).toEqual({});
    expect(actionBody('refuse', { reason: ' 金额不符 ', voucher: 'x' })).toEqual({ reason: '金额不符' });
    expect(actionBody('sign', { signer: ' 王建国 ', signed_on: dayjs('2026-12-09'), proof_kind: 'return_certificate', proof_reference: '' })).toEqual({
      signer: '王建国',
      signed_on: '2026-12-09',
      proof_kind: 'return_certificate',
      proof_reference: null,
    });
    expect(actionBody('book', { voucher: ' 记-1206-015 ' })).toEqual({ voucher: '记-1206-015' });
  });

  it('refuses a day after today for the customer’s signature', () => {
    expect(isFutureDay(dayjs())).toBe(false);
    expect(isFutureDay(dayjs().add(1, 'day').startOf('day'))).toBe(true);
  });
});

describe('the list’s filters in the URL', () => {
  it('drops what it does not know and writes the defaults out', () => {
    expect(parseAllowanceFilters(new URLSearchParams('box=to_act&state=signed&x=1'))).toEqual({ box: 'to_act', state: 'signed' });
    expect(parseAllowanceFilters(new URLSearchParams('box=nope&state=draft'))).toEqual({ box: 'all' });
    expect(allowanceFiltersToParams({ box: 'all', state: 'booked' }).toString()).toBe('state=booked');
  });
});

describe('the sign-off blocks', () => {
  it('name who signed each block and when, blank until then', () => {
    expect(signatures(at('booked')).map((s) => [s.signer, s.name, s.at])).toEqual([
      ['sales', '张业务', '2026-12-06T02:00:00Z'],
      ['manager', '韩经理', '2026-12-07T02:00:00Z'],
      ['gm', '郑总', '2026-12-08T02:00:00Z'],
      ['customer', '王建国', '2026-12-09'],
      ['accounting', '钱会计', '2026-12-10T02:00:00Z'],
    ]);
    expect(signatures(allowanceView()).map((s) => s.name)).toEqual(['张业务', null, null, null, null]);
  });
});

type Tree = { [key: string]: string | Tree };
const atPath = (tree: Tree, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Tree)[key] : undefined), tree);

/** Every code the server may send about a certificate, and where the catalogs word it. */
const WORDED: [string, readonly string[]][] = [
  ['allowances.state', ALLOWANCE_STATES],
  ['allowances.action', everyCode<Schemas['AllowanceAction']>()(['approve', 'refuse', 'withdraw', 'sign', 'book', 'extend'])],
  ['allowances.event', ALLOWANCE_EVENTS],
  ['allowances.proof', PROOF_KINDS],
  ['allowances.proofName', PROOF_KINDS],
  ['allowances.kind', ['discount', 'compensation']],
];

describe('the catalogs', () => {
  it.each(WORDED)('word every code in every language: %s', (prefix, codes) => {
    for (const [language, catalog] of Object.entries(catalogs)) {
      const missing = codes.filter((code) => typeof atPath(catalog as unknown as Tree, `${prefix}.${code}`) !== 'string');
      expect(missing, `${language} ${prefix}`).toEqual([]);
    }
  });

  it('word the notice’s state through the certificate’s states', () => {
    for (const catalog of Object.values(catalogs)) expect(atPath(catalog as unknown as Tree, 'notices.codes.allowance_state')).toBe('allowances.state');
  });
});
