/** The data part of the Keras Tuner script: read the CSV and preprocess it as the playground does. */
import type { DatasetDescription } from './dataset-description';
import { pyComment, pyFloat, pyString, pyStringList } from './python';

export interface SplitFractions {
  train: number;
  validation: number;
  test: number;
}

export function fractionsFromSizes(sizes: DatasetDescription['splitSizes']): SplitFractions {
  const total = sizes.train + sizes.validation + sizes.test || 1;
  const round = (x: number) => Math.round((x / total) * 1000) / 1000;
  return { train: round(sizes.train), validation: round(sizes.validation), test: round(sizes.test) };
}

export function dataConstants(d: DatasetDescription, fractions: SplitFractions): string {
  return [
    `CSV_FILE = ${pyString(d.fileName)}`,
    `TARGET = ${pyString(d.target)}`,
    `TASK = ${pyString(d.task)}  # binary, multiclass or regression`,
    `CLASS_NAMES = ${pyStringList(d.classNames)}${d.task === 'binary' ? '  # [negative, positive]' : ''}`,
    d.file.delimiter === ' '
      ? 'DELIMITER = r"\\s+"  # runs of spaces and tabs'
      : `DELIMITER = ${pyString(d.file.delimiter)}`,
    `HAS_HEADER = ${d.file.hasHeader ? 'True' : 'False'}`,
    `COLUMN_NAMES = ${pyStringList(d.file.columns)}`,
    `IGNORED_COLUMNS = ${pyStringList(d.ignored.map((c) => c.column))}`,
    ...d.ignored.map((c) => `#   ${pyComment(`${c.column}: ${c.reason}`)}`),
    `CATEGORICAL_COLUMNS = ${pyStringList(d.categorical)}`,
    `SPLITS = (${pyFloat(fractions.train)}, ${pyFloat(fractions.validation)}, ${pyFloat(fractions.test)})  # train, validation, test`,
  ].join('\n');
}

/** Functions only; they read the constants above. */
export const DATA_FUNCTIONS = `MISSING = ["", "?", "NA", "na", "N/A", "NaN", "nan", "null", "NULL", "Null", "None"]


def label_text(value):
    """A target value as the playground names its class: 1.0 -> "1", " M " -> "M"."""
    if isinstance(value, (bool, np.bool_)):
        return str(value).lower()
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
        return str(int(number)) if number.is_integer() else repr(number)
    return str(value).strip()


def split_rows(strata, fractions, seed):
    """Seeded split, stratified by class (the same proportions as the playground, not the same rows)."""
    rng = np.random.default_rng(seed)
    parts = ([], [], [])
    for value in np.unique(strata):
        rows = rng.permutation(np.flatnonzero(strata == value))
        n_train = int(round(len(rows) * fractions[0]))
        n_val = int(round(len(rows) * fractions[1]))
        parts[0].extend(rows[:n_train])
        parts[1].extend(rows[n_train:n_train + n_val])
        parts[2].extend(rows[n_train + n_val:])
    return tuple(np.sort(np.asarray(part, dtype=int)) for part in parts)


def encode_features(features, train):
    """Median / most-frequent imputation and standardisation, all fitted on the training rows only."""
    blocks = []
    numeric = [c for c in features.columns if c not in CATEGORICAL_COLUMNS]
    if numeric:
        values = features[numeric].apply(pd.to_numeric, errors="coerce")
        blocks.append(values.fillna(values.iloc[train].median()).astype("float32"))
    for column in CATEGORICAL_COLUMNS:
        text = features[column].astype("string").str.strip()
        mode = text.iloc[train].mode()
        text = text.fillna(mode.iloc[0] if len(mode) else "")
        blocks.append(pd.get_dummies(text, prefix=column, prefix_sep="=").astype("float32"))
    x = pd.concat(blocks, axis=1).to_numpy(dtype="float32")
    mean = x[train].mean(axis=0)
    std = x[train].std(axis=0)
    std[std == 0] = 1.0
    return ((x - mean) / std).astype("float32")


def load_data(seed):
    frame = pd.read_csv(
        CSV_FILE,
        sep=DELIMITER,
        header=0 if HAS_HEADER else None,
        names=None if HAS_HEADER else COLUMN_NAMES,
        na_values=MISSING,
        skipinitialspace=True,
        decimal="," if DELIMITER == ";" else ".",
    )
    frame.columns = [str(c).strip() for c in frame.columns]
    frame = frame.dropna(subset=[TARGET]).reset_index(drop=True)
    target = frame[TARGET]
    features = frame.drop(columns=[TARGET] + [c for c in IGNORED_COLUMNS if c in frame.columns])
    if TASK == "regression":
        y = pd.to_numeric(target).to_numpy(dtype="float32")
        strata = np.zeros(len(y), dtype=int)
    else:
        index = {name: i for i, name in enumerate(CLASS_NAMES)}
        strata = np.asarray([index[label_text(v)] for v in target], dtype=int)
        if TASK == "binary":
            y = strata.astype("float32")
        else:
            y = keras.utils.to_categorical(strata, len(CLASS_NAMES))
    train, val, test = split_rows(strata, SPLITS, seed)
    x = encode_features(features, train)
    return (x[train], y[train]), (x[val], y[val]), (x[test], y[test])`;
