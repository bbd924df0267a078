/** What every part of the bench report formats alike: numbers, figures that ran, target lines and tables. */
export const fmt = (x, digits = 2) =>
  x === undefined || x === null || Number.isNaN(x) ? '–' : Number(x).toFixed(digits);

/** A figure that ran without an error. */
export const ok = (figure) => figure && !figure.error;

export function target(name, pass, measured) {
  return { name, result: pass === undefined ? 'NOT RUN' : pass ? 'PASS' : 'FAIL', measured };
}

export function table(headers, rows) {
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}
