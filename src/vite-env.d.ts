/// <reference types="svelte" />
/// <reference types="vite/client" />

/** A WebAssembly text file, compiled to its bytes at build time (the `wat-bytes` plugin in vite.config.ts). */
declare module '*.wat' {
  const bytes: Uint8Array<ArrayBuffer>;
  export default bytes;
}
