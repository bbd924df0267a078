/** The main-thread JavaScript a visitor downloads: the scripts index.html loads and preloads, gzipped. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function mainThreadBundle(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const urls = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]);
  const files = [...new Set(urls)].map((url) => {
    const bytes = readFileSync(join(distDir, url.replace(/^\.?\//, '')));
    return { file: url, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  const tfjsOnMainThread = [...new Set(urls)].some((url) =>
    /registerKernel|tfjs-backend/.test(readFileSync(join(distDir, url.replace(/^\.?\//, '')), 'utf8')),
  );
  return { files, gzipKB: gzipBytes / 1024, tfjsOnMainThread };
}
