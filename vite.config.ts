import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

/** `.wat` files import as their WebAssembly bytes (wabt, SIMD on), in the build and in tests. */
export function watBytes(): Plugin {
  return {
    name: 'wat-bytes',
    async transform(code, id) {
      if (!id.endsWith('.wat')) return null;
      const wabt = await (await import('wabt')).default();
      const module = wabt.parseWat(id, code, { simd: true });
      try {
        module.validate();
        const base64 = Buffer.from(module.toBinary({}).buffer).toString('base64');
        return {
          code: `export default Uint8Array.from(atob(${JSON.stringify(base64)}), (c) => c.charCodeAt(0));`,
          map: null,
        };
      } finally {
        module.destroy();
      }
    },
  };
}

export default defineConfig({
  plugins: [
    watBytes(),
    svelte(),
    // Offline after the first visit: a generated service worker precaches the whole build (scripts,
    // workers, the tfjs .wasm binaries and the built-in datasets). The app registers it itself once the
    // page is idle and no search is training (src/app/service-worker.ts).
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: {
        name: 'Tuning Playground',
        short_name: 'Tuning',
        description: 'A hyperparameter-tuning playground that runs entirely in your browser.',
        start_url: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#ffffff',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,csv,md}'],
        maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        // The first visit is controlled at once, so it works offline without a second reload.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  base: './',
  worker: { format: 'es', plugins: () => [watBytes()] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
