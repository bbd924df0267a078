/** Markdown escaping for text that comes from users (column and parameter names, category values). */

/** Inline code that survives backticks inside the text. */
export function code(text: string): string {
  const clean = oneLine(text);
  const runs = clean.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** Plain text in a sentence or a table cell: Markdown and HTML specials escaped, on one line. */
export function text(value: string): string {
  return oneLine(value).replace(/[\\`*_[\]<>#]/g, (c) => `\\${c}`);
}

/** A table cell: pipes must be escaped even inside code spans (`table` does it for every cell). */
export function cell(markdown: string): string {
  return markdown.replace(/\|/g, '\\|');
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

function oneLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}
