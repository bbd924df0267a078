#!/usr/bin/env python3
"""Continue a tuning-playground study on Optuna, training each configuration with PyTorch.

Run it in the folder of the export: it reads study.json and data.csv next to it.

    python3 run_optuna.py --n-trials 20                  # a SQLite study (study.db) in this folder
    python3 run_optuna.py --storage postgresql://USER:PASSWORD@HOST/DB --n-trials 20
                                                         # the same command on every machine
    python3 run_optuna.py --n-trials 0 --export-results results.json
                                                         # the whole study, for the playground's import
    python3 run_optuna.py --reproduce-best               # the browser's best config, retrained here

The first process to reach the storage creates the study and loads the browser's finished trials
into it, once; the others wait for that, then every process asks TPE for new trials (a seeded
TPESampler with the constant liar, so workers running at the same time do not propose alike) and
reports each epoch to a successive-halving pruner (asynchronous: no worker waits for another).
--n-trials counts per process: two processes with --n-trials 3 add six trials.

Needs Python 3.8+, optuna 3.x, torch, numpy, and psycopg2 for PostgreSQL. On Debian or Ubuntu:
    apt-get install python3-optuna python3-torch python3-psycopg2
"""
import argparse
import csv
import hashlib
import io
import json
import math
import os
import socket
import sys
import time
import warnings
import zlib
from datetime import datetime, timezone
from decimal import Decimal

import numpy as np
import optuna
import sqlalchemy.exc
import torch
from optuna.trial import TrialState
from torch import nn

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


# ----------------------------------------------------------------------------- the network


# spec-defaults: begin
# What the browser's trainer uses for a name a configuration leaves out (src/core/model/spec.ts).
SPEC_DEFAULTS = {
    "units": 32,
    "dropout": 0.0,
    "activation": "relu",
    "optimizer": "adam",
    "momentum": 0.9,
    "learning_rate": 0.001,
    "lr_decay_rate": 1.0,
    "lr_decay_steps": 1,
    "lr_staircase": False,
    "batch_size": 32,
}
MAX_HIDDEN_LAYERS = 6
# spec-defaults: end


class Spec:
    """A config read as the playground's trainer reads it (src/core/model/spec.ts), with its defaults."""

    def __init__(self, config):
        if "layers" in config:
            layers = int(config["layers"])
        else:
            layers = 0
            while layers < MAX_HIDDEN_LAYERS and "units_%d" % layers in config:
                layers += 1
            layers = layers or 1
        d = SPEC_DEFAULTS
        self.units = [int(config.get("units_%d" % i, d["units"])) for i in range(layers)]
        self.dropouts = [float(config.get("dropout_%d" % i, d["dropout"])) for i in range(layers)]
        self.activation = config.get("activation", d["activation"])
        if self.activation not in ACTIVATIONS:
            raise TrainingFailed("config.activation: %r is not one of %s" % (self.activation, ", ".join(ACTIVATIONS)))
        self.optimizer = config.get("optimizer", d["optimizer"])
        if self.optimizer not in ("adam", "rmsprop", "sgd"):
            raise TrainingFailed("config.optimizer: %r is not adam, rmsprop or sgd" % self.optimizer)
        self.momentum = float(config.get("momentum", d["momentum"]))
        self.learning_rate = float(config.get("learning_rate", d["learning_rate"]))
        self.decay_rate = float(config.get("lr_decay_rate", d["lr_decay_rate"]))
        self.decay_steps = int(config.get("lr_decay_steps", d["lr_decay_steps"]))
        self.staircase = bool(config.get("lr_staircase", d["lr_staircase"]))
        self.batch_size = int(config.get("batch_size", d["batch_size"]))

    def learning_rate_at(self, step):
        """α(step) = α0 · rate^(step / decay_steps); staircase floors the exponent (src/core/schedule.ts)."""
        if self.decay_rate == 1 or self.decay_steps <= 0:
            return self.learning_rate
        exponent = step / self.decay_steps
        return self.learning_rate * self.decay_rate ** (math.floor(exponent) if self.staircase else exponent)


