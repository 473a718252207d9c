import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The Rust service (crates/api) listens here in development.
const apiTarget = process.env.KEHU_API_URL ?? 'http://127.0.0.1:8080';

/**
 * Long-lived vendor chunks: they change only when dependencies do, so browsers
 * keep them cached across our releases. Heavy libraries that only one route
 * needs (e.g. echarts for reports) must NOT be listed here: leave them to the
 * route's lazy chunk so they stay out of the first screen.
 */
function vendorChunk(id: string): string | undefined {
  if (!id.includes('node_modules')) return undefined;
  const path = id.split('node_modules/').pop() ?? '';
  if (/^(react|react-dom|scheduler|react-router|cookie|set-cookie-parser)\//.test(path)) {
    return 'vendor-react';
  }
  if (/^(antd|@ant-design|@rc-component|rc-[^/]+|@ctrl|@emotion|dayjs|classnames|stylis|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view|resize-observer-polyfill|json2mq|string-convert|toggle-selection|copy-to-clipboard|@babel\/runtime)\//.test(path)) {
    return 'vendor-antd';
  }
  if (/^(@tanstack|i18next|react-i18next|html-parse-stringify|void-elements|openapi-fetch)\//.test(path)) {
    return 'vendor-data';
  }
  return undefined;
}

export default defineConfig({
  base: '/',
  plugins: [react()],
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
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      output: {
        manualChunks: vendorChunk,
      },
    },
  },
});
