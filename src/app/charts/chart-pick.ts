/** Choosing a trial by clicking its point: the options fragment the trial charts share. */
import type { ActiveElement, Chart, ChartEvent } from 'chart.js';

/** The trial id of the first point under the pointer that belongs to a trial. */
function trialUnder<Datum>(
  chart: Chart,
  elements: readonly ActiveElement[],
  trialOf: (datum: Datum) => string | undefined,
): string | undefined {
  for (const e of elements) {
    const datum = chart.data.datasets[e.datasetIndex]?.data[e.index] as Datum | undefined;
    const id = datum === undefined ? undefined : trialOf(datum);
    if (id !== undefined) return id;
  }
  return undefined;
}

/**
 * `onClick` calls `select()` (read at click time, so a changed prop is honoured) with the clicked trial;
 * `onHover` shows a pointer over points that can be chosen.
 */
export function pickTrialOnClick<Datum>(
  trialOf: (datum: Datum) => string | undefined,
  select: () => ((trialId: string) => void) | undefined,
) {
  return {
    onClick: (_event: ChartEvent, elements: ActiveElement[], chart: Chart) => {
      const id = trialUnder(chart, elements, trialOf);
      if (id !== undefined) select()?.(id);
    },
    onHover: (_event: ChartEvent, elements: ActiveElement[], chart: Chart) => {
      chart.canvas.style.cursor = select() && trialUnder(chart, elements, trialOf) ? 'pointer' : '';
    },
  };
}
