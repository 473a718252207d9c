#!/usr/bin/env node
// `npm run e2e:smoke`: proves the browser harness works without the service —
// opens a data: URL page with Chinese text and saves a screenshot.
import assert from 'node:assert/strict';
import { launchBrowser, screenshot } from './support/browser.mjs';

const html = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>smoke</title>
<body style="font-family:sans-serif;padding:24px"><h1>客户投诉管理 · Kehu</h1><p>逾期 2 天 · ¥100,000.01</p></body></html>`;

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 640, height: 240 } });
  await page.goto(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), '客户投诉管理 · Kehu');
  const path = await screenshot(page, 'smoke');
  console.log(`smoke ok: ${browser.version()} -> ${path}`);
} finally {
  await browser.close();
}
