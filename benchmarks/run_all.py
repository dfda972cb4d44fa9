"""Run every benchmark in this folder (``make bench``) and print their tables.

Each ``bench_<topic>.py`` measures mlcourse and the reference library side by
side in one run and writes ``results/<topic>.json``.
"""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(names: list[str]) -> int:
    sys.path.insert(0, str(HERE))
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if names:
        modules = [m for m in modules if any(n in m for n in names)]
    failed = []
    for name in modules:
        print(f"\n== {name}")
        start = time.perf_counter()
        try:
            importlib.import_module(name).main()
        except Exception as exc:  # a benchmark failing must not hide the others
            failed.append(name)
            print(f"{name} failed: {exc!r}")
        print(f"-- {name} took {time.perf_counter() - start:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
