import Papa from 'papaparse';
import { fail, guard, ok, type Result } from './errors';
import { detectDelimiter, excelSeparator, spacesToTabs } from './delimiter';
import { hashRows } from './hash';
import { columnNames, detectHeader, generatedNames, repeatedNames } from './header';
import { delimiterName, type Delimiter, type RawTable } from './table';

export interface ReadCsvOptions {
  /** Used in every message. */
  fileName: string;
  /** Force the header decision instead of detecting it. */
  header?: boolean;
  /** Names for a file without a header row (one per column). */
  columnNames?: string[];
}

/** Rows with the wrong number of fields are skipped with a warning, up to this share of the rows. */
export const MAX_RAGGED_SHARE = 0.1;
const BINARY_SAMPLE = 10_000;
const MAX_UNREADABLE_SHARE = 0.05;

interface Rec {
  cells: string[];
  row: number;
}

/**
 * Text → RawTable: refuses binary content, strips a UTF-8 BOM, detects the delimiter (or reads Excel's
 * `sep=` line) and the header,
 * trims cells, drops blank lines, and skips rows with a wrong field count (an error above 10 %).
 */
export function readCsv(text: string, options: ReadCsvOptions): Result<RawTable> {
  return guard(options.fileName, () => read(text, options));
}

function read(text: string, options: ReadCsvOptions): Result<RawTable> {
  const file = options.fileName;
  const binary = binaryProblem(text);
  if (binary)
    return fail('binary-file', file, `${file} ${binary} Save the data as a CSV text file and try again.`);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('empty-file', file, `${file} is empty.`);

  // Excel's `sep=;` line is blanked, not cut, so that row numbers still count it.
  const named = excelSeparator(body);
  const content = named ? body.replace(/^[^\r\n]*/, '') : body;
  const delimiter = named ?? detectDelimiter(content);
  const parsed =
    delimiter === ' '
      ? parseRecords(spacesToTabs(content), '\t', file)
      : parseRecords(content, delimiter, file);
  if (!parsed.ok) return parsed;
  const records = parsed.value;
  if (records.length === 0) return fail('empty-file', file, `${file} has no rows with values.`);

  const width = records[0].cells.length;
  if (width < 2) {
    return fail(
      'too-few-columns',
      file,
      `${file} has only one column. A dataset needs at least one feature column and a target column, separated by commas, semicolons or tabs.`,
      { row: records[0].row },
    );
  }
  const decimalComma = delimiter === ';';
  const detected = detectHeader(
    records.map((r) => r.cells),
    decimalComma,
  );
  const hasHeader = options.header ?? detected.header;
  let header: string[];
  if (hasHeader) header = columnNames(records[0].cells);
  else if (options.columnNames) {
    if (options.columnNames.length !== width) {
      return fail(
        'bad-options',
        file,
        `${file} has ${width} columns but ${options.columnNames.length} column names were given.`,
      );
    }
    header = columnNames(options.columnNames);
  } else header = generatedNames(width);

  const data = hasHeader ? records.slice(1) : records;
  if (data.length === 0) {
    return fail('header-only', file, `${file} has a header row but no data rows.`, { row: records[0].row });
  }
  const warnings: string[] = [];
  if (delimiter === ' ')
    warnings.push(
      `${file} separates its columns with spaces: each run of spaces or tabs was read as one separator.`,
    );
  if (hasHeader) {
    for (const { name, count } of repeatedNames(records[0].cells)) {
      const renamed = header
        .filter((h, i) => h !== name && records[0].cells[i].trim() === name)
        .map((h) => `"${h}"`)
        .join(', ');
      warnings.push(
        `${file}: the column name "${name}" appears ${count} times; the repeats were renamed ${renamed}.`,
      );
    }
  }
  if (!hasHeader && !options.columnNames) {
    warnings.push(`${file} has no header row; the columns are named column_1 to column_${width}.`);
  }
  const ragged = data.filter((r) => r.cells.length !== width);
  if (ragged.length > 0) {
    const first = ragged[0];
    const detail =
      `row ${first.row} has ${first.cells.length} fields but ${width} were expected (as in row ${records[0].row}); ` +
      `${ragged.length} of ${data.length} data rows have the wrong number of fields (rows ${listRows(ragged)}).`;
    if (ragged.length > MAX_RAGGED_SHARE * data.length) {
      return fail(
        'ragged-rows',
        file,
        `${file}: ${detail} Check that the file is ${delimiterName(delimiter)}-separated and that text containing a ${delimiterName(delimiter)} is in double quotes.`,
        { row: first.row },
      );
    }
    warnings.push(`${file}: ${detail} Those rows were skipped.`);
  }
  const kept = data.filter((r) => r.cells.length === width);
  return ok({
    fileName: file,
    delimiter,
    hasHeader,
    headerDetection: detected,
    headerForced: options.header !== undefined,
    header,
    rows: kept.map((r) => r.cells),
    rowNumbers: kept.map((r) => r.row),
    warnings,
    contentHash: hashRows(records.map((r) => r.cells)),
  });
}

function listRows(records: Rec[]): string {
  const shown = records.slice(0, 5).map((r) => r.row);
  return records.length > shown.length ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** Records with trimmed cells and their 1-based starting row (line) in the file; blank lines dropped. */
function parseRecords(text: string, delimiter: Delimiter, file: string): Result<Rec[]> {
  const records: Rec[] = [];
  let problem: { row: number; message: string } | undefined;
  let line = 1;
  let counted = 0;
  const newlineAt = (offset: number, linebreak: string) => {
    const mark = linebreak === '\r' ? '\r' : '\n';
    for (let i = counted; i < offset; i++) if (text[i] === mark) line++;
    counted = Math.max(counted, offset);
  };
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result, parser) => {
      newlineAt(start, result.meta.linebreak);
      const error = result.errors[0];
      if (error && error.type === 'Quotes' && !problem) {
        problem = {
          row: line,
          message:
            error.code === 'MissingQuotes'
              ? `a double quote opened in row ${line} is never closed.`
              : `row ${line} has a double quote in the middle of a field.`,
        };
        parser.abort();
        return;
      }
      const cells = result.data.map((cell) => cell.trim());
      if (cells.some((cell) => cell !== '')) records.push({ cells, row: line });
      start = result.meta.cursor;
    },
  });
  if (problem) {
    return fail(
      'unclosed-quote',
      file,
      `${file}: ${problem.message} A quote must enclose a whole field and be closed.`,
      {
        row: problem.row,
      },
    );
  }
  return ok(records);
}

/** Why the text is not a CSV file, or undefined when it looks like text. */
function binaryProblem(text: string): string | undefined {
  if (text.startsWith('PK\u0003\u0004')) {
    return 'is a ZIP archive (an Excel .xlsx or OpenDocument file?), not a CSV text file.';
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0)
    return `contains binary data (a NUL byte at character ${nul + 1}); it is not a CSV text file (or it was saved as UTF-16).`;
  const sample = text.slice(0, BINARY_SAMPLE);
  let unreadable = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0xfffd || (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127)
      unreadable++;
  }
  if (sample.length > 0 && unreadable / sample.length > MAX_UNREADABLE_SHARE) {
    return `contains ${unreadable} unreadable characters in its first ${sample.length}; it is not a CSV text file.`;
  }
  return undefined;
}
