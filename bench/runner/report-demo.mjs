/** The default demo's part of the report: its target line and its per-seed table. */
import { fmt, ok, table } from './report-format.mjs';

export function demoTarget(r) {
  const d = ok(r.demo) ? r.demo : undefined;
  const t = d?.targets;
  const worst = d && {
    first: Math.max(...d.rows.map((x) => x.firstSeconds)),
    whole: Math.max(...d.rows.map((x) => x.wholeSeconds)),
    ties: Math.max(...d.rows.map((x) => x.tiedAtTop)),
    lead: Math.min(...d.rows.map((x) => x.lead)),
  };
  return {
    name: d
      ? `the default demo over ${d.rows.length} seeds: first result ≤ ${t.firstSeconds} s, whole search ≤ ${t.wholeSeconds} s, ≤ ${t.maxTies} tied at the top, best − median ≥ ${t.minLead}`
      : 'the default demo over its seeds',
    result: !d ? 'NOT RUN' : d.rows.every((x) => x.pass) ? 'PASS' : 'FAIL',
    measured: worst
      ? `worst seed: first ${fmt(worst.first, 1)} s, whole ${fmt(worst.whole, 1)} s, ${worst.ties} tied at the top, best − median ${fmt(worst.lead, 3)}`
      : '',
  };
}

export function demoSections(r) {
  if (!r.demo) return [];
  const parts = ['## The default demo over seeds (built app, as a class meets it)'];
  if (r.demo.error) parts.push(`_demo failed: ${r.demo.error}_`);
  else
    parts.push(
      table(
        [
          'seed',
          'data',
          'first result',
          'whole search',
          'tied at the top',
          'best',
          'median',
          'best − median',
          'result',
        ],
        r.demo.rows.map((x) => [
          x.seed,
          x.dataset ?? '',
          `${fmt(x.firstSeconds, 1)} s`,
          `${fmt(x.wholeSeconds, 1)} s`,
          `${x.tiedAtTop} of ${x.trials}`,
          fmt(x.best, 4),
          fmt(x.median, 4),
          fmt(x.lead, 3),
          `**${x.pass ? 'PASS' : 'FAIL'}**`,
        ]),
      ),
    );
  return parts;
}
