/// <reference types="vite/client" />
/** The benchmark page: each figure is one function the runner calls through page.evaluate. */
import { fusedVsSeparate, wasmThreads } from './sections/fused';
import { oracleOverhead } from './sections/oracle-overhead';
import { realQuality, syntheticQuality } from './sections/quality';
import { raceFusion } from './sections/race-fusion';
import { bankMarketingCsv } from '../../test/fixtures/generated';
import { rates } from './sections/rates';
import { searchThroughput } from './sections/search-throughput';
import { soak } from './sections/soak';
import { scaling, throughput } from './sections/throughput';
import { wholeSearch } from './sections/whole-search';
import { wideStep } from './sections/wide-step';

const log = (line: string) => console.log(`[bench] ${line}`);

declare global {
  interface Window {
    bench: typeof bench;
    /** Exposed by the runner: forces a GC over CDP and returns Runtime.getHeapUsage. */
    benchHeap?: () => Promise<{ usedSize: number }>;
  }
}

const bench = {
  throughput: (options: Parameters<typeof throughput>[0]) => throughput(options, log),
  scaling: (options: Parameters<typeof scaling>[0]) => scaling(options, log),
  searchThroughput: (options: Parameters<typeof searchThroughput>[0]) => searchThroughput(options, log),
  raceFusion: (options: Parameters<typeof raceFusion>[0]) => raceFusion(options, log),
  fused: (options: Parameters<typeof fusedVsSeparate>[0]) => fusedVsSeparate(options, log),
  wasmThreads: (options: Parameters<typeof wasmThreads>[0]) => wasmThreads(options, log),
  wholeSearch: (options: Parameters<typeof wholeSearch>[0]) => wholeSearch(options, log),
  wideStep: (options: Parameters<typeof wideStep>[0]) => wideStep(options, log),
  rates: (options: Parameters<typeof rates>[0]) => rates(options, log),
  /** The generated bank-marketing-shaped CSV the estimate figure uploads to the app. */
  bankCsv: (rows: number) => bankMarketingCsv(rows),
  oracleOverhead,
  syntheticQuality,
  realQuality: (options: Parameters<typeof realQuality>[0]) => realQuality(options, log),
  soak(options: Parameters<typeof soak>[0]) {
    const heap = window.benchHeap;
    if (!heap) throw new Error('the runner did not expose benchHeap');
    return soak(options, heap, log);
  },
};

window.bench = bench;
document.getElementById('state')!.textContent = 'ready';
console.log(`[bench] page ready (crossOriginIsolated: ${self.crossOriginIsolated})`);
