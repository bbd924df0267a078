"""The native baseline of the bench's whole-search figure: the browser's configs, each trained for the
epochs it trained in the browser, by the PyTorch trainer of the Optuna bundle the app exported.

  /usr/bin/python3 pytorch_baseline.py FOLDER CONFIGS.json THREADS

FOLDER holds the unzipped bundle (playground_*.py, study.json, data.csv); CONFIGS.json is a list of
{"config", "epochs", "seed"}. Prints one JSON line: the seconds of all train_config calls, torch's
version and thread count.
"""
import json
import sys
import time


def main(folder, configs_path, threads):
    sys.path.insert(0, folder)
    import torch
    from playground_bundle import Bundle
    from playground_network import train_config

    torch.set_num_threads(threads)
    bundle = Bundle(folder)
    with open(configs_path) as file:
        configs = json.load(file)
    started = time.perf_counter()
    epochs = 0
    for item in configs:
        runs = train_config(item["config"], bundle, item["epochs"], item["seed"])
        epochs += sum(len(r.history) for r in runs)
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "seconds": seconds,
                "trialEpochs": epochs,
                "torch": torch.__version__,
                "threads": torch.get_num_threads(),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
