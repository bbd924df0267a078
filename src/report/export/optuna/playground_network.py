"""The playground's network in PyTorch: a config read as its trainer reads it, built, trained and scored."""

import math
import zlib

import numpy as np
import torch
from torch import nn

from playground_bundle import EPSILON, TrainingFailed


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