ACTIVATIONS = {
    "relu": nn.ReLU,
    "elu": nn.ELU,
    "selu": nn.SELU,
    "tanh": nn.Tanh,
    "sigmoid": nn.Sigmoid,
    "linear": nn.Identity,
    "softplus": nn.Softplus,
}


def dense(n_in, n_out, generator):
    """A Dense layer as Keras starts it: Glorot-uniform weights, zero bias."""
    layer = nn.Linear(n_in, n_out)
    limit = math.sqrt(6.0 / (n_in + n_out))
    with torch.no_grad():
        layer.weight.uniform_(-limit, limit, generator=generator)
        layer.bias.zero_()
    return layer


def build_model(spec, features, task, classes, generator):
    """Dense (+ Dropout) per hidden layer; the output and its activation follow from the TASK."""
    layers, width = [], features
    for units, rate in zip(spec.units, spec.dropouts):
        layers += [dense(width, units, generator), ACTIVATIONS[spec.activation]()]
        if rate > 0:
            layers.append(nn.Dropout(rate))
        width = units
    if task == "binary":
        layers += [dense(width, 1, generator), nn.Sigmoid()]
    elif task == "multiclass":
        layers += [dense(width, classes, generator), nn.Softmax(dim=1)]
    else:
        layers += [dense(width, 1, generator)]
    return nn.Sequential(*layers)


def loss_of(task, predictions, targets):
    """Keras' losses on the output probabilities (binary / categorical cross-entropy), or the MSE."""
    if task == "binary":
        p = predictions.clamp(EPSILON, 1 - EPSILON)
        return -(targets * torch.log(p) + (1 - targets) * torch.log(1 - p)).mean()
    if task == "multiclass":
        p = predictions.clamp(EPSILON, 1 - EPSILON)
        return -torch.log(p.gather(1, targets.view(-1, 1))).mean()
    return ((predictions - targets) ** 2).mean()


class KerasRMSprop(torch.optim.Optimizer):
    """RMSprop as Keras and TensorFlow.js compute it: ρ 0.9, no momentum, ε INSIDE the square root
    (var -= lr · g / sqrt(ms + ε)); PyTorch's own RMSprop adds ε outside it."""

    def __init__(self, params, lr, rho=0.9, eps=EPSILON):
        super().__init__(params, dict(lr=lr, rho=rho, eps=eps))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["mean_square"] = torch.zeros_like(p)
                mean_square = state["mean_square"]
                mean_square.mul_(group["rho"]).addcmul_(p.grad, p.grad, value=1 - group["rho"])
                p.addcdiv_(p.grad, mean_square.add(group["eps"]).sqrt_(), value=-group["lr"])


def make_optimizer(spec, params):
    """Keras' defaults: Adam β1 0.9, β2 0.999, ε 1e-7; RMSprop as above; SGD with its momentum."""
    if spec.optimizer == "adam":
        return torch.optim.Adam(params, lr=spec.learning_rate, betas=(0.9, 0.999), eps=EPSILON)
    if spec.optimizer == "rmsprop":
        return KerasRMSprop(params, lr=spec.learning_rate)
    return torch.optim.SGD(params, lr=spec.learning_rate, momentum=spec.momentum)


