"""The documentation site: `mkdocs build --strict`, its pages, and a headless-browser check.

The build runs once per module into a temporary folder. These tests run after the
notebook tests (see tests/conftest.py), so the executed notebooks already exist in
docs/notebooks/; the docs hook executes any that are missing.

The browser check serves the built site over HTTP on 127.0.0.1 and opens it in Debian's
headless Chromium through Selenium (explicit chromedriver path: Selenium Manager never
runs). Screenshots go to build/screenshots/.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NoReturn

import pytest

from mlcourse import _docs

ROOT = _docs.ROOT
SCREENSHOTS = ROOT / "build" / "screenshots"
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
ENABLE_HINT = (
    "headless Chromium is not installed: on Debian/Ubuntu run "
    "`apt-get install chromium chromium-driver` to enable this check"
)


# --------------------------------------------------------------------------- the build


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        log = (proc.stdout + proc.stderr).strip().splitlines()
        pytest.fail(
            "`mkdocs build --strict` failed:\n" + "\n".join(log[-40:]),
            pytrace=False,
        )
    match = re.search(r"Documentation built in ([\d.]+) seconds", proc.stderr + proc.stdout)
    (out / ".build-times.json").write_text(
        json.dumps({"wall_s": seconds, "mkdocs_s": float(match.group(1)) if match else None})
    )
    return out


def _page(site: Path, url_path: str) -> Path:
    return site / url_path / "index.html" if url_path else site / "index.html"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_build_reports_time(site: Path, record_property) -> None:
    times = json.loads((site / ".build-times.json").read_text())
    record_property("mkdocs_build_s", times["mkdocs_s"])
    record_property("mkdocs_wall_s", round(times["wall_s"], 1))
    assert times["mkdocs_s"] is not None


def test_expected_pages_exist(site: Path) -> None:
    expected = ["", "getting-started", "syllabus", "notebooks", "api"]
    expected += [f"api/{name}" for name in _docs.existing_subpackages()]
    expected += [f"notebooks/{p.stem}" for p in _docs.list_notebooks()]
    missing = [path or "(home)" for path in expected if not _page(site, path).is_file()]
    assert not missing, f"pages missing from the built site: {missing}"
    assert (site / "search" / "search_index.json").is_file()


def test_home_and_getting_started_content(site: Path) -> None:
    home = _text(_page(site, "").read_text(encoding="utf-8"))
    for words in ("AWS Certified AI Practitioner", "Quick start", "make demo", "make test"):
        assert words in home
    started = _text(_page(site, "getting-started").read_text(encoding="utf-8"))
    for words in ("make lab", "make docs", "mlcourse compare", "mlcourse._docs execute"):
        assert words in started


def test_api_pages_render_docstrings(site: Path) -> None:
    for name in _docs.existing_subpackages():
        html = _page(site, f"api/{name}").read_text(encoding="utf-8")
        assert f"mlcourse.{name}" in html
        module = __import__(f"mlcourse.{name}", fromlist=["__all__"])
        public = [n for n in getattr(module, "__all__", []) if not n.startswith("_")]
        if public:
            assert 'class="doc doc-' in html, f"api/{name}: mkdocstrings rendered nothing"
            shown = [n for n in public if f'id="mlcourse.{name}.{n}"' in html]
            assert shown, f"api/{name}: none of {public[:5]} has an entry"


def test_notebook_pages_show_outputs(site: Path) -> None:
    for src in _docs.list_notebooks():
        html = _page(site, f"notebooks/{src.stem}").read_text(encoding="utf-8")
        assert "jupyter-wrapper" in html, f"{src.stem}: not rendered by mkdocs-jupyter"
        assert (site / "notebooks" / src.stem / src.name).is_file(), "no downloadable copy"
        executed = json.loads((_docs.EXECUTED_DIR / src.name).read_text(encoding="utf-8"))
        n_images = sum(
            "image/png" in out.get("data", {})
            for cell in executed["cells"]
            for out in cell.get("outputs", [])
        )
        assert html.count("<img") >= n_images, f"{src.stem}: plots missing from the page"


def test_syllabus_map_links_tasks_notebooks_and_api(site: Path) -> None:
    html = _page(site, "syllabus").read_text(encoding="utf-8")
    text = _text(html)
    for task, title in _docs.TASK_STATEMENTS.items():
        assert f"{task} {title}" in text, f"task statement {task} missing from the map"
    for src in _docs.list_notebooks():
        assert f"../notebooks/{src.stem}/" in html, f"{src.stem} not linked from the map"
    for info in map(_docs.notebook_info, _docs.list_notebooks()):
        for name in set(info.subpackages) & set(_docs.existing_subpackages()):
            assert f"../api/{name}/" in html


_REMOTE = re.compile(
    r"""<(?:script|link|img|iframe|source|video|audio)\b[^>]*?\b(?:src|href)=["']"""
    r"""((?:https?:)?//[^"']+)["']""",
    re.IGNORECASE,
)


