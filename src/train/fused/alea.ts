/**
 * Johannes Baagøe's Alea PRNG (MIT licence, 2010) as the `seedrandom` package (3.0.5) implements it.
 * tfjs draws every seeded `randomUniform` (dropout masks, glorotUniform) from `seedrandom.alea(String(seed))`,
 * so this port reproduces those draws on the host, where a fused group builds all its masks at once.
 */
function mash(): (data: string) => number {
  let n = 0xefc8249d;
  return (data) => {
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000;
    }
    return (n >>> 0) * 2.3283064365386963e-10;
  };
}

/** A generator of doubles in [0, 1), the same sequence as `seedrandom.alea(seed)`. */
export function alea(seed: string): () => number {
  const m = mash();
  let c = 1;
  let s0 = m(' ');
  let s1 = m(' ');
  let s2 = m(' ');
  s0 -= m(seed);
  if (s0 < 0) s0 += 1;
  s1 -= m(seed);
  if (s1 < 0) s1 += 1;
  s2 -= m(seed);
  if (s2 < 0) s2 += 1;
  return () => {
    const t = 2091639 * s0 + c * 2.3283064365386963e-10;
    s0 = s1;
    s1 = s2;
    return (s2 = t - (c = t | 0));
  };
}
