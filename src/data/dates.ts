/**
 * Whether a text column holds dates or date-times ("2008-12-01", "01/12/2008", "2019-03-04 10:30"):
 * such a column is too varied to one-hot encode, and the words leaving it out should say it is dates.
 */
const DATE_PATTERNS = [
  // 2008-12-01, 2008/12/01, 2008.12.01, with an optional time (T or space) and zone.
  /^\d{4}([-/.])\d{1,2}\1\d{1,2}([T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[AP]M)?)?$/i,
  // 01/12/2008, 12-01-2008, 1.12.08, with an optional time.
  /^\d{1,2}([-/.])\d{1,2}\1(\d{4}|\d{2})([T ]\d{1,2}:\d{2}(:\d{2})?\s*([AP]M)?)?$/i,
  // 1-Dec-2008, 01 Dec 2008, Dec 1 2008, December 1, 2008.
  /^\d{1,2}[- ][A-Za-z]{3,9}\.?[- ,]+\d{2,4}$/,
  /^[A-Za-z]{3,9}\.? \d{1,2},? \d{4}$/,
];

const SAMPLE = 200;

export function looksLikeDates(texts: readonly (string | null)[]): boolean {
  let seen = 0;
  for (const text of texts) {
    if (text === null || text.trim() === '') continue;
    if (!DATE_PATTERNS.some((pattern) => pattern.test(text.trim()))) return false;
    if (++seen >= SAMPLE) break;
  }
  return seen > 0;
}
