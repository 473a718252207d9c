import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Rewrites `import { Button, Layout } from 'antd'` into per-component imports
 * (`antd/es/button`, `antd/es/layout`) at build time, as babel-plugin-import
 * did for antd 4. Through the barrel every antd component is statically
 * reachable from the entry, so the chunking in vite.config.ts could not tell
 * which components the first screen really needs. Source code keeps the
 * normal barrel imports; names without a matching folder stay on the barrel.
 * Icons get the same treatment (`@ant-design/icons/es/icons/X`): through the
 * icons barrel every icon some lazy page uses would count as first-screen.
 *
 * Unit tests use it too, with `format: 'lib'` (antd's CommonJS build, which
 * Node loads as it is): through the barrels each test file loaded all of
 * antd and all 830 icons, about a second of every file’s start-up.
 */
export function antdDirectImports({ format = 'es' }: { format?: 'es' | 'lib' } = {}): Plugin {
  const require = createRequire(import.meta.url);
  const esRoot = join(dirname(require.resolve('antd/package.json')), 'es');
  const iconsRoot = join(dirname(require.resolve('@ant-design/icons/package.json')), 'es', 'icons');
  const known = new Map<string, string | null>();
  const knownIcons = new Map<string, string | null>();

  function iconPath(name: string): string | null {
    if (!knownIcons.has(name)) {
      knownIcons.set(name, /^[A-Z]\w+$/.test(name) && existsSync(join(iconsRoot, `${name}.js`)) ? `@ant-design/icons/${format}/icons/${name}` : null);
    }
    return knownIcons.get(name) ?? null;
  }

  function componentPath(name: string): string | null {
    if (!known.has(name)) {
      const folder = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
      const file = join(esRoot, folder, 'index.js');
      const ok = existsSync(file) && readFileSync(file, 'utf8').includes('export default');
      known.set(name, ok ? `antd/${format}/${folder}` : null);
    }
    return known.get(name) ?? null;
  }

  return {
    name: format === 'es' ? 'kehu:antd-direct-imports' : 'kehu:antd-direct-imports-lib',
    // The dev server keeps the barrels (Vite pre-bundles them once); CommonJS is for Vitest only.
    apply: format === 'es' ? 'build' : (_config, { mode }) => mode === 'test',
    transform(code, id) {
      if (id.includes('node_modules') || !/\.[jt]sx?$/.test(id.split('?')[0] ?? '')) return null;
      const rewrite = (barrel: string, resolve: (name: string) => string | null) => (whole: string, list: string) => {
        const direct: string[] = [];
        const rest: string[] = [];
        for (const spec of list.split(',').map((s) => s.trim()).filter(Boolean)) {
          const [imported = '', local = imported] = spec.split(/\s+as\s+/);
          const path = resolve(imported);
          if (path) direct.push(`import ${local} from "${path}";`);
          else rest.push(spec);
        }
        if (direct.length === 0) return whole;
        return [...direct, rest.length ? `import { ${rest.join(', ')} } from "${barrel}";` : ''].join('\n');
      };
      const rewritten = code
        .replace(/import\s*\{([^}]*)\}\s*from\s*["']antd["'];?/g, rewrite('antd', componentPath))
        .replace(/import\s*\{([^}]*)\}\s*from\s*["']@ant-design\/icons["'];?/g, rewrite('@ant-design/icons', iconPath));
      return rewritten === code ? null : { code: rewritten, map: null };
    },
  };
}
