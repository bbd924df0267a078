/** The time estimate in words: "about 4 min (3–6 min)", rounded as a person would say it. */
import type { TimeEstimate } from '../../core/estimate';
import { backendLabel } from '../../core/experiment';
import { formatCount, formatNumber, plural } from './format';

/** 47_000 → "45 s"; 95_000 → "1 min 30 s"; 250_000 → "4 min"; 4_000_000 → "1 h 5 min". */
export function roughDuration(ms: number): string {
  const s = Math.max(0, ms / 1000);
  if (s < 55) return `${Math.max(5, Math.round(s / 5) * 5)} s`;
  if (s < 150) {
    const tens = Math.round(s / 10) * 10;
    const min = Math.floor(tens / 60);
    return tens % 60 ? `${min} min ${tens % 60} s` : `${min} min`;
  }
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const five = Math.round(minutes / 5) * 5;
  const h = Math.floor(five / 60);
  return five % 60 ? `${h} h ${five % 60} min` : `${h} h`;
}

/** "3–6 min" when both ends are whole minutes, else "40 s–1 min 10 s". */
export function roughRange(lowMs: number, highMs: number): string {
  const low = roughDuration(lowMs);
  const high = roughDuration(highMs);
  if (low === high) return low;
  const minutes = /^(\d+) min$/;
  const a = minutes.exec(low);
  const b = minutes.exec(high);
  return a && b ? `${a[1]}–${b[1]} min` : `${low}–${high}`;
}

export const estimateWords = (e: TimeEstimate): string =>
  `about ${roughDuration(e.ms)} (${roughRange(e.lowMs, e.highMs)})`;

/** Where the estimate's speed comes from. */
export function estimateBasis(e: TimeEstimate, workers: number, measuring = false): string {
  const on = `${backendLabel(e.backend)}, ${plural(workers, 'worker')}`;
  const rates = e.ratesOf === e.backend ? '' : ` with ${backendLabel(e.ratesOf)}'s measured rates`;
  return e.measuredHere
    ? `on ${on}${rates}, scaled by a probe of this machine (${formatNumber(e.slowdown, 2)}× the bench machine's time${measuring ? '; measuring it again' : ''})`
    : `on ${on}${rates}, at the bench machine's speed until this machine is measured`;
}

/** "rung 1 trains on 1,296 rows, rung 2 on 3,889, rung 3 on 11,667 and rung 4 on all 35,000" */
export function rungRowsWords(rows: readonly number[], trainRows: number): string {
  const parts = rows.map((n, i) => {
    const count = n >= trainRows ? `all ${formatCount(trainRows)}` : formatCount(n);
    return i === 0 ? `rung 1 trains on ${count} rows` : `rung ${i + 1} on ${count}`;
  });
  return parts.length <= 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
