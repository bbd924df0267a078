/** The import references of a source file, for the tests that check what may import what. */
export interface ImportRef {
  spec: string;
  typeOnly: boolean;
}

/** Static imports and re-exports, dynamic imports and `new URL(…, import.meta.url)` worker references. */
export function importsOf(source: string): ImportRef[] {
  const refs: ImportRef[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*['"]([^'"]+)['"]/gms;
  for (const m of source.matchAll(statement)) {
    const names = m[3];
    const braces = /^\{([^}]*)\}$/.exec(names.trim());
    const allTypes =
      braces !== null &&
      braces[1]
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .every((s) => s.startsWith('type '));
    refs.push({ spec: m[4], typeOnly: Boolean(m[2]) || allTypes });
  }
  for (const m of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm))
    refs.push({ spec: m[1], typeOnly: false });
  for (const m of source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g))
    refs.push({ spec: m[1], typeOnly: false });
  for (const m of source.matchAll(/new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g))
    refs.push({ spec: m[1], typeOnly: false });
  return refs;
}
