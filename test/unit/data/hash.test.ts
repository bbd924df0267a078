import { describe, expect, it } from 'vitest';
import { Fnv64, hashRows } from '../../../src/data/hash';

describe('FNV-1a 64', () => {
  it('matches the published test vectors', () => {
    expect(new Fnv64().hex()).toBe('cbf29ce484222325');
    expect(new Fnv64().text('a').hex()).toBe('af63dc4c8601ec8c');
    expect(new Fnv64().text('foobar').hex()).toBe('85944171f73967e8');
  });

  it('hashes text as UTF-8 bytes (two-, three- and four-byte characters)', () => {
    const bytes = (text: string) => {
      const h = new Fnv64();
      for (const b of new TextEncoder().encode(text)) h.byte(b);
      return h.hex();
    };
    for (const text of ['é', 'Ünïcødé', '€ 12', '𝔘 emoji 😀'])
      expect(new Fnv64().text(text).hex()).toBe(bytes(text));
  });

  it('separates cells and rows, so moving a boundary changes the hash', () => {
    expect(hashRows([['ab', 'c']])).not.toBe(hashRows([['a', 'bc']]));
    expect(hashRows([['a'], ['b']])).not.toBe(hashRows([['a', 'b']]));
    expect(hashRows([['a', 'b']])).toBe(hashRows([['a', 'b']]));
  });
});
