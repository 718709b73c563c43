#!/usr/bin/python3
"""Per-phase medians (forward + loss, backward, optimizer step) of the PyTorch peer's plain
ResNet-20 step, to set beside the phases TrainingStepBenchmark prints for DJL.

Reuses the peer's network from ../shared/bench/torch_resnet20_step.py (imported, not copied).
Usage: /usr/bin/python3 integration-tests/bench/torch_resnet20_phases.py [--steps 40]
"""
import argparse
import importlib.util
import pathlib
import statistics
import time

import torch
import torch.nn.functional as F

PEER = pathlib.Path(__file__).resolve().parents[3] / "shared" / "bench" / "torch_resnet20_step.py"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--warmup", type=int, default=5)
    args = parser.parse_args()
    spec = importlib.util.spec_from_file_location("peer", PEER)
    peer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(peer)
    torch.set_num_threads(2)
    torch.manual_seed(0)
    model = peer.ResNet20()
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4)
    x = torch.randn(128, 1, 28, 28)
    y = torch.randint(0, 10, (128,))
    phases = {"forward": [], "backward": [], "step": []}
    for step in range(args.warmup + args.steps):
        t0 = time.perf_counter()
        loss = F.cross_entropy(model(x), y)
        t1 = time.perf_counter()
        opt.zero_grad()
        loss.backward()
        t2 = time.perf_counter()
        opt.step()
        t3 = time.perf_counter()
        if step >= args.warmup:
            for name, seconds in zip(phases, (t1 - t0, t2 - t1, t3 - t2)):
                phases[name].append(seconds)
    print("torch %s plain median phases: %s" % (torch.__version__, " ".join(
        "%s %.1f ms" % (name, 1000 * statistics.median(v)) for name, v in phases.items())))


if __name__ == "__main__":
    main()
