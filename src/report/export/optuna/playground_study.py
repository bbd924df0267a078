"""The shared Optuna study: the browser's trials loaded once, new trials trained, results back to the playground."""

import json
import math
import time
from datetime import datetime, timezone

import numpy as np
import optuna
import torch
from optuna.trial import TrialState

from playground_bundle import (
    FINGERPRINT_KEY,
    FINISHED,
    LOADED_KEY,
    RESULTS_FORMAT,
    TrainingFailed,
    is_active,
    log,
    snap,
    suggest_config,
)
from playground_network import derived_seed, execution_score, train_config


# ----------------------------------------------------------------------------- the shared study
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
