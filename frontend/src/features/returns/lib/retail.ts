/**
 * 零售退换货规则 (the consumer rule set): an application judged by the
 * purchase date, the invoice, the package and the shelf life instead of the
 * contract grounds A–D. The periods are the company policy's, so the server
 * judges them; the form only collects the facts.
 */
import dayjs, { type Dayjs } from 'dayjs';
import type { Schemas } from '../../../api/types';
import type { Translate } from '../../../lib/format';
import { everyCode } from '../../../lib/codes';
import { requiredValue } from '../../../lib/required';

export type RuleSet = Schemas['RuleSet'];
export const RULE_SETS = everyCode<RuleSet>()(['business', 'retail']);

/** The facts as the form holds them (dates as Dayjs for the pickers). */
export interface RetailValues {
  purchased_on?: Dayjs | null;
  invoice_number?: string | null;
  invoice_matches?: boolean;
  unopened?: boolean;
  defective?: boolean;
  shelf_life_until?: Dayjs | null;
}

/** The facts in their order, with their catalog keys (`returns.retail.<key>`). */
export const RETAIL_FACTS = [
  ['purchased_on', 'purchasedOn'],
  ['invoice_number', 'invoiceNumber'],
  ['invoice_matches', 'invoiceMatches'],
  ['unopened', 'unopened'],
  ['defective', 'defective'],
  ['shelf_life_until', 'shelfLifeUntil'],
] as const satisfies readonly (readonly [keyof Schemas['RetailFacts'], string])[];

const DATE = 'YYYY-MM-DD';

/** The body's `retail`; the purchase date is required (the form's rule asks for it first). */
export function retailInput(values: RetailValues | undefined): Schemas['RetailInput'] {
  const v = values ?? {};
  return {
    purchased_on: requiredValue(v.purchased_on, 'retail.purchased_on').format(DATE),
    invoice_number: v.invoice_number?.trim() || null,
    invoice_matches: !!v.invoice_matches,
    unopened: !!v.unopened,
    defective: !!v.defective,
    shelf_life_until: v.shelf_life_until ? v.shelf_life_until.format(DATE) : null,
  };
}

/** A saved draft's facts back into the form. */
export function fromRetailView(r: Schemas['RetailFacts'] | null | undefined): RetailValues {
  if (!r) return { invoice_matches: false, unopened: false, defective: false };
  return {
    purchased_on: dayjs(r.purchased_on),
    invoice_number: r.invoice_number ?? null,
    invoice_matches: r.invoice_matches,
    unopened: r.unopened,
    defective: r.defective,
    shelf_life_until: r.shelf_life_until ? dayjs(r.shelf_life_until) : null,
  };
}

const GROUNDS = ['within_warranty', 'below_standard', 'cannot_pay', 'major_change'];

/** How a problem's field is named to the user: `retail.purchased_on` -> 购买日期, `kind` -> 类型. */
export function returnFieldLabel(field: string, t: Translate): string {
  const [top, sub] = field.split('.');
  if (top === 'retail') {
    const fact = RETAIL_FACTS.find(([name]) => name === sub);
    return fact ? t(`returns.retail.${fact[1]}`) : t('returns.ruleSet.retail');
  }
  if (top === 'eligibility') return sub && GROUNDS.includes(sub) ? t(`returns.grounds.${sub}`) : t('returns.form.sectionGrounds');
  if (top === 'kind') return t('returns.field.kind');
  if (top === 'rule_set') return t('returns.field.ruleSet');
  return field;
}

/** One problem as a line: "购买日期：已超过退换期限". */
export function problemText(p: Schemas['FieldError'], t: Translate): string {
  return t('returns.retail.problem', { field: returnFieldLabel(p.field, t), message: t(`validation.${p.code}`, { defaultValue: p.message }) });
}
