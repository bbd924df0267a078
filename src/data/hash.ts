/**
 * FNV-1a, 64-bit, over UTF-8 bytes: small, fast enough for a large file in a worker, and the same in
 * every browser and in Node. It names a dataset's content, it does not protect it (not cryptographic).
 */

const OFFSET: readonly number[] = [0x2325, 0x8422, 0x9ce4, 0xcbf2]; // 0xcbf29ce484222325, low limb first
// The prime 0x100000001b3 = 2^40 + 0x1b3: limbs [0x01b3, 0, 0, 0x0100].
const PRIME_LOW = 0x1b3;
const PRIME_SHIFTED = 0x100; // 2^40 = 2^8 in the third 16-bit limb

export class Fnv64 {
  private h = [...OFFSET];

  /** Adds the UTF-8 bytes of `text`. */
  text(text: string): this {
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low < 0xe000) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          i++;
        }
      }
      if (code < 0x80) this.byte(code);
      else if (code < 0x800) {
        this.byte(0xc0 | (code >> 6));
        this.byte(0x80 | (code & 0x3f));
      } else if (code < 0x10000) {
        this.byte(0xe0 | (code >> 12));
        this.byte(0x80 | ((code >> 6) & 0x3f));
        this.byte(0x80 | (code & 0x3f));
      } else {
        this.byte(0xf0 | (code >> 18));
        this.byte(0x80 | ((code >> 12) & 0x3f));
        this.byte(0x80 | ((code >> 6) & 0x3f));
        this.byte(0x80 | (code & 0x3f));
      }
    }
    return this;
  }

  /** h = (h XOR byte) · prime mod 2^64, in four 16-bit limbs so every product stays exact. */
  byte(value: number): void {
    const h = this.h;
    h[0] ^= value & 0xff;
    const t0 = h[0] * PRIME_LOW;
    const t1 = h[1] * PRIME_LOW;
    const t2 = h[2] * PRIME_LOW + h[0] * PRIME_SHIFTED;
    const t3 = h[3] * PRIME_LOW + h[1] * PRIME_SHIFTED;
    const c1 = t1 + (t0 >>> 16);
    const c2 = t2 + Math.floor(c1 / 65536);
    const c3 = t3 + Math.floor(c2 / 65536);
    h[0] = t0 & 0xffff;
    h[1] = c1 % 65536;
    h[2] = c2 % 65536;
    h[3] = c3 % 65536;
  }

  /** 16 lowercase hex digits. */
  hex(): string {
    return [3, 2, 1, 0].map((i) => this.h[i].toString(16).padStart(4, '0')).join('');
  }
}

const CELL_END = '\u001f';
const ROW_END = '\u001e';

/**
 * The content of a table of cells (rows of trimmed texts): the same for the same cells whatever the
 * delimiter, quoting, line endings, byte-order mark or text encoding of the file they came from.
 */
export function hashRows(rows: Iterable<readonly string[]>): string {
  const hash = new Fnv64();
  for (const row of rows) {
    for (const cell of row) hash.text(cell).text(CELL_END);
    hash.text(ROW_END);
  }
  return hash.hex();
}
