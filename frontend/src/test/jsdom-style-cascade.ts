/**
 * Makes jsdom's getComputedStyle affordable under antd's style sheets.
 *
 * jsdom computes a style by matching the element (and, for inherited
 * properties, each of its ancestors) against every rule in the document: one
 * nwsapi `match` per rule, and antd's CSS-in-JS puts some 2,500 rules there.
 * testing-library's role queries ask every element whether it is hidden, so
 * that cascade was most of our suite's time. Two things made it slow:
 *
 * - nwsapi keeps compiled selectors in an LRU of 1,000, so each pass over the
 *   rules evicted what the next pass needed and every selector was compiled
 *   again for every element. Its caches become unbounded.
 * - Nearly every rule names, in its last compound, a class the element does
 *   not have (`… .ant-table-cell`) or another tag (`… >tr`). That is checked
 *   first; only the rules that pass go to nwsapi.
 *
 * The computed styles stay exactly what jsdom computed before. This reaches
 * into jsdom's internals (the document's `_nwsapiDontThrow`, which only the
 * style cascade uses), so it fails loudly when they change.
 */
import { createRequire } from 'node:module';

interface Cache {
  get(key: string): unknown;
  set(key: string, value: unknown): unknown;
  has(key: string): boolean;
  clear(): void;
  size(): number;
}

const CACHES = ['matchLambdas', 'selectLambdas', 'matchResolvers', 'selectResolvers'] as const;

type Engine = Record<(typeof CACHES)[number], Cache> & {
  match(selectors: unknown, element: Element, callback?: unknown): boolean;
};

function makeUnbounded(cache: Cache): void {
  const map = new Map<string, unknown>();
  cache.get = (key) => map.get(key);
  cache.set = (key, value) => {
    map.set(key, value);
    return value;
  };
  cache.has = (key) => map.has(key);
  cache.clear = () => map.clear();
  cache.size = () => map.size;
}

/** What an element must be for one complex selector to match it: the classes and tag its last compound names. */
interface Subject {
  classes: string[];
  tag: string | null;
}

/**
 * The subject of each selector in a list, or null when the list is beyond
 * this simple reading (escapes, namespaces): nwsapi alone decides those.
 */
export function subjectsOf(selectors: string): Subject[] | null {
  if (/[\\|]/.test(selectors)) return null;
  const subjects: Subject[] = [];
  let depth = 0; // inside (…) or […]: :not(), :where(), :has() and attributes require no class
  let quote = '';
  let compound = '';
  const end = () => {
    const classes = Array.from(compound.matchAll(/\.([-\w\u00a0-\uffff]+)/g), (m) => m[1]!);
    const tag = /^[a-z][-\w]*/i.exec(compound)?.[0].toLowerCase() ?? null;
    subjects.push({ classes, tag });
    compound = '';
  };
  for (const char of selectors) {
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '(' || char === '[') {
      depth++;
    } else if (char === ')' || char === ']') {
      depth--;
    } else if (depth === 0) {
      if (char === ',') end();
      else if (/[\s>+~]/.test(char)) compound = ''; // a combinator: what came before is an ancestor or sibling
      else compound += char;
    }
  }
  end();
  return depth === 0 && !quote ? subjects : null;
}

/** The element jsdom is running through every rule: its tag, and its classes by class attribute. */
const current = { element: null as Element | null, tag: '', classAttribute: '', classes: new Set<string>() };

export function couldMatch(subjects: Subject[], element: Element): boolean {
  if (element !== current.element) {
    current.element = element;
    current.tag = element.localName.toLowerCase();
  }
  // Read every time: the classes can change between two passes over one element.
  const classAttribute = element.getAttributeNS(null, 'class') ?? '';
  if (classAttribute !== current.classAttribute) {
    current.classAttribute = classAttribute;
    current.classes = new Set(classAttribute.split(/[\t\n\f\r ]+/));
  }
  return subjects.some(({ classes, tag }) => (tag === null || tag === current.tag) && classes.every((name) => current.classes.has(name)));
}

export function speedUpStyleCascade(document: Document): void {
  // Class selectors are case-insensitive in quirks mode, which couldMatch does not do.
  if (document.compatMode !== 'CSS1Compat') throw new Error('speedUpStyleCascade expects a standards-mode document');
  const require = createRequire(import.meta.url);
  const { implForWrapper } = require('jsdom/lib/jsdom/living/generated/utils.js') as {
    implForWrapper: (wrapper: object) => Record<string, unknown> | null;
  };
  // jsdom makes the engine on first use.
  document.defaultView?.getComputedStyle(document.documentElement);
  const engine = implForWrapper(document)?._nwsapiDontThrow as Partial<Engine> | undefined;
  if (!engine || typeof engine.match !== 'function' || !CACHES.every((name) => typeof engine[name]?.get === 'function')) {
    throw new Error('jsdom or nwsapi internals changed: update src/test/jsdom-style-cascade.ts (or drop it if they no longer need it)');
  }
  CACHES.forEach((name) => makeUnbounded(engine[name]!));

  const match = engine.match.bind(engine);
  const known = new Map<string, Subject[] | null>();
  engine.match = (selectors, element, callback) => {
    // Rules without a selector (@keyframes, @font-face) come here too.
    if (typeof selectors !== 'string') return match(selectors, element, callback);
    let subjects = known.get(selectors);
    if (subjects === undefined) {
      subjects = subjectsOf(selectors);
      known.set(selectors, subjects);
    }
    if (subjects && !couldMatch(subjects, element)) return false;
    return match(selectors, element, callback);
  };
}
