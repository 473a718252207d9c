import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Feature folders may depend on each other one way only: two that import
 * each other (care and customers did) cannot be read, tested or split apart
 * on their own. What both need belongs in src/components, src/lib or src/api,
 * or in the one folder the other already depends on.
 */

// Vitest runs from the frontend folder (under jsdom import.meta.url is not a file URL).
const FEATURES = resolve(process.cwd(), 'src/features');

interface Source {
  /** Relative to src/features, with forward slashes. */
  path: string;
  text: string;
}

/** Static imports and re-exports, side-effect imports (CSS too), and `import()`. */
const SPECIFIER = /(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

/** "from -> to" feature pairs, each with the files that make it. */
function featureImports(sources: Source[]): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const { path, text } of sources) {
    const from = path.split('/')[0] ?? '';
    for (const match of text.matchAll(SPECIFIER)) {
      const specifier = match[1] ?? match[2] ?? match[3] ?? '';
      if (!specifier.startsWith('.')) continue;
      const target = relative(FEATURES, resolve(FEATURES, dirname(path), specifier)).split(sep).join('/');
      const to = target.split('/')[0] ?? '';
      if (target.startsWith('..') || to === from) continue;
      const key = `${from} -> ${to}`;
      edges.set(key, [...(edges.get(key) ?? []), `${path} imports ${specifier}`]);
    }
  }
  return edges;
}

/** The pairs of folders that import each other, with the files on both sides. */
function importLoops(edges: Map<string, string[]>): string[] {
  const loops: string[] = [];
  for (const [key, files] of edges) {
    const [from, to] = key.split(' -> ');
    if (!from || !to || from > to) continue;
    const back = edges.get(`${to} -> ${from}`);
    if (back) loops.push(`${from} <-> ${to}:\n  ${[...files, ...back].join('\n  ')}`);
  }
  return loops;
}

function readFeatures(dir = FEATURES): Source[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return readFeatures(full);
    if (!/\.(ts|tsx)$/.test(entry.name)) return [];
    return [{ path: relative(FEATURES, full).split(sep).join('/'), text: readFileSync(full, 'utf8') }];
  });
}

describe('imports between feature folders', () => {
  it('finds a loop made by any kind of import', () => {
    const edges = featureImports([
      { path: 'a/components/Page.tsx', text: "import {\n  Thing,\n} from '../../b/lib/thing';\nimport '../../c/c.css';" },
      { path: 'b/lib/thing.ts', text: "const Pane = lazy(() => import('../../a/components/Pane'));" },
      { path: 'c/lib/x.ts', text: "export { y } from '../../../lib/y';\nimport { z } from './z';" },
    ]);
    expect([...edges.keys()].sort()).toEqual(['a -> b', 'a -> c', 'b -> a']);
    expect(importLoops(edges)).toHaveLength(1);
    expect(importLoops(edges)[0]).toMatch(/^a <-> b:/);
  });

  it('run one way only', () => {
    const edges = featureImports(readFeatures());
    // The scan sees the tree: customer care builds on the customer archive.
    expect(edges.has('care -> customers')).toBe(true);
    expect(importLoops(edges)).toEqual([]);
  });
});
