/** The responsiveness part of the report: a PASS/FAIL line per scenario, and a table of every run. */
import { fmt, ok, table } from './report-format.mjs';

/** The runs of a figure; a run saved before scenarios existed counts as one unnamed scenario. */
function runs(figure) {
  if (!ok(figure)) return [];
  return figure.runs ?? [{ name: 'search', rep: 0, ...figure }];
}

function byScenario(figure) {
  const groups = new Map();
  for (const run of runs(figure)) groups.set(run.name, [...(groups.get(run.name) ?? []), run]);
  return groups;
}

const runWords = (x) =>
  `${x.tasksOver50Ms} long tasks, longest ${x.longestTaskMs} ms, TBT ${x.totalBlockingTimeMs} ms over ${x.observedSeconds} s` +
  (x.cpu ? `, longest on the CPU ${x.cpu.longestCpuMs} ms` : '') +
  (x.loadAverage !== undefined ? ` (load ${fmt(x.loadAverage, 1)})` : '');

export function responsivenessTargets(r) {
  const limit = r.responsiveness?.limitMs ?? 50;
  const groups = byScenario(r.responsiveness);
  if (groups.size === 0)
    return [{ name: `no long task > ${limit} ms during a search`, result: 'NOT RUN', measured: '' }];
  return [...groups].map(([name, list]) => ({
    name: `no long task > ${limit} ms during a search: ${name}`,
    result: list.every((x) => x.tasksOver50Ms === 0) ? 'PASS' : 'FAIL',
    measured: list.map(runWords).join('; '),
  }));
}

/** The longest long task of each scenario, over its runs. */
export function responsivenessKeyFigures(r) {
  const k = {};
  for (const [name, list] of byScenario(r?.responsiveness))
    k[`longest long task, ${name} (ms)`] = Math.max(...list.map((x) => x.longestTaskMs));
  return k;
}

export function responsivenessSection(r, errorLine) {
  if (!r.responsiveness) return [];
  const parts = ['## 4. Main-thread responsiveness (built app, search running)'];
  parts.push(errorLine('responsiveness', r.responsiveness) ?? '');
  const all = runs(r.responsiveness);
  if (all.length === 0) return parts;
  parts.push(
    table(
      [
        'scenario',
        'URL hash',
        'window',
        'load',
        'observed',
        'long tasks',
        'longest',
        'total blocking time',
        'longest on the CPU',
        'page heap',
        'page errors',
      ],
      all.map((x) => [
        x.name,
        `#${x.hash}`,
        x.viewport ? `${x.viewport.width}×${x.viewport.height}` : '–',
        fmt(x.loadAverage, 1),
        `${x.observedSeconds} s (${x.ended})`,
        x.longTasks,
        `${x.longestTaskMs} ms`,
        `${x.totalBlockingTimeMs} ms`,
        x.cpu ? `${x.cpu.longestCpuMs} ms (${x.cpu.tasksOverLimitCpu} over 50)` : '–',
        `${fmt(x.pageHeapBytes / 1e6)} MB`,
        x.errors.length ? x.errors.join('; ') : 'none',
      ]),
    ),
  );
  for (const x of all.filter((x) => x.tasks?.length))
    parts.push(
      `Long tasks, ${x.name} (ms after the click: duration): ${x.tasks.map((t) => `${t.atMs}: ${t.durationMs}`).join(', ')}.`,
    );
  for (const x of all.filter((x) => x.cpu?.longTasks.length))
    parts.push(
      `Traced, ${x.name} (ms after the click: wall / CPU): ${x.cpu.longTasks.map((t) => `${Math.round(t.atMs)}: ${Math.round(t.wallMs)} / ${Math.round(t.cpuMs)}`).join(', ')}.`,
    );
  if (all.some((x) => x.cpu))
    parts.push(
      "Longest on the CPU: the main thread's own time in its longest task (a trace of the same run, its thread clock), and how many tasks spent over 50 ms on the CPU. A long task's wall time beyond it is time the page waited for a core the training workers held.",
    );
  parts.push(
    'The load is the 1-minute load average as the run started: on a shared machine a task takes longer in proportion.',
  );
  return parts;
}
