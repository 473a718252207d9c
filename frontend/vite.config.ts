import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { antdDirectImports } from './build-tools/antd-direct-imports';

// The Rust service (crates/api) listens here in development.
const apiTarget = process.env.KEHU_API_URL ?? 'http://127.0.0.1:8080';

type ModuleInfo = { isEntry: boolean; importers: readonly string[] } | null;
type GetModuleInfo = (id: string) => ModuleInfo;

const REACT = /^(react|react-dom|scheduler|react-router|cookie|set-cookie-parser)\//;
const ANTD =
  /^(antd|@ant-design|@rc-component|rc-[^/]+|@ctrl|@emotion|dayjs|classnames|stylis|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view|resize-observer-polyfill|json2mq|string-convert|toggle-selection|copy-to-clipboard|@babel\/runtime)\//;
const DATA = /^(@tanstack|i18next|react-i18next|html-parse-stringify|void-elements|openapi-fetch|use-sync-external-store)\//;

/** Is the module loaded by the first screen, i.e. statically reachable from the entry? */
function isInitial(id: string, getModuleInfo: GetModuleInfo, cache: Map<string, boolean>): boolean {
  const known = cache.get(id);
  if (known !== undefined) return known;
  cache.set(id, false); // cycle guard
  const info = getModuleInfo(id);
  const result = !!info && (info.isEntry || info.importers.some((imp) => isInitial(imp, getModuleInfo, cache)));
  cache.set(id, result);
  return result;
}

/**
 * Long-lived vendor chunks: they change only when dependencies do, so browsers
 * keep them across our releases. antd goes there only for the parts the first
 * screen needs (frame, menus, buttons); components that only some page uses
 * (forms, tables, result illustrations, other locales) stay with that page's
 * lazy chunks, and so must heavy route-only libraries such as echarts.
 */
function vendorChunks() {
  const cache = new Map<string, boolean>();
  return (id: string, { getModuleInfo }: { getModuleInfo: GetModuleInfo }): string | undefined => {
    if (!id.includes('node_modules')) return undefined;
    const path = id.split('node_modules/').pop() ?? '';
    if (REACT.test(path)) return 'vendor-react';
    if (DATA.test(path) && isInitial(id, getModuleInfo, cache)) return 'vendor-data';
    if (ANTD.test(path) && isInitial(id, getModuleInfo, cache)) return 'vendor-antd';
    return undefined;
  };
}

export default defineConfig({
  base: '/',
  plugins: [react(), antdDirectImports()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    rollupOptions: {
      output: {
        manualChunks: vendorChunks(),
      },
    },
  },
});
