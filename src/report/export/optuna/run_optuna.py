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
import os
import socket
import warnings

import optuna
import torch

from playground_bundle import Bundle, HERE, TrainingFailed
from playground_network import derived_seed
from playground_storage import open_storage
from playground_study import export_results, make_objective, open_study, reproduce_best


# ----------------------------------------------------------------------------- command line


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
