#!/usr/bin/env node
// Lists dist/assets with gzip sizes and sums what the first screen loads:
// the entry script, its modulepreloads and the stylesheet in dist/index.html.
// Exits 1 when that initial total exceeds the budget (KEHU_JS_BUDGET_KB, default 300).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const budgetKb = Number(process.env.KEHU_JS_BUDGET_KB ?? 300);
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]));

/** @param {number} n */
const kb = (n) => (n / 1024).toFixed(2).padStart(8);
const rows = readdirSync(join(dist, 'assets'))
  .map((name) => {
    const bytes = readFileSync(join(dist, 'assets', name));
    return { name: `assets/${name}`, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  })
  .sort((a, b) => a.gzip - b.gzip);

console.log(`${'file'.padEnd(44)}${'raw KB'.padStart(8)}${'gzip KB'.padStart(9)}  initial`);
for (const r of rows) {
  console.log(`${r.name.padEnd(44)}${kb(r.raw)} ${kb(r.gzip)}  ${initial.has(r.name) ? 'yes' : ''}`);
}
const first = rows.filter((r) => initial.has(r.name));
const js = first.filter((r) => r.name.endsWith('.js')).reduce((sum, r) => sum + r.gzip, 0);
const css = first.filter((r) => r.name.endsWith('.css')).reduce((sum, r) => sum + r.gzip, 0);
console.log(`\ninitial JS gzipped: ${(js / 1024).toFixed(1)} KB (budget ${budgetKb} KB); initial CSS gzipped: ${(css / 1024).toFixed(1)} KB`);
if (js / 1024 > budgetKb) {
  console.error('initial JS is over budget');
  process.exit(1);
}
