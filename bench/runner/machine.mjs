/** Where the figures came from: cores, memory, browser, load, commit and date. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

function run(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

export function describeMachine(browserVersion) {
  const free = run('free', ['-h']);
  const memLine = free?.split('\n').find((l) => l.startsWith('Mem:'));
  return {
    date: new Date().toISOString(),
    nproc: Number(run('nproc', [])) || os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memory: memLine ? memLine.split(/\s+/)[1] : `${(os.totalmem() / 2 ** 30).toFixed(1)}Gi`,
    freeH: free,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    chromium: browserVersion,
    node: process.version,
    commit: run('git', ['rev-parse', '--short', 'HEAD']),
  };
}