def auc_by_rank(scores, labels):
    """ROC AUC by ranks (Mann–Whitney U), ties counting one half; NaN when one class is absent."""
    positive = labels > 0.5
    n_pos = int(positive.sum())
    n_neg = len(labels) - n_pos
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    _, inverse, counts = np.unique(scores, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    mid_ranks = (ends - counts + 1 + ends) / 2.0
    ranks = mid_ranks[inverse]
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


def task_metrics(task, prefix, predictions, labels):
    if task == "binary":
        p = predictions.reshape(-1)
        return {
            prefix + "accuracy": float(np.mean((p > 0.5).astype(np.int64) == labels)),
            prefix + "auc": auc_by_rank(p, labels),
        }
    if task == "multiclass":
        return {prefix + "accuracy": float(np.mean(predictions.argmax(axis=1) == labels))}
    return {prefix + "mae": float(np.mean(np.abs(predictions.reshape(-1) - labels)))}


def as_targets(task, labels):
    if task == "multiclass":
        return torch.from_numpy(labels)
    return torch.from_numpy(labels.astype(np.float32)).view(-1, 1)


class Execution:
    """One training run of a config: its model, optimizer, global step and per-epoch history."""

    def __init__(self, spec, data, train_rows, validation_rows, seed, early_stopping=None):
        self.spec, self.task = spec, data.task
        self.model = build_model(spec, data.x.shape[1], data.task, data.classes, torch.Generator().manual_seed(seed))
        self.optimizer = make_optimizer(spec, self.model.parameters())
        self.shuffle = torch.Generator().manual_seed(seed + 1)
        self.x_train = torch.from_numpy(data.x[train_rows])
        self.labels_train = data.y[train_rows]
        self.y_train = as_targets(data.task, self.labels_train)
        self.x_validation = torch.from_numpy(data.x[validation_rows])
        self.labels_validation = data.y[validation_rows]
        self.y_validation = as_targets(data.task, self.labels_validation)
        self.early_stopping = early_stopping
        self.best, self.wait = None, 0
        self.step = 0
        self.history = []
        self.status, self.reason = "running", None

    def train_epoch(self, epoch, last):
        learning_rate = self.spec.learning_rate_at(self.step)
        self.model.train()
        n = len(self.x_train)
        order = torch.randperm(n, generator=self.shuffle)
        loss_sum, batches = 0.0, []
        for start in range(0, n, self.spec.batch_size):
            index = order[start : start + self.spec.batch_size]
            for group in self.optimizer.param_groups:
                group["lr"] = self.spec.learning_rate_at(self.step)
            predictions = self.model(self.x_train[index])
            loss = loss_of(self.task, predictions, self.y_train[index])
            self.optimizer.zero_grad(set_to_none=True)
            loss.backward()
            self.optimizer.step()
            loss_sum += float(loss) * len(index)
            batches.append(predictions.detach())
            self.step += 1
        metrics = {"loss": loss_sum / n}
        metrics.update(task_metrics(self.task, "", torch.cat(batches).numpy(), self.labels_train[order.numpy()]))
        self.model.eval()
        with torch.no_grad():
            predictions = self.model(self.x_validation)
            metrics["val_loss"] = float(loss_of(self.task, predictions, self.y_validation))
        metrics.update(task_metrics(self.task, "val_", predictions.numpy(), self.labels_validation))
        if not (math.isfinite(metrics["loss"]) and math.isfinite(metrics["val_loss"])):
            self.status, self.reason = "failed", "diverged at epoch %d" % epoch
            return
        self.history.append({"epoch": epoch, "metrics": metrics, "learningRate": learning_rate})
        if not last:
            self.check_early_stopping(epoch, metrics)

    def check_early_stopping(self, epoch, metrics):
        rule = self.early_stopping
        if not rule:
            return
        if rule["metric"] not in metrics:
            raise TrainingFailed("early stopping monitors %s, which is not reported" % rule["metric"])
        value = metrics[rule["metric"]]
        if self.best is None or (value < self.best if rule["direction"] == "min" else value > self.best):
            self.best, self.wait = value, 0
            return
        self.wait += 1
        if self.wait >= rule["patience"]:
            self.status = "completed"
            self.reason = "early stopping at epoch %d: no improvement in %s for %d epochs" % (
                epoch,
                rule["metric"],
                rule["patience"],
            )

    def record(self, bundle):
        out = {"status": self.status, "history": self.history}
        score = execution_score(self.history, bundle)
        if score is not None and self.status != "failed":
            out["score"] = score
        if self.reason:
            out["reason"] = self.reason
        return out


def execution_score(history, bundle, first_epoch=1):
    """The best epoch's objective (or the last one's, when the study scores 'last'), as the browser scores."""
    values = [h["metrics"].get(bundle.metric) for h in history if h["epoch"] >= first_epoch]
    values = [v for v in values if isinstance(v, (int, float)) and math.isfinite(v)]
    if not values:
        return None
    if bundle.scoring == "last":
        return values[-1]
    return max(values) if bundle.maximize else min(values)


def derived_seed(*parts):
    return zlib.crc32(":".join(str(p) for p in parts).encode()) & 0x7FFFFFFF


def train_config(config, bundle, epochs, seed, on_epoch=None, train_subset=None):
    """Trains the study's executions of a config side by side, epoch by epoch; `on_epoch` may prune."""
    spec = Spec(config)
    torch.manual_seed(seed)  # the Dropout masks
    runs = []
    for e in range(bundle.executions):
        train_rows, validation_rows = bundle.data.rows_for_execution(e)
        if train_subset is not None:
            train_rows = train_subset(train_rows, derived_seed(seed, e, "subset"))
        early_stopping = bundle.optuna["earlyStopping"]
        runs.append(Execution(spec, bundle.data, train_rows, validation_rows, derived_seed(seed, e), early_stopping))
    for epoch in range(1, epochs + 1):
        running = [r for r in runs if r.status == "running"]
        if not running:
            break
        for r in running:
            r.train_epoch(epoch, epoch == epochs)
        if any(r.status == "failed" for r in runs):
            break
        if on_epoch:
            on_epoch(epoch, runs)
    for r in runs:
        if r.status == "running":
            r.status = "completed"
    return runs


def objective_at(runs, epoch, metric):
    """The objective at one epoch, averaged over the executions that reported it."""
    values = [
        h["metrics"][metric]
        for r in runs
        for h in r.history
        if h["epoch"] == epoch and metric in h["metrics"] and math.isfinite(h["metrics"][metric])
    ]
    return sum(values) / len(values) if values else None


def make_objective(bundle):
    def objective(trial):
        config = suggest_config(trial, bundle)
        trial.set_user_attr("config", config)
        trial.set_user_attr("epochs", bundle.epochs)

        def on_epoch(epoch, runs):
            value = objective_at(runs, epoch, bundle.metric)
            if value is None:
                return
            trial.report(value, epoch)
            if trial.should_prune():
                reason = "pruned by successive halving at epoch %d" % epoch
                for r in runs:
                    if r.status == "running":
                        r.status, r.reason = "stopped", reason
                trial.set_user_attr("executions", [r.record(bundle) for r in runs])
                trial.set_user_attr("reason", reason)
                raise optuna.TrialPruned(reason)

        seed = derived_seed(bundle.settings["seed"], "optuna", trial.number)
        try:
            runs = train_config(config, bundle, bundle.epochs, seed, on_epoch)
        except (TrainingFailed, ValueError, RuntimeError) as error:
            trial.set_user_attr("failure", str(error))
            raise TrainingFailed(str(error)) from error
        trial.set_user_attr("executions", [r.record(bundle) for r in runs])
        failed = next((r for r in runs if r.status == "failed"), None)
        scores = [execution_score(r.history, bundle) for r in runs]
        if failed or None in scores:
            reason = failed.reason if failed else "the objective %s was never reported" % bundle.metric
            trial.set_user_attr("failure", reason)
            raise TrainingFailed(reason)
        return sum(scores) / len(scores)

    return objective


# ----------------------------------------------------------------------------- the shared study


def open_storage(url, attempts=8):
    """An RDB storage; retried because workers starting at once on a new database race to create its tables."""
    engine_kwargs = {"connect_args": {"timeout": 60}} if url.startswith("sqlite") else {"pool_pre_ping": True}
    for attempt in range(attempts):
        try:
            return optuna.storages.RDBStorage(url, engine_kwargs=engine_kwargs, heartbeat_interval=60, grace_period=180)
        except sqlalchemy.exc.SQLAlchemyError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.5 * (attempt + 1))


