/**
 * The paired sign test: A beat B in `wins` of the untied pairs and lost `losses`. Under "neither is
 * better", each untied pair goes either way with probability ½, so the wins follow Binomial(n, ½).
 */

/** Two-sided p: the chance of a split at least this lopsided, either way, by luck alone. 1 when n = 0. */
export function signTestP(wins: number, losses: number): number {
  const n = wins + losses;
  const fewer = Math.min(wins, losses);
  let tail = 0;
  let choose = 1;
  for (let i = 0; i <= fewer; i++) {
    tail += choose;
    choose = (choose * (n - i)) / (i + 1);
  }
  return Math.min(1, (2 * tail) / 2 ** n);
}

/** The fewest pairs, all won, that a sign test calls unlikely by luck at level `alpha` (6 at 0.05). */
export function cleanSweepNeeded(alpha = 0.05): number {
  let n = 1;
  while (signTestP(n, 0) >= alpha) n++;
  return n;
}
