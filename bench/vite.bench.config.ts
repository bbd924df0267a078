import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { watBytes } from '../vite.config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The benchmark pages: their own root and output folder, the app's datasets as public files. */
export default defineConfig({
  root: here('./page'),
  plugins: [watBytes()],
  base: './',
  publicDir: here('../public'),
  worker: { format: 'es', plugins: () => [watBytes()] },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 8192,
    // tfjs' threaded WASM build serialises its module factory with toString() into the pthread
    // workers; minified, that source names helpers of the enclosing bundle ("e is not defined").
    minify: false,
  },
  logLevel: 'warn',
});