def browser_trials_for_optuna(bundle):
    """The browser's finished trials as Optuna FrozenTrials (the export computed states and values)."""
    trials = []
    for t in bundle.optuna["trials"]:
        trials.append(
            optuna.trial.create_trial(
                state=TrialState[t["state"]],
                value=t["value"],
                params=t["params"],
                distributions={name: bundle.distributions[name] for name in t["params"]},
                user_attrs={"source": "browser", "browser_trials": t["browserTrials"]},
                system_attrs=t["systemAttrs"],
                intermediate_values={int(step): v for step, v in t["intermediateValues"].items()},
            )
        )
    return trials


def open_study(bundle, storage, study_name, sampler, pruner, wait_seconds):
    """Creates the study and loads the browser's trials, or, if another process created it, waits until
    that process has loaded them. The database's unique study name makes exactly one process the creator."""
    direction = "maximize" if bundle.maximize else "minimize"
    try:
        study = optuna.create_study(
            storage=storage, study_name=study_name, direction=direction, sampler=sampler, pruner=pruner
        )
    except optuna.exceptions.DuplicatedStudyError:
        study = optuna.load_study(study_name=study_name, storage=storage, sampler=sampler, pruner=pruner)
        wait_for_browser_trials(study, bundle, wait_seconds)
        return study
    study.set_user_attr(FINGERPRINT_KEY, bundle.fingerprint)
    trials = browser_trials_for_optuna(bundle)
    study.add_trials(trials)
    study.set_user_attr(LOADED_KEY, len(trials))
    log("created study %r with the browser's %d trials" % (study_name, len(trials)))
    return study


