import { availableParallelism } from 'node:os';
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';
import { antdDirectImports } from './build-tools/antd-direct-imports';

export default mergeConfig(
  viteConfig,
  defineConfig({
    plugins: [antdDirectImports({ format: 'lib' })],
    test: {
      environment: 'jsdom',
      globals: true,
      setupFiles: ['./src/test/setup.ts'],
      include: ['src/**/*.test.{ts,tsx}'],
      css: false,
      restoreMocks: true,
      unstubGlobals: true,
      // antd renders slowly under jsdom, more so on a busy 2-core machine:
      // a whole-app test has taken up to 10 s there while cargo builds beside it.
      testTimeout: 60_000,
      // Vitest leaves a core to itself (cores - 1 workers): one worker on a
      // 2-core CI runner. Its own process is nearly idle once the sources are
      // transformed, so a second worker takes a quarter or more off the run.
      maxWorkers: Math.max(2, availableParallelism() - 1),
    },
  }),
);
