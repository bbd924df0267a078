"""Checks a study run_optuna.py continued, independently of the script: every finished browser trial is in
it, the expected number of new trials finished, and every trial's parameters lie inside the playground's
search space (active ones present with a value of their grid or range, inactive ones absent).

    python3 check_optuna_study.py STORAGE STUDY_NAME study.json NEW_TRIALS

Prints a JSON summary whose "problems" list is empty when all holds.
"""
import json
import sys
from decimal import Decimal

import optuna
from optuna.trial import TrialState


def same_value(a, b):
    return isinstance(a, bool) == isinstance(b, bool) and a == b


def active(param, config):
    condition = param.get("condition")
    if not condition:
        return True
    parent = condition["parent"]
    return parent in config and any(same_value(config[parent], v) for v in condition["values"])


def on_grid(value, low, step):
    k = (Decimal(repr(value)) - Decimal(repr(low))) / Decimal(repr(step))
    return abs(k - k.to_integral_value()) < Decimal("1e-9")


def inside(param, value):
    kind = param["kind"]
    if kind == "int":
        step = param.get("step", 1)
        return (
            isinstance(value, int)
            and not isinstance(value, bool)
            and param["min"] <= value <= param["max"]
            and (value - param["min"]) % step == 0
        )
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        if not param["min"] - 1e-12 <= value <= param["max"] + 1e-12:
            return False
        return param.get("step") is None or on_grid(value, param["min"], param["step"])
    if kind == "choice":
        return any(same_value(value, choice) for choice in param["values"])
    if kind == "boolean":
        return isinstance(value, bool)
    return False


def space_problems(trial, space):
    problems, config = [], {}
    names = {p["name"] for p in space}
    for name in trial.params:
        if name not in names:
            problems.append("trial %d: %s is not in the search space" % (trial.number, name))
    for param in space:
        name = param["name"]
        if not active(param, config):
            if name in trial.params:
                problems.append("trial %d: %s is present although inactive" % (trial.number, name))
            continue
        if param["kind"] == "fixed":
            config[name] = param["value"]
            if name in trial.params:
                problems.append("trial %d: the fixed %s was searched" % (trial.number, name))
            continue
        if name not in trial.params:
            problems.append("trial %d: the active %s is missing" % (trial.number, name))
            continue
        config[name] = trial.params[name]
        if not inside(param, trial.params[name]):
            problems.append("trial %d: %s = %r is outside the space" % (trial.number, name, trial.params[name]))
    return problems


def main(storage, study_name, study_json, new_expected):
    with open(study_json, encoding="utf-8") as file:
        state = json.load(file)["state"]
    space = state["settings"]["space"]["params"]
    study = optuna.load_study(study_name=study_name, storage=storage)
    trials = study.get_trials(deepcopy=False)
    problems = []
    from_browser = [t for t in trials if t.user_attrs.get("source") == "browser"]
    covered = sorted(i for t in from_browser for i in t.user_attrs["browser_trials"])
    finished = sorted(t["id"] for t in state["trials"] if t["state"] in ("completed", "stopped", "failed"))
    if covered != finished:
        problems.append("the browser trials in the study are %s, expected %s" % (covered, finished))
    new = [t for t in trials if t.user_attrs.get("source") != "browser"]
    if len(new) != new_expected:
        problems.append("%d new trials, expected %d" % (len(new), new_expected))
    for t in new:
        if t.state not in (TrialState.COMPLETE, TrialState.PRUNED):
            problems.append("new trial %d ended %s" % (t.number, t.state.name))
    distributions = {}
    for t in trials:
        problems += space_problems(t, space)
        for name, d in t.distributions.items():
            if distributions.setdefault(name, d) != d:
                problems.append("trial %d: %s has another distribution than earlier trials" % (t.number, name))
    print(
        json.dumps(
            {
                "trials": len(trials),
                "browser": len(covered),
                "new": len(new),
                "states": {s.name: n for s in TrialState for n in [sum(t.state == s for t in trials)] if n},
                "best": study.best_value,
                "problems": problems,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
