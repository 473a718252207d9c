import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      globals: true,
      setupFiles: ['./src/test/setup.ts'],
      include: ['src/**/*.test.{ts,tsx}'],
      css: false,
      restoreMocks: true,
      unstubGlobals: true,
      // antd renders slowly under jsdom, more so on a busy 2-core machine:
      // a whole-app test takes 13-16 s there while cargo builds beside it.
      testTimeout: 60_000,
    },
  }),
);
