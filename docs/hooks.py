"""mkdocs hooks: the pages that follow what exists in the repository.

Declared under ``hooks:`` in mkdocs.yml. Nothing here is hand-kept:

- ``on_config`` executes the notebooks whose executed copy (docs/notebooks/)
  is missing or stale (through ``mlcourse._docs``, the one place that executes
  notebooks) and fills the "Notebooks" and "API reference" nav sections;
- ``on_files`` adds the generated pages (syllabus map, notebook index, one API
  page per subpackage) and drops executed copies whose source is gone;
- ``on_page_markdown`` replaces ``<!-- mlcourse:cli-help ARGS -->`` markers with
  the output of ``mlcourse ARGS --help``, so the CLI docs cannot drift;
- ``on_page_content`` adds a "run it yourself / download" line under each
  notebook's title and moves the notebook template's CSS into one shared
  stylesheet (written by ``on_post_build``);
- ``on_post_page`` removes the CDN scripts nbconvert puts in notebook pages
  (MathJax, mermaid): nothing is fetched from the network at view time.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # build from a checkout even if mlcourse is not installed
    sys.path.insert(0, str(ROOT))

from mlcourse import _docs  # noqa: E402

log = logging.getLogger("mkdocs.hooks.mlcourse")

_STATE: dict[str, Any] = {}
_CLI_RE = re.compile(r"<!--\s*mlcourse:cli-help\s*(.*?)\s*-->")


def _infos() -> list[_docs.NotebookInfo]:
    return [_docs.notebook_info(p) for p in _docs.list_notebooks()]


def _fill_section(nav: list[Any], title: str, children: list[Any]) -> None:
    for entry in nav:
        if isinstance(entry, dict) and title in entry:
            entry[title] = children
            return
    nav.append({title: children})


def on_config(config: Any) -> Any:
    # Executed copies first: the files are collected right after this event.
    def report(line: str) -> None:
        log.info("notebooks: %s", line)

    results = _docs.execute_stale(retry_failed=False, log=report)
    failed = {name: msg for name, msg in results.items() if isinstance(msg, str)}
    for name, msg in failed.items():
        log.warning(
            "notebook %s does not execute: %s. Run `python -m pytest tests/notebooks -k %s` "
            "or `python -m mlcourse._docs execute %s`.",
            name,
            msg,
            name,
            name,
        )

    infos = _infos()
    subpackages = _docs.existing_subpackages()
    _STATE.update(infos=infos, subpackages=subpackages)

    nav = config["nav"]
    if nav is not None:
        _fill_section(
            nav,
            "Notebooks",
            ["notebooks/index.md", *({i.label: f"notebooks/{i.name}.ipynb"} for i in infos)],
        )
        _fill_section(
            nav,
            "API reference",
            ["api/index.md", *({f"mlcourse.{n}": f"api/{n}.md"} for n in subpackages)],
        )

    # mkdocs-jupyter caches rendered notebooks; keep its cache in build/ (gitignored),
    # whatever the working directory.
    jupyter = config["plugins"].get("mkdocs-jupyter")
    if jupyter is not None:
        jupyter.config["cache_dir"] = str(ROOT / "build" / "mkdocs-jupyter-cache")
    return config


def on_files(files: Files, config: Any) -> Files:
    infos: list[_docs.NotebookInfo] = _STATE.get("infos", [])
    subpackages: list[str] = _STATE.get("subpackages", [])
    sources = {i.name for i in infos}

    for file in list(files):
        uri = file.src_uri
        if uri.startswith("notebooks/") and uri.endswith(".ipynb"):
            if Path(uri).stem not in sources:  # an executed copy of a removed notebook
                files.remove(file)

    generated = {
        "syllabus.md": _docs.syllabus_map_markdown(infos, subpackages),
        "notebooks/index.md": _docs.notebooks_index_markdown(infos),
        "api/index.md": _docs.api_index_markdown(subpackages),
    }
    for name in subpackages:
        generated[f"api/{name}.md"] = _docs.api_page_markdown(name)
    for uri, content in generated.items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, uri, content=content))
    return files


def on_post_build(config: Any) -> None:
    for name, css in _STATE.pop("notebook_css", {}).items():
        path = Path(config["site_dir"]) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(css, encoding="utf-8")


def _cli_help(args: str) -> str:
    cli = ROOT / "mlcourse" / "cli.py"
    program = (
        "import sys; sys.argv[0] = 'mlcourse'; from mlcourse.cli import main; sys.exit(main())"
    )
    cmd = [sys.executable, "-c", program]
    cmd += [*args.split(), "--help"]
    shown = " ".join(["mlcourse", *args.split(), "--help"])
    if not cli.is_file():
        log.info("mlcourse/cli.py does not exist yet: no help text for `%s`", shown)
        return f"```text\n$ {shown}\n(the command line is not in this version yet)\n```"
    try:
        proc = subprocess.run(
            cmd,
            capture_output=True,
            text=True,
            timeout=60,
            cwd=ROOT,
            env={**os.environ, "COLUMNS": "90", "NO_COLOR": "1", "TERM": "dumb"},
        )
    except subprocess.TimeoutExpired:
        log.warning("`%s` did not answer within 60 s", shown)
        return f"```text\n$ {shown}\n(timed out)\n```"
    text = proc.stdout.strip()
    if proc.returncode != 0 or not text:
        log.warning("`%s` failed (exit %s): %s", shown, proc.returncode, proc.stderr.strip())
    return f"```text\n$ {shown}\n{text}\n```"


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    if "mlcourse:cli-help" not in markdown:
        return markdown
    return _CLI_RE.sub(lambda m: _cli_help(m.group(1)), markdown)


_STYLE_RE = re.compile(r"<style[^>]*>.*?</style>", re.DOTALL)
# mkdocs-jupyter appends the Pygments CSS a second time, as the repr of a Python list.
_LIST_REPR_STYLE_RE = re.compile(r"<style>\s*\['.*?'\]\s*</style>", re.DOTALL)


def _shared_notebook_css(html: str, page_url: str) -> str:
    """Move the notebook template's CSS (~0.6 MB per page) into one shared stylesheet.

    Pages get lighter and the search index parses less. Only the styles before the
    first cell (the template's) move; styles inside outputs (pandas) stay in place.
    """
    first_cell = html.find('class="jp-Cell ')
    if first_cell < 0:
        return html
    head, body = html[:first_cell], html[first_cell:]
    blocks = _STYLE_RE.findall(head)
    if not blocks:
        return html
    css = "\n".join(re.sub(r"^<style[^>]*>|</style>$", "", block) for block in blocks)
    name = f"assets/mlcourse-notebook-{hashlib.sha256(css.encode()).hexdigest()[:12]}.css"
    _STATE.setdefault("notebook_css", {})[name] = css
    link = f'<link rel="stylesheet" href="{get_relative_url(name, page_url)}">'
    return link + _STYLE_RE.sub("", head) + _LIST_REPR_STYLE_RE.sub("", body)


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    uri = page.file.src_uri
    if not (uri.startswith("notebooks/") and uri.endswith(".ipynb")):
        return html
    html = _shared_notebook_css(html, page.url)
    name = Path(uri).name
    note = (
        '<p class="mlcourse-run-it"><em>Executed for this site. Run it yourself: '
        f"<code>make lab</code> opens <code>notebooks/{name}</code>, or "
        f'<a href="{name}" download>download this executed copy</a>.</em></p>'
    )
    head, sep, tail = html.partition("</h1>")
    return f"{head}{sep}{note}{tail}" if sep else note + html


# nbconvert's notebook template loads MathJax from a CDN (its <script src> is emptied by
# `custom_mathjax_url: ""` in mkdocs.yml) and a mermaid loader that imports from a CDN
# when a diagram is present. Drop both: the page must not reach the network.
_OFFLINE_RE = [
    re.compile(r'<script[^>]*\bsrc="(?:(?:https?:)?//[^"]*)?"[^>]*>\s*</script>'),
    re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.DOTALL),
    re.compile(
        r'<script type="module">(?:(?!</script>).)*?https://(?:(?!</script>).)*?</script>',
        re.DOTALL,
    ),
]


def on_post_page(output: str, page: Any, config: Any) -> str:
    if not page.file.src_uri.endswith(".ipynb"):
        return output
    for pattern in _OFFLINE_RE:
        output = pattern.sub("", output)
    return output
