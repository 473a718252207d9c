/**
 * Vitest set-up for antd under jsdom (toolchain.md):
 * - jsdom's getComputedStyle throws "Not implemented" for pseudo-elements,
 *   which antd's scrollbar measuring asks for: drop the second argument.
 * - jsdom has no matchMedia; antd's responsive hooks and our phone layout need it.
 * - jsdom's getComputedStyle is slow with antd's many rules (jsdom-style-cascade.ts).
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { speedUpStyleCascade } from './jsdom-style-cascade';

speedUpStyleCascade(document);

const originalGetComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => originalGetComputedStyle(element);

/** Tests can set this to emulate a viewport width for media queries. */
(globalThis as { __viewportWidth?: number }).__viewportWidth = 1280;

function matches(query: string): boolean {
  const width = (globalThis as { __viewportWidth?: number }).__viewportWidth ?? 1280;
  const max = /max-width:\s*([\d.]+)px/.exec(query);
  const min = /min-width:\s*([\d.]+)px/.exec(query);
  return (!max || width <= Number(max[1])) && (!min || width >= Number(min[1]));
}

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  value: (query: string): MediaQueryList => ({
    matches: matches(query),
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

// Whole-app tests render lazy routes and React Query fetches that settle after
// the triggering event; findBy* waits for them. React's act() reminder about
// those updates is noise here, so hide that one message (and only that one).
const originalConsoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('not wrapped in act(')) return;
  originalConsoleError(...args);
};

// findBy*/waitFor give up after 1 s by default; whole-app tests with lazy
// routes and antd need longer on a busy 2-core machine (a first lazy route's
// cold transform has taken more than 5 s in CI).
configure({ asyncUtilTimeout: 15_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});
