/** File bytes → text: UTF-8 (with or without BOM), UTF-16 (by BOM or by its zero bytes), else Windows-1252. */

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** Set when the encoding was guessed rather than declared, so the user can check the result. */
  warning?: string;
}

const SNIFF_BYTES = 1000;

/** Never throws: bytes that are no text at all come out as text that `readCsv` refuses as binary. */
export function decodeCsvBytes(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  const unmarked = unmarkedUtf16(bytes);
  if (unmarked) {
    return {
      text: decode(unmarked, bytes),
      encoding: unmarked,
      warning: `${fileName} has no byte-order mark but looks like ${unmarked.toUpperCase()} text; it was read that way.`,
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return {
      text: decode('windows-1252', bytes),
      encoding: 'windows-1252',
      warning: `${fileName} is not UTF-8; it was read as Windows-1252 (Western European). Check accented letters in the preview, or save the file as UTF-8.`,
    };
  }
}

function decode(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * ASCII-heavy UTF-16 without a BOM has a zero byte in every other position: at odd offsets for
 * little-endian, at even offsets for big-endian. Binary files have zeros scattered everywhere.
 */
function unmarkedUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > 0.9 * pairs && evenZeros === 0) return 'utf-16le';
  if (evenZeros > 0.9 * pairs && oddZeros === 0) return 'utf-16be';
  return undefined;
}
