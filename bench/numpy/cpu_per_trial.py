#!/usr/bin/env python3
"""CPU per trial of example_model.py's simulation alone, in process, after a warm-up batch: the
counterpart of `node bench/worker-cpu.mjs scenarios/example.yaml` (arrcast's worker CPU per trial).
Usage: python3 bench/numpy/cpu_per_trial.py [BATCHES] [BATCH]   (default 20 batches of 2,000 trials)"""
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import example_model as m  # noqa: E402

batches = int(sys.argv[1]) if len(sys.argv) > 1 else 20
size = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
rng = np.random.Generator(np.random.SFC64(7))
m.simulate_batch(rng, size)  # warm-up
cpu = []
for _ in range(batches):
    t = time.process_time()
    m.simulate_batch(rng, size)
    cpu.append((time.process_time() - t) / size * 1e6)
cpu.sort()
print(f"numpy simulate_batch CPU per trial: median {cpu[len(cpu) // 2]:.1f} us "
      f"(min {cpu[0]:.1f}, max {cpu[-1]:.1f}; {batches} batches of {size}; load {os.getloadavg()[0]:.1f})")
