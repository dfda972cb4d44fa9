"""Apriori: mlcourse vs mlxtend, speed and peak memory, side by side in one run.

Target (issue 4): on 20 000 transactions x 100 items at min_support 0.01,
mlcourse's ``apriori`` is at least 5x faster than ``mlxtend.frequent_patterns.apriori``
with a peak memory no higher. mlxtend's FP-growth is timed too, for context
(it is why mlcourse has no fpgrowth: the bitset apriori is already faster).

Method
------
- Data: ``make_market_baskets`` (independent items with planted rules), a
  one-hot DataFrame of bools, built once and given to both functions.
- Time: best of ``repeat`` wall-clock runs of each function on the same
  table (``time.perf_counter``), after checking both return the same itemsets.
- Memory, two ways:
  1. ``tracemalloc`` peak during one call (allocations made by the call:
     NumPy and pandas buffers included), in this process;
  2. for the target case, peak RSS growth in a fresh subprocess per
     library: the child builds the table, reads its resident set size
     (``VmRSS``), resets the high-water mark (``/proc/self/clear_refs``),
     runs the call once and reports ``VmHWM`` minus that baseline. (Not
     ``ru_maxrss``: Linux carries it over from the parent across fork/exec.)
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import tracemalloc
import warnings

from _common import save

CASES = [
    # (n_transactions, n_items, min_support)
    (20_000, 100, 0.01),  # the target
    (5_000, 50, 0.02),
    (2_000, 40, 0.005),  # deeper itemsets
]

CHILD = """
import json, warnings
warnings.simplefilter("ignore")
from mlcourse.datasets import make_market_baskets
{imp}
df = make_market_baskets({n}, n_items={m}, random_state=0)
def status_kb(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(field + " not in /proc/self/status")
base = status_kb("VmRSS")
try:  # reset the high-water mark to the current RSS (Linux >= 4.0)
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
except OSError:
    pass
out = fn(df, min_support={s})
peak = status_kb("VmHWM")
print(json.dumps({{"delta_mb": max(peak - base, 0) / 1024, "n_itemsets": len(out)}}))
"""

IMPORTS = {
    "mlcourse": "from mlcourse.unsupervised import apriori as fn",
    "mlxtend": "from mlxtend.frequent_patterns import apriori as fn",
}


def _best_time(fn, df, s, repeat):
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn(df, min_support=s)
        best = min(best, time.perf_counter() - t)
    return best


def _tracemalloc_peak(fn, df, s):
    tracemalloc.start()
    fn(df, min_support=s)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def _rss_delta(lib, n, m, s):
    code = CHILD.format(imp=IMPORTS[lib], n=n, m=m, s=s)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip().splitlines()[-1])
    return json.loads(proc.stdout)["delta_mb"]


def main() -> list[dict]:
    from mlxtend.frequent_patterns import apriori as mx_apriori
    from mlxtend.frequent_patterns import fpgrowth as mx_fpgrowth

    from mlcourse.datasets import make_market_baskets
    from mlcourse.unsupervised import apriori

    warnings.simplefilter("ignore", DeprecationWarning)
    rows = []
    for n, m, s in CASES:
        df = make_market_baskets(n, n_items=m, random_state=0)
        ours, ref = apriori(df, min_support=s), mx_apriori(df, min_support=s)
        same = (
            list(ours["itemsets"]) == list(ref["itemsets"])
            and (ours["support"].to_numpy() == ref["support"].to_numpy()).all()
        )
        t_ours = _best_time(apriori, df, s, repeat=5)
        t_ref = _best_time(mx_apriori, df, s, repeat=3)
        t_fp = _best_time(mx_fpgrowth, df, s, repeat=3)
        mem_ours, mem_ref = _tracemalloc_peak(apriori, df, s), _tracemalloc_peak(mx_apriori, df, s)
        if (n, m, s) == CASES[0]:
            rss_ours, rss_ref = _rss_delta("mlcourse", n, m, s), _rss_delta("mlxtend", n, m, s)
        else:
            rss_ours = rss_ref = None
        rows.append(
            {
                "case": f"{n}x{m}@{s}",
                "n_itemsets": len(ours),
                "identical": bool(same),
                "mlcourse_s": t_ours,
                "mlxtend_s": t_ref,
                "speedup": t_ref / t_ours,
                "mlxtend_fpgrowth_s": t_fp,
                "speedup_vs_fpgrowth": t_fp / t_ours,
                "mlcourse_peak_MB": mem_ours,
                "mlxtend_peak_MB": mem_ref,
                "peak_ratio": mem_ours / mem_ref,
                "mlcourse_rss_MB": rss_ours,
                "mlxtend_rss_MB": rss_ref,
            }
        )
    save("apriori", rows)
    target = rows[0]
    ok = (
        target["identical"]
        and target["speedup"] >= 5
        and target["mlcourse_peak_MB"] <= target["mlxtend_peak_MB"]
        and target["mlcourse_rss_MB"] <= target["mlxtend_rss_MB"]
    )
    print(
        f"target 20000x100@0.01: {target['speedup']:.1f}x faster, peak memory "
        f"{target['mlcourse_peak_MB']:.1f} MB vs {target['mlxtend_peak_MB']:.1f} MB (tracemalloc), "
        f"RSS growth {target['mlcourse_rss_MB']:.1f} MB vs {target['mlxtend_rss_MB']:.1f} MB: "
        f"{'PASS' if ok else 'FAIL'} (needs >= 5x and no more memory)"
    )
    return rows


if __name__ == "__main__":
    main()
