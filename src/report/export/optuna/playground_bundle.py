"""The export's files (study.json, data.csv) and the search space, as the playground wrote them."""

import csv
import hashlib
import io
import json
import os
import sys
from decimal import Decimal

import numpy as np
import optuna


HERE = os.path.dirname(os.path.abspath(__file__))
BUNDLE_FORMAT = "tuning-playground-optuna"
RESULTS_FORMAT = "tuning-playground-results"
# Keras' fuzz factor, as the playground uses it: probability clipping in the losses, Adam's and RMSprop's ε.
EPSILON = 1e-7
FINISHED = ("completed", "stopped", "failed")
# Study attributes: which export started the study, and that its browser trials are all loaded.
FINGERPRINT_KEY = "playground:export"
LOADED_KEY = "playground:browser_trials_loaded"


class TrainingFailed(Exception):
    """A trial that cannot train (it diverged, or its config is unusable): Optuna records it as FAIL."""



# ----------------------------------------------------------------------------- the export's files


class Bundle:
    """study.json (the browser's study, its Optuna distributions and trials) and data.csv."""

    def __init__(self, folder):
        with open(os.path.join(folder, "study.json"), "rb") as file:
            raw = file.read()
        doc = json.loads(raw)
        self.optuna = doc.get("optuna") or {}
        if doc.get("format") != RESULTS_FORMAT or self.optuna.get("format") != BUNDLE_FORMAT:
            raise SystemExit("study.json is not a tuning playground export for Optuna.")
        if self.optuna.get("version") != 1:
            raise SystemExit("study.json has version %r; this script reads version 1." % self.optuna.get("version"))
        self.dataset_name = doc.get("dataset", "")
        self.state = doc["state"]
        self.settings = self.state["settings"]
        self.space = self.settings["space"]["params"]
        self.metric = self.settings["objective"]["metric"]
        self.maximize = self.settings["objective"]["direction"] == "max"
        self.scoring = self.settings["scoring"]
        self.executions = self.settings["executionsPerTrial"]
        self.epochs = self.optuna["epochs"]
        self.distributions = {
            name: optuna.distributions.json_to_distribution(json.dumps(d))
            for name, d in self.optuna["distributions"].items()
        }
        with open(os.path.join(folder, self.optuna["data"]["file"]), "rb") as file:
            data_bytes = file.read()
        # The same export on every machine has the same fingerprint; another one must use another study.
        self.fingerprint = hashlib.sha256(raw + b"\0" + data_bytes).hexdigest()[:20]
        self.data = Data(data_bytes.decode("utf-8"), self.optuna["data"])

    @property
    def study_name(self):
        return self.optuna["studyName"]


class Data:
    """The rows with the split each had in the browser; standardised with mean and std of the TRAIN rows."""

    def __init__(self, text, columns):
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader)
        features = columns["features"]
        expected = features + [columns["target"], columns["split"]] + ([columns["fold"]] if columns["fold"] else [])
        if header != expected:
            raise SystemExit("data.csv: the columns are not the ones study.json lists.")
        rows = [row for row in reader if row]
        f = len(features)
        x = np.array([[float(cell) for cell in row[:f]] for row in rows], dtype=np.float64).reshape(len(rows), f)
        self.task = columns["task"]
        self.class_names = columns["classNames"]
        self.classes = len(self.class_names) if self.task == "multiclass" else 1
        if self.task == "regression":
            self.y = np.array([float(row[f]) for row in rows], dtype=np.float32)
        else:
            index = {name: i for i, name in enumerate(self.class_names)}
            self.y = np.array([index[row[f]] for row in rows], dtype=np.int64)
        self.split = np.array([row[f + 1] for row in rows])
        self.fold = np.array([int(row[f + 2]) if columns["fold"] and row[f + 2] != "" else -1 for row in rows])
        train = self.split == "train"
        mean = x[train].mean(axis=0)
        std = x[train].std(axis=0)
        std[std < 1e-12] = 1.0
        self.x = ((x - mean) / std).astype(np.float32)
        self.folds = int(self.fold.max()) + 1 if columns["fold"] else 0

    def rows(self, split):
        return np.flatnonzero(self.split == split)

    def rows_for_execution(self, execution):
        """Train and validation rows; with k folds, execution e validates on fold e % k as the browser does."""
        if not self.folds:
            return self.rows("train"), self.rows("validation")
        validation_fold = execution % self.folds
        return np.flatnonzero((self.fold >= 0) & (self.fold != validation_fold)), np.flatnonzero(
            self.fold == validation_fold
        )


# ----------------------------------------------------------------------------- the search space


def same_value(a, b):
    """Equality as the playground's conditions test it: True is not 1."""
    return isinstance(a, bool) == isinstance(b, bool) and a == b


def is_active(param, config):
    condition = param.get("condition")
    if not condition:
        return True
    parent = condition["parent"]
    return parent in config and any(same_value(config[parent], v) for v in condition["values"])


def stepped_grid(low, high, step):
    """min, min+step, … ≤ max in decimal arithmetic, exactly as the playground lists them."""
    low, high, step = Decimal(repr(low)), Decimal(repr(high)), Decimal(repr(step))
    return [float(low + i * step) for i in range(int((high - low) // step) + 1)]


def snap(param, value):
    """Optuna's stepped floats carry rounding noise (0.30000000000000004): the playground's exact value."""
    if param["kind"] == "float" and param.get("step") is not None:
        grid = stepped_grid(param["min"], param["max"], param["step"])
        return min(grid, key=lambda v: abs(v - value))
    if param["kind"] == "int":
        return int(value)
    return value


def suggest_config(trial, bundle):
    """Asks the trial for every active parameter in the space's order; Fixed ones are constants."""
    config = {}
    for param in bundle.space:
        if not is_active(param, config):
            continue
        name = param["name"]
        if param["kind"] == "fixed":
            config[name] = param["value"]
            continue
        d = bundle.distributions[name]
        if isinstance(d, optuna.distributions.IntDistribution):
            value = trial.suggest_int(name, d.low, d.high, step=d.step, log=d.log)
        elif isinstance(d, optuna.distributions.FloatDistribution):
            value = trial.suggest_float(name, d.low, d.high, step=d.step, log=d.log)
        else:
            value = trial.suggest_categorical(name, d.choices)
        config[name] = snap(param, value)
    return config



def log(message):
    print("[run_optuna] " + message, file=sys.stderr, flush=True)
