"""Report the wall time of every executed notebook at the end of the run."""

from __future__ import annotations

import pytest

_TIMES: dict[str, float] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when != "call":
        return
    for key, value in report.user_properties:
        if key == "notebook_seconds":
            name = report.nodeid.rsplit("[", 1)[-1].rstrip("]")
            _TIMES[name] = float(value)


def pytest_terminal_summary(terminalreporter) -> None:
    if not _TIMES:
        return
    terminalreporter.section("notebook execution times")
    for name, seconds in sorted(_TIMES.items()):
        terminalreporter.write_line(f"{seconds:6.1f} s  {name}")
    terminalreporter.write_line(f"{sum(_TIMES.values()):6.1f} s  total")
