import { defineConfig } from 'vite';

// Maven passes the jar's classes folder; a bare `npm run build` writes to dist/ beside this file.
const outDir = process.env.CONSOLE_OUT_DIR ?? 'dist';

export default defineConfig({
  // The jar serves the console under /console/ (ConsoleResources).
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir,
    emptyOutDir: true,
    // The page's Content-Security-Policy allows no inline script, and every browser it targets
    // supports module preload.
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
});
