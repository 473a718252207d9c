import { describe, expect, it } from 'vitest';
import { couldMatch, subjectsOf } from '../jsdom-style-cascade';

// The shortcut may only ever skip rules that cannot match: checked against
// the selector engine itself on selectors shaped like antd's and odd ones.
const SELECTORS = [
  '.ant-btn',
  ':where(.css-dev-only-do-not-override-x).ant-btn.ant-btn-primary',
  ':where(.css-dev-only-do-not-override-x).ant-table-wrapper .ant-table-tbody >tr >td',
  'a:where(.css-dev-only-do-not-override-x).ant-typography[disabled]:active,:where(.css-dev-only-do-not-override-x).ant-typography a[disabled]:active',
  ':where(.css-dev-only-do-not-override-x)[class^="ant-table"] [class^="ant-table"]::before',
  '.ant-btn:not(:disabled):not(.ant-btn-disabled):hover',
  '.ant-form-item:has(.ant-input)',
  ':is(.ant-btn, .other) span',
  'div[data-x=".ant-btn, .x"] .y',
  "div[data-x='a)b'] .y",
  '.a+.b',
  '.a ~ .b',
  '.a>.b',
  '* .b',
  'svg rect',
  'RECT',
  'svg|rect',
  '.a\\:b',
  '.ANT-BTN',
  '[hidden]',
  'td, th',
  '@media screen',
];

function fixture(): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = `
    <div class="css-dev-only-do-not-override-x ant-table-wrapper">
      <table class="ant-table"><tbody class="ant-table-tbody"><tr><td class="ant-table-cell">1</td><th>2</th></tr></tbody></table>
    </div>
    <button class="css-dev-only-do-not-override-x ant-btn ant-btn-primary" disabled><span>ok</span></button>
    <a class="css-dev-only-do-not-override-x ant-typography" disabled>link</a>
    <div class="ant-form-item"><input class="ant-input"></div>
    <div data-x=".ant-btn, .x"><p class="y">y</p></div>
    <div data-x="a)b"><p class="y">y</p></div>
    <p class="a">a</p><p class="b">b</p><p class="a:b" hidden>ab</p>
    <svg><rect class="a"></rect></svg>`;
  document.body.append(root);
  return root;
}

describe('the style cascade shortcut', () => {
  it('never skips a rule the selector engine would match', () => {
    const root = fixture();
    const elements = [root, ...root.querySelectorAll('*')];
    let skipped = 0;
    for (const selector of SELECTORS) {
      const subjects = subjectsOf(selector);
      for (const element of elements) {
        if (subjects && !couldMatch(subjects, element)) {
          skipped++;
          let matches = false;
          try {
            matches = element.matches(selector);
          } catch {
            // An invalid selector matches nothing.
          }
          expect(matches, `${selector} on <${element.localName} class="${element.getAttribute('class') ?? ''}">`).toBe(false);
        }
      }
    }
    // Still a shortcut: most pairs above are skipped.
    expect(skipped).toBeGreaterThan((SELECTORS.length * elements.length) / 2);
    root.remove();
  });

  it('reads the subject of each selector in a list, and leaves odd ones to the engine', () => {
    expect(subjectsOf(':where(.css-x).ant-table-wrapper .ant-table-tbody >tr >td.ant-table-cell, .ant-btn:not(.ant-btn-primary)')).toEqual([
      { classes: ['ant-table-cell'], tag: 'td' },
      { classes: ['ant-btn'], tag: null },
    ]);
    expect(subjectsOf('div[data-x=".a, .b"] .c')).toEqual([{ classes: ['c'], tag: null }]);
    expect(subjectsOf('.a\\:b')).toBeNull();
    expect(subjectsOf('svg|rect')).toBeNull();
  });

  it('sees a class that changed since the last look at the same element', () => {
    const element = document.createElement('div');
    const subjects = subjectsOf('.ant-btn')!;
    expect(couldMatch(subjects, element)).toBe(false);
    element.className = 'ant-btn';
    expect(couldMatch(subjects, element)).toBe(true);
  });
});
