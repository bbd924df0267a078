/** Errors are returned as values: nothing in src/data throws past its public functions. */

export type DataErrorCode =
  | 'binary-file'
  | 'empty-file'
  | 'header-only'
  | 'unclosed-quote'
  | 'ragged-rows'
  | 'too-few-columns'
  | 'unknown-column'
  | 'target-all-missing'
  | 'single-class'
  | 'too-many-classes'
  | 'non-finite'
  | 'too-few-rows'
  | 'no-features'
  | 'bad-options'
  | 'internal';

export interface DataError {
  code: DataErrorCode;
  /** A complete sentence for the user, naming the file and, where it applies, the row and column. */
  message: string;
  file: string;
  /** 1-based row as a text editor shows it (the header, when there is one, is row 1). */
  row?: number;
  column?: string;
}

export type Result<T, E = DataError> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail(
  code: DataErrorCode,
  file: string,
  message: string,
  where: { row?: number; column?: string } = {},
): { ok: false; error: DataError } {
  return { ok: false, error: { code, file, message, ...where } };
}

/** Runs `run`, turning anything it throws into an `internal` error, so no exception escapes the module. */
export function guard<T>(file: string, run: () => Result<T>): Result<T> {
  try {
    return run();
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    return fail('internal', file, `${file} could not be processed: ${reason}`);
  }
}
