"""Times shell functions alternately and prints medians: compare.py RUNS LABEL PREFIX BARE TOLLGATE [BARE TOLLGATE LABEL]...

Each pair is run once to warm, then RUNS times alternating; the line gives both medians and Tollgate's ratio to the bare tool.
"""
import statistics
import subprocess
import sys
import time

runs, prefix, pairs = int(sys.argv[1]), sys.argv[2], sys.argv[3:]


def once(name):
    start = time.perf_counter()
    subprocess.run(["bash", "-c", name], check=True)
    return time.perf_counter() - start


for bare, tollgate, label in zip(pairs[0::3], pairs[1::3], pairs[2::3]):
    once(bare)
    once(tollgate)
    times = {bare: [], tollgate: []}
    for _ in range(runs):
        for name in times:
            times[name].append(once(name))
    b, t = statistics.median(times[bare]), statistics.median(times[tollgate])
    print(f"{prefix}, {label:13}: bare {b:6.2f} s, Tollgate {t:6.2f} s, ratio {t / b:.3f} ({100 * (t / b - 1):+.1f} %), median of {runs}")
