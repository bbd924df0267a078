/**
 * The Markdown our reports write (src/report/markdown.ts: headings, paragraphs, "- " lists, pipe
 * tables, code spans, bold and backslash escapes) as plain blocks of text, to show a report on the page
 * without an HTML string.
 */
export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] };

/** Code spans lose their backticks, escaped characters their backslash. */
export function inlineText(markdown: string): string {
  return markdown
    .replace(/(`+) ?(.*?) ?\1(?!`)/g, (_m, _fence, inner: string) => inner.replace(/\\/g, '\uE000'))
    .replace(/(?<!\\)\*\*(.+?)(?<!\\)\*\*/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/\uE000/g, '\\');
}

/** A table row's cells: split at pipes that are not escaped. */
const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => inlineText(c.trim().replace(/\\\|/g, '|')));

export function markdownBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of markdown.split(/\n{2,}/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    const heading = lines[0].match(/^(#{1,6}) (.*)$/);
    if (heading && lines.length === 1) {
      blocks.push({ kind: 'heading', level: heading[1].length, text: inlineText(heading[2]) });
    } else if (lines.every((l) => l.startsWith('- '))) {
      blocks.push({ kind: 'list', items: lines.map((l) => inlineText(l.slice(2))) });
    } else if (
      lines.length >= 2 &&
      lines.every((l) => l.startsWith('|')) &&
      /^\|[\s|:-]+\|$/.test(lines[1])
    ) {
      blocks.push({ kind: 'table', header: cells(lines[0]), rows: lines.slice(2).map(cells) });
    } else {
      blocks.push({ kind: 'paragraph', text: inlineText(lines.join(' ')) });
    }
  }
  return blocks;
}