def wait_for_browser_trials(study, bundle, wait_seconds):
    deadline = time.time() + wait_seconds
    while LOADED_KEY not in study.user_attrs:
        if time.time() > deadline:
            raise SystemExit(
                "Study %r exists, but its browser trials were never completely loaded (the process that "
                "created it stopped, or another program made it). Remove it with\n"
                "  optuna delete-study --study-name %s --storage STORAGE\n"
                "and run again, or choose another --study-name." % (study.study_name, study.study_name)
            )
        time.sleep(1)
    if study.user_attrs.get(FINGERPRINT_KEY) != bundle.fingerprint:
        raise SystemExit(
            "Study %r was started from another export (other data or another search space); "
            "choose another --study-name." % study.study_name
        )
    log("joined study %r" % study.study_name)


# ----------------------------------------------------------------------------- back to the playground


def encode_numbers(value):
    """JSON has no NaN or infinities: the playground reads them as the texts "NaN", "Infinity", "-Infinity"."""
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, dict):
        return {k: encode_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [encode_numbers(v) for v in value]
    return value


def spread_of(scores):
    mean = sum(scores) / len(scores)
    variance = sum((s - mean) ** 2 for s in scores) / (len(scores) - 1) if len(scores) > 1 else 0.0
    return {"std": math.sqrt(variance), "min": min(scores), "max": max(scores)}


def config_of(trial, bundle):
    """The config an Optuna trial trained (recorded), or rebuilt from its parameters and the Fixed values."""
    if "config" in trial.user_attrs:
        return trial.user_attrs["config"]
    config = {}
    for param in bundle.space:
        if not is_active(param, config):
            continue
        if param["kind"] == "fixed":
            config[param["name"]] = param["value"]
        elif param["name"] in trial.params:
            config[param["name"]] = snap(param, trial.params[param["name"]])
    return config


def playground_trial(trial, number, bundle):
    state = {TrialState.COMPLETE: "completed", TrialState.PRUNED: "stopped", TrialState.FAIL: "failed"}[trial.state]
    executions = trial.user_attrs.get("executions", [])
    record = {
        "id": "optuna-%d" % trial.number,
        "number": number,
        "config": config_of(trial, bundle),
        "resource": trial.user_attrs.get("epochs", bundle.epochs),
        "state": state,
        "executions": executions,
    }
    if state == "stopped":
        record["reason"] = trial.user_attrs.get("reason", "pruned by successive halving")
    if state == "failed":
        record["reason"] = trial.user_attrs.get("failure", "failed in Optuna (no reason recorded)")
    scores = [e["score"] for e in executions if isinstance(e.get("score"), (int, float))]
    if state != "failed" and scores:
        record["score"] = sum(scores) / len(scores)
        record["spread"] = spread_of(scores)
    return record


def best_of(trials, maximize):
    best = None
    for t in trials:
        score = t.get("score")
        if t["state"] == "failed" or not isinstance(score, (int, float)) or math.isnan(score):
            continue
        if best is None or (score > best["score"] if maximize else score < best["score"]):
            best = t
    return best


def export_results(study, bundle, path):
    """The study as the playground's results JSON: the browser's trials as they were, then Optuna's."""
    trials = study.get_trials(deepcopy=False)
    loaded = {i for t in trials if t.user_attrs.get("source") == "browser" for i in t.user_attrs["browser_trials"]}
    browser = [t for t in bundle.state["trials"] if t["state"] in FINISHED and t["id"] in loaded]
    number = max((t["number"] for t in browser), default=-1) + 1
    new = []
    for t in sorted(trials, key=lambda t: t.number):
        finished = t.state in (TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL)
        if t.user_attrs.get("source") == "browser" or not finished:
            continue
        new.append(playground_trial(t, number, bundle))
        number += 1
    all_trials = browser + new
    state = dict(
        bundle.state,
        trials=all_trials,
        events=[],
        done="continued on Optuna in study %r: %d trials from the browser, %d from Optuna"
        % (study.study_name, len(browser), len(new)),
    )
    best = best_of([dict(t, score=decode_number(t.get("score"))) for t in all_trials], bundle.maximize)
    doc = {
        "format": RESULTS_FORMAT,
        "version": 1,
        "about": "Results of a tuning playground search continued on Optuna %s with PyTorch %s: the browser's "
        "trials as they were, then Optuna's. Numbers JSON cannot hold are written as the text "
        '"NaN", "Infinity" or "-Infinity".' % (optuna.__version__, torch.__version__),
        "createdAt": datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "dataset": bundle.dataset_name,
        "backend": "PyTorch %s (Optuna %s)" % (torch.__version__, optuna.__version__),
        "summary": {
            "trials": len(all_trials),
            "completed": sum(t["state"] == "completed" for t in all_trials),
            "stopped": sum(t["state"] == "stopped" for t in all_trials),
            "failed": sum(t["state"] == "failed" for t in all_trials),
            "objective": bundle.settings["objective"],
            **(
                {"best": {"id": best["id"], "number": best["number"], "score": best["score"], "config": best["config"]}}
                if best
                else {}
            ),
        },
        "state": state,
    }
    with open(path, "w", encoding="utf-8") as file:
        json.dump(encode_numbers(doc), file, indent=1, allow_nan=False)
    log("wrote %s: %d browser trials and %d Optuna trials" % (path, len(browser), len(new)))


def decode_number(value):
    if isinstance(value, str):
        return {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf"), "-0": -0.0}.get(value)
    return value


# ----------------------------------------------------------------------------- a check of the port


def fraction_subset(data, fraction):
    """A seeded `fraction` of the training rows, taken within each class (the 'data' budget)."""

    def subset(rows, seed):
        rng = np.random.default_rng(seed)
        keys = np.zeros(len(rows)) if data.task == "regression" else data.y[rows]
        chosen = []
        for key in np.unique(keys):
            group = rows[keys == key]
            chosen.extend(rng.permutation(group)[: max(1, round(len(group) * fraction))])
        return np.sort(np.asarray(chosen, dtype=np.int64))

    return subset


def reproduce_best(bundle):
    """Retrains the browser's best trial in PyTorch and prints both scores (and validation accuracies)."""
    trials = [dict(t, score=decode_number(t.get("score"))) for t in bundle.state["trials"] if t["state"] in FINISHED]
    best = best_of(trials, bundle.maximize)
    if best is None:
        raise SystemExit("The browser's study has no scored trial to reproduce.")
    tuner = bundle.settings["tuner"]
    epochs, subset = int(best["resource"]), None
    if bundle.settings["budget"] == "data":
        # The resource was a share of the training rows (resource / maxEpochs), trained for the tuner's epochs.
        epochs = tuner["epochs"]
        fraction = best["resource"] / tuner["maxEpochs"]
        subset = fraction_subset(bundle.data, fraction) if fraction < 1 else None
    # A promoted trial's score covers only its own epochs (after its parent's): compare the same ones.
    first_epoch = min((h["epoch"] for e in best["executions"] for h in e["history"]), default=1)
    started = time.time()
    seed = derived_seed(bundle.settings["seed"], "reproduce")
    runs = train_config(best["config"], bundle, epochs, seed, None, subset)
    scores = [execution_score(r.history, bundle, first_epoch) for r in runs]
    result = {
        "trial": best["id"],
        "config": best["config"],
        "epochs": epochs,
        "metric": bundle.metric,
        "browser": best["score"],
        "pytorch": sum(scores) / len(scores) if None not in scores else None,
        "epochsTrained": [len(r.history) for r in runs],
        "seconds": round(time.time() - started, 2),
    }
    if bundle.data.task != "regression":
        result["val_accuracy"] = {
            "browser": mean_best(best["executions"], "val_accuracy", first_epoch),
            "pytorch": mean_best([{"history": r.history} for r in runs], "val_accuracy", first_epoch),
        }
    print(json.dumps(encode_numbers(result)))


def mean_best(executions, metric, first_epoch):
    bests = []
    for e in executions:
        values = [decode_number(h["metrics"].get(metric)) for h in e["history"] if h["epoch"] >= first_epoch]
        values = [v for v in values if isinstance(v, (int, float)) and math.isfinite(v)]
        if values:
            bests.append(max(values))
    return sum(bests) / len(bests) if bests else None


# ----------------------------------------------------------------------------- command line


def log(message):
    print("[run_optuna] " + message, file=sys.stderr, flush=True)


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--storage", default="sqlite:///study.db", help="sqlite:///FILE or postgresql://USER:PASSWORD@HOST/DB")
    add("--study-name", help="default: the name the export chose")
    add("--n-trials", type=int, default=20, help="new trials THIS process runs (default: %(default)s)")
    add("--timeout", type=float, help="start no new trial after this many seconds")
    add("--seed", type=int, help="TPE's seed (default: the study's seed mixed with this machine and process)")
    add("--threads", type=int, default=1, help="PyTorch threads per process (default: %(default)s)")
    add("--wait", type=float, default=600, help="seconds to wait for the process loading the browser's trials")
    add("--export-results", metavar="FILE", help="write the study as the playground's results JSON")
    add("--reproduce-best", action="store_true", help="retrain the browser's best trial here, print both scores")
    add("--folder", default=HERE, help="where study.json and data.csv are (default: this script's folder)")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_arguments(argv)
    torch.set_num_threads(args.threads)
    bundle = Bundle(args.folder)
    if args.reproduce_best:
        reproduce_best(bundle)
        return
    seed = args.seed
    if seed is None:
        seed = derived_seed(bundle.settings["seed"], socket.gethostname(), os.getpid())
    # The constant liar and the heartbeat that fails a dead worker's trials are marked experimental in 3.x.
    warnings.simplefilter("ignore", optuna.exceptions.ExperimentalWarning)
    sampler = optuna.samplers.TPESampler(seed=seed, constant_liar=True)
    pruner = optuna.pruners.SuccessiveHalvingPruner(
        min_resource=bundle.optuna["pruner"]["minResource"],
        reduction_factor=bundle.optuna["pruner"]["reductionFactor"],
        min_early_stopping_rate=0,
    )
    storage = open_storage(args.storage)
    study = open_study(bundle, storage, args.study_name or bundle.study_name, sampler, pruner, args.wait)
    if args.n_trials > 0:
        study.optimize(make_objective(bundle), n_trials=args.n_trials, timeout=args.timeout, catch=(TrainingFailed,))
    if args.export_results:
        export_results(study, bundle, args.export_results)


if __name__ == "__main__":
    main()