def test_nothing_is_fetched_from_the_network(site: Path) -> None:
    remote = []
    for path in site.rglob("*.html"):
        for match in _REMOTE.finditer(path.read_text(encoding="utf-8")):
            tag = match.group(0)
            if tag.lower().startswith("<link") and re.search(r"rel=[\"']?canonical", tag):
                continue
            remote.append(f"{path.relative_to(site)}: {match.group(1)}")
    for path in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", path.read_text("utf-8")):
            remote.append(f"{path.relative_to(site)}: {url}")
    assert not remote, "the site loads resources from the network:\n" + "\n".join(remote)


# --------------------------------------------------------------------------- the browser


def _find_chromium() -> tuple[str, str] | None:
    browser = next((shutil.which(name) for name in CHROMIUM_CANDIDATES if shutil.which(name)), None)
    driver = shutil.which("chromedriver")
    if browser is None and Path("/usr/bin/chromium").is_file():
        browser = "/usr/bin/chromium"
    if driver is None and Path("/usr/bin/chromedriver").is_file():
        driver = "/usr/bin/chromedriver"
    return (browser, driver) if browser and driver else None


def _browser_unavailable(required: bool) -> NoReturn:
    """Skip (on a laptop) or fail (in CI, MLCOURSE_REQUIRE_BROWSER=1) without Chromium."""
    if required:
        pytest.fail(f"MLCOURSE_REQUIRE_BROWSER=1 but {ENABLE_HINT}", pytrace=False)
    pytest.skip(ENABLE_HINT)


def test_missing_browser_skips_with_the_fix_or_fails_when_required() -> None:
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium chromium-driver"):
        _browser_unavailable(required=False)
    with pytest.raises(pytest.fail.Exception, match="MLCOURSE_REQUIRE_BROWSER=1"):
        _browser_unavailable(required=True)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    found = _find_chromium()
    if found is None:
        _browser_unavailable(os.environ.get("MLCOURSE_REQUIRE_BROWSER") == "1")
    chromium, chromedriver = found
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    driver.set_page_load_timeout(120)
    try:
        yield driver
    finally:
        driver.quit()


def _open(driver, url: str, shot: str) -> str:
    """Load a page, wait until it is complete, screenshot it and return its visible text."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(url)
    WebDriverWait(driver, 60).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / f"{shot}.png"))
    return driver.find_element(By.TAG_NAME, "body").text


def _assert_local_only(driver, base: str) -> None:
    loaded = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    remote = [u for u in loaded if not (u.startswith(base) or u.startswith("data:"))]
    assert not remote, f"the page fetched resources from outside the site: {remote}"
    errors = [
        entry["message"]
        for entry in driver.get_log("browser")
        if entry["level"] == "SEVERE" and "favicon" not in entry["message"]
    ]
    assert not errors, f"the browser console reported errors: {errors}"


@pytest.mark.browser
def test_browser_home_page(browser, server: str) -> None:
    text = _open(browser, server, "home")
    assert "mlcourse" in browser.title
    for words in ("Quick start", "make demo", "Who it is for"):
        assert words in text
    _assert_local_only(browser, server)


@pytest.mark.browser
def test_browser_api_page(browser, server: str) -> None:
    from selenium.webdriver.common.by import By

    subpackages = _docs.existing_subpackages()
    assert subpackages, "no subpackage has an API page"
    name = "datasets" if "datasets" in subpackages else subpackages[0]
    text = _open(browser, f"{server}api/{name}/", f"api_{name}")
    assert f"mlcourse.{name}" in text
    entries = browser.find_elements(By.CSS_SELECTOR, ".doc-heading")
    assert entries and any(e.is_displayed() for e in entries), "no API entry is visible"
    _assert_local_only(browser, server)


@pytest.mark.browser
def test_browser_syllabus_map(browser, server: str) -> None:
    text = _open(browser, f"{server}syllabus/", "syllabus")
    assert "Syllabus map" in text
    assert _docs.TASK_STATEMENTS["1.1"] in text
    _assert_local_only(browser, server)


@pytest.mark.browser
def test_browser_notebook_page(browser, server: str) -> None:
    from selenium.webdriver.common.by import By

    notebooks = _docs.list_notebooks()
    if not notebooks:
        pytest.skip("no notebooks in notebooks/ yet")
    src = notebooks[0]
    info = _docs.notebook_info(src)
    text = _open(browser, f"{server}notebooks/{src.stem}/", f"notebook_{src.stem}")
    assert info.number in text and "Summary" in text, "the notebook's content is not visible"
    assert "download this executed copy" in text
    executed = json.loads((_docs.EXECUTED_DIR / src.name).read_text(encoding="utf-8"))
    has_plot = any(
        "image/png" in out.get("data", {})
        for cell in executed["cells"]
        for out in cell.get("outputs", [])
    )
    if has_plot:
        images = browser.find_elements(By.CSS_SELECTOR, ".jupyter-wrapper img")
        loaded = [
            img
            for img in images
            if browser.execute_script("return arguments[0].naturalWidth", img) > 0
        ]
        assert loaded, f"{src.stem}: its plots are not displayed"
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", loaded[0])
        time.sleep(0.5)  # let the header's title transition finish
        browser.save_screenshot(str(SCREENSHOTS / f"notebook_{src.stem}_plot.png"))
    _assert_local_only(browser, server)
