"""Developer tooling for the documentation site: notebook execution and generated pages.

One place executes notebooks, for both the test suite (``tests/notebooks``)
and the docs build (``docs/hooks.py`` and ``make docs``)::

    python -m mlcourse._docs execute            # every missing or stale notebook
    python -m mlcourse._docs execute 03_evaluating_models --force

The executed copies go to ``docs/notebooks/<name>.ipynb`` (generated,
gitignored), where mkdocs-jupyter renders them. Each copy stores the SHA-256
of its source in ``metadata.mlcourse_execution``, so a stale copy is detected
even when file times lie.

The pages the site generates (the syllabus map, the notebook index, one API
page per subpackage) are also built here, from what exists in the repository:
the notebooks' ``metadata.mlcourse`` (``syllabus`` and ``title``) and the
subpackages listed in ``mlcourse._SUBPACKAGES`` whose directory exists.

Heavy imports (nbformat, nbclient) happen inside the functions.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._validation import param_message

__all__ = [
    "CONCEPTS",
    "DOMAINS",
    "EXECUTED_DIR",
    "NOTEBOOKS_DIR",
    "ROOT",
    "TASK_STATEMENTS",
    "NotebookExecutionError",
    "NotebookInfo",
    "api_index_markdown",
    "api_page_markdown",
    "check_notebook_shape",
    "execute_notebook",
    "execute_stale",
    "existing_subpackages",
    "list_notebooks",
    "main",
    "notebook_info",
    "notebooks_index_markdown",
    "stale_reason",
    "syllabus_map_markdown",
    "tasks_of",
]

#: The repository root (this module lives in ``<root>/mlcourse/``).
ROOT = Path(__file__).resolve().parents[1]
#: Where the notebooks are committed (without outputs).
NOTEBOOKS_DIR = ROOT / "notebooks"
#: Where the executed copies are written for the docs site.
EXECUTED_DIR = ROOT / "docs" / "notebooks"

#: Exam domains of the AWS Certified AI Practitioner (AIF-C01) guide: title and weight (%).
DOMAINS: dict[str, tuple[str, int]] = {
    "1": ("Fundamentals of AI and ML", 20),
    "2": ("Fundamentals of Generative AI", 24),
    "3": ("Applications of Foundation Models", 28),
    "4": ("Guidelines for Responsible AI", 14),
    "5": ("Security, Compliance, and Governance for AI Solutions", 14),
}

#: The exam guide's task statements (v1.4 numbering).
TASK_STATEMENTS: dict[str, str] = {
    "1.1": "Explain basic AI concepts and terminologies",
    "1.2": "Identify practical use cases for AI",
    "1.3": "Describe the ML development lifecycle",
    "2.1": "Explain the basic concepts of generative AI",
    "2.2": "Understand the capabilities and limitations of generative AI "
    "for solving business problems",
    "2.3": "Describe AWS infrastructure and technologies for building generative AI applications",
    "3.1": "Describe design considerations for applications that use foundation models",
    "3.2": "Choose effective prompt engineering techniques",
    "3.3": "Describe the training and fine-tuning process for foundation models",
    "3.4": "Describe methods to evaluate foundation model performance",
    "4.1": "Explain the development of responsible AI systems",
    "4.2": "Recognize the importance of transparent and explainable models",
    "5.1": "Explain methods to secure AI systems",
    "5.2": "Recognize governance and compliance regulations for AI systems",
}

#: The course's concept ids: title and the task statements each one serves
#: (empty for concepts that come from the course notes only).
CONCEPTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "C01": ("AI vs ML vs DL vs GenAI", ("1.1",)),
    "C02": ("Neural network: forward pass, backprop", ("1.1",)),
    "C03": ("Computer vision: convolution, image classification", ("1.1", "1.2")),
    "C04": ("NLP: TF-IDF text classification (sentiment)", ("1.1", "1.2")),
    "C05": ("Model vs algorithm; training vs inference", ("1.1",)),
    "C06": ("Underfit / good fit / overfit", ("1.1", "4.1")),
    "C07": ("Batch vs real-time vs asynchronous vs serverless inference", ("1.1",)),
    "C08": ("Data types: labeled/unlabeled, tabular, time-series, image, text", ("1.1",)),
    "C09": ("Supervised: classification vs regression; kNN", ("1.1", "1.2")),
    "C10": ("Unsupervised: K-means customer segmentation", ("1.1", "1.2")),
    "C11": ("Association rules (market basket)", ()),
    "C12": ("Anomaly detection (Isolation Forest)", ("1.2",)),
    "C13": ("Semi-supervised: pseudo-labelling", ()),
    "C14": ("Self-supervised learning (pretext labels made from the data)", ()),
    "C15": ("Reinforcement learning, Q-learning", ("1.1",)),
    "C16": ("When ML is not appropriate (exact outcome required; cost-benefit)", ("1.2",)),
    "C17": ("Choosing regression vs classification vs clustering", ("1.2",)),
    "C18": ("Recommendation systems", ("1.2", "2.1")),
    "C19": ("Fraud detection: supervised, imbalanced", ("1.2",)),
    "C20": ("Forecasting", ("1.2",)),
    "C21": ("Traditional ML vs foundation models", ("1.2",)),
    "C22": ("ML pipeline end to end", ("1.3",)),
    "C23": ("Exploratory data analysis (EDA)", ("1.3",)),
    "C24": ("Pre-processing: impute, clip outliers, encode, scale, dedupe", ("1.3",)),
    "C25": ("Feature engineering: extraction, selection, transformation", ("1.3",)),
    "C26": ("Train/validation/test split; data leakage", ()),
    "C27": ("Hyperparameter tuning: grid, random, Bayesian (TPE)", ("1.3",)),
    "C28": ("Learning rate and warm-up", ()),
    "C29": ("Batch size", ()),
    "C30": ("Epochs and early stopping", ()),
    "C31": ("Regularisation", ()),
    "C32": ("Overfitting remedies: more data, augmentation, fewer epochs", ()),
    "C33": ("Decision tree, random forest, gradient boosting/XGBoost, SVM", ()),
    "C34": ("Production use: self-hosted API vs managed API", ("1.3",)),
    "C35": ("MLOps: experiments, reproducibility, registry, technical debt", ("1.3",)),
    "C36": ("Monitoring: drift, decay, re-training trigger", ("1.3",)),
    "C37": ("Point-in-time-correct feature joins", ("1.3",)),
    "C38": ("Confusion matrix; accuracy, precision, recall, F1; threshold choice", ("1.3",)),
    "C39": ("ROC and AUC", ("1.3",)),
    "C40": ("Imbalance: accuracy misleads; F1, PR-AUC", ()),
    "C41": ("Regression metrics: MAE, MAPE, RMSE, R²", ()),
    "C42": ("Cost per prediction, ROI, profit-optimal threshold", ("1.3",)),
    "C43": ("Language model = next-token prediction", ("2.1",)),
    "C44": ("Tokens: word, character, subword (BPE)", ("2.1",)),
    "C45": ("Chunking: fixed-size with overlap, sentence, heading", ("2.1",)),
    "C46": ("Embeddings and vectors", ("2.1",)),
    "C47": ("Vector store: exact vs approximate nearest neighbours", ("2.1", "3.1")),
    "C48": ("Transformer self-attention, positional encoding, causal mask", ("2.1",)),
    "C49": ("Encoder (bidirectional) vs decoder (causal)", ()),
    "C50": ("Foundation-model idea: one pre-trained representation, many tasks", ("2.1",)),
    "C51": ("Multimodal fusion", ("2.1",)),
    "C52": ("Diffusion models", ("2.1",)),
    "C53": ("GAN: generator vs discriminator", ()),
    "C54": ("Foundation-model lifecycle", ("2.1",)),
    "C55": ("Hallucination, nondeterminism, inaccuracy", ("2.2",)),
    "C56": ("GenAI business value: conversion, ARPU, CLV, efficiency", ("2.2",)),
    "C57": ("Token-based pricing; on-demand vs batch vs provisioned", ("2.1", "2.3")),
    "C58": ("Context window and context engineering", ("2.1",)),
    "C59": ("Agents: tools, memory, multi-step orchestration, routing", ("2.1", "3.1")),
    "C60": ("Structured extraction against a tool schema", ()),
    "C61": ("Streaming and time-to-first-token", ()),
    "C62": ("Knowledge graph, multi-hop QA", ()),
    "C63": ("Model selection: quality vs latency vs size vs cost", ("2.2", "3.1")),
    "C64": ("Temperature", ("3.1",)),
    "C65": ("Top-k and top-p (nucleus) sampling", ()),
    "C66": ("Max tokens, stop sequences, frequency/presence penalties", ("3.1",)),
    "C67": ("RAG with citations", ("3.1",)),
    "C68": ("Customisation cost ladder: prompting, RAG, fine-tuning, pre-training", ("3.1",)),
    "C69": ("Zero-shot / few-shot (in-context) analogues", ("3.2",)),
    "C70": ("Prompt constructs and templates", ("3.2",)),
    "C71": ("Routing / model cascade", ("3.2",)),
    "C72": ("Prompt caching", ("3.1",)),
    "C73": ("Prompt injection, hijacking, jailbreaking", ("3.2",)),
    "C74": ("Data poisoning / backdoor", ("3.2",)),
    "C75": ("Memorisation and training-data exposure", ("3.2", "4.1", "5.1")),
    "C76": ("Pre-training vs continued pre-training vs instruction fine-tuning", ("3.3",)),
    "C77": ("Transfer learning (feature extraction vs from scratch)", ("3.3",)),
    "C78": ("PEFT / LoRA idea", ("3.3",)),
    "C79": ("Fine-tuning data preparation", ("3.3",)),
    "C80": ("RLHF: preferences, reward model, policy", ("3.3",)),
    "C81": ("Knowledge distillation", ("3.1", "3.3")),
    "C82": ("Quantization", ()),
    "C83": ("Pruning", ()),
    "C84": ("Benchmark datasets and human evaluation", ("3.4",)),
    "C85": ("ROUGE-N, ROUGE-L", ("3.4",)),
    "C86": ("BLEU: modified n-gram precision, brevity penalty", ("3.4",)),
    "C87": ("BERTScore (semantic match via embeddings)", ("3.4",)),
    "C88": ("Perplexity", ()),
    "C89": ("LLM-as-a-judge and its biases", ("3.4",)),
    "C90": ("Evaluating RAG and agent applications", ("3.4",)),
    "C91": ("Business alignment: productivity, engagement, cost per interaction", ("3.4",)),
    "C92": ("Fairness and subgroup analysis", ("1.1", "4.1")),
    "C93": ("Clarify-style bias metrics (CI, DPL, DI, DPPL)", ("4.1",)),
    "C94": ("Dataset inclusivity, diversity, balance, representativeness", ("4.1",)),
    "C95": ("Bias-variance decomposition", ("4.1",)),
    "C96": ("Label-quality analysis", ("4.1",)),
    "C97": ("Human-in-the-loop review of low-confidence predictions", ("4.1",)),
    "C98": ("Robustness and adversarial examples", ("4.1",)),
    "C99": ("Hallucination detection and grounding", ("4.1", "5.1")),
    "C100": (
        "Guardrails: denied topics, word filters, PII redaction, toxicity",
        ("3.2", "4.1", "5.1"),
    ),
    "C101": ("Sustainability of model choice", ("4.1",)),
    "C102": ("Transparent vs black-box; interpretability-performance trade-off", ("4.2",)),
    "C103": ("Attributions: SHAP, permutation importance, partial dependence", ("4.2",)),
    "C104": ("Model cards", ("4.2", "5.1")),
    "C105": ("Human-centred XAI: counterfactuals, user feedback", ("4.2",)),
    "C106": ("Differential privacy, k-anonymity, pseudonymisation", ("5.1",)),
    "C107": ("Data validation and integrity", ("5.1",)),
    "C108": ("Data lineage, cataloguing, source citation", ("5.1",)),
    "C109": ("Least-privilege access decisions", ("5.1",)),
    "C110": ("Invocation logging and audit trail", ("5.1", "5.2")),
    "C111": ("Retention and residency policies as code", ("5.2",)),
}

_OBJECTIVE_RE = re.compile(r"^([1-5]\.[1-6])(?:\.\d{1,2})?$")
_CONCEPT_RE = re.compile(r"^C\d{2,3}$")
_TITLE_RE = re.compile(r"^# (\d{2}) · \S")
_META_KEY = "mlcourse_execution"
_ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


# --------------------------------------------------------------------------- notebooks


@dataclass(frozen=True)
class NotebookInfo:
    """What the docs need to know about one notebook.

    Attributes
    ----------
    name : str
        File name without ``.ipynb``, e.g. ``"03_evaluating_models"``.
    number : str
        The two-digit prefix of the name (``""`` when absent).
    title : str
        ``metadata.mlcourse.title`` (falls back to the name).
    syllabus : tuple of str
        ``metadata.mlcourse.syllabus``: objective ids (``"1.3.6"``) and
        concept ids (``"C38"``).
    subpackages : tuple of str
        The ``mlcourse`` subpackages its code cells use.

    Examples
    --------
    >>> info = NotebookInfo("03_metrics", "03", "Metrics", ("1.3.6", "C38"), ("metrics",))
    >>> info.label
    '03 · Metrics'
    """

    name: str
    number: str
    title: str
    syllabus: tuple[str, ...]
    subpackages: tuple[str, ...]

    @property
    def label(self) -> str:
        """Return the navigation label, ``"NN · Title"``."""
        return f"{self.number} · {self.title}" if self.number else self.title


def list_notebooks(notebooks_dir: str | Path | None = None) -> list[Path]:
    """List the committed notebooks, sorted by name.

    Parameters
    ----------
    notebooks_dir : str or Path, default=None
        The folder to look in; ``None`` means ``<root>/notebooks``.

    Returns
    -------
    list of Path
        The ``*.ipynb`` files directly in that folder (an empty list when
        the folder does not exist).

    Examples
    --------
    >>> all(p.suffix == ".ipynb" for p in list_notebooks())
    True
    """
    folder = Path(notebooks_dir) if notebooks_dir is not None else NOTEBOOKS_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.ipynb") if p.is_file())


def _read_json(path: Path) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{path} is not a notebook (its JSON is not an object).")
    return data


def _source(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


_MODULE_RE = re.compile(r"\bmlcourse\.([a-z_][a-z0-9_]*)")
_FROM_IMPORT_RE = re.compile(r"^\s*from\s+mlcourse\s+import\s+\(?([^)\n]*)", re.MULTILINE)


def _used_subpackages(code: str) -> list[str]:
    names = set(_MODULE_RE.findall(code))
    for group in _FROM_IMPORT_RE.findall(code):
        for part in group.split(","):
            word = part.strip().split(" as ")[0].strip()
            if word:
                names.add(word)
    return sorted(n for n in names if not n.startswith("_"))


def notebook_info(path: str | Path) -> NotebookInfo:
    """Read a notebook's name, title, syllabus items and the subpackages it uses.

    Parameters
    ----------
    path : str or Path
        The ``.ipynb`` file (committed or executed copy).

    Returns
    -------
    NotebookInfo

    Examples
    --------
    >>> import json, pathlib, tempfile
    >>> nb = {"cells": [{"cell_type": "code", "source": "from mlcourse import metrics"}],
    ...       "metadata": {"mlcourse": {"syllabus": ["1.3.6"], "title": "Metrics"}}}
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "03_metrics.ipynb").write_text(json.dumps(nb))
    >>> notebook_info(folder / "03_metrics.ipynb")
    NotebookInfo(name='03_metrics', number='03', title='Metrics', syllabus=('1.3.6',), subpackages=('metrics',))
    """
    path = Path(path)
    nb = _read_json(path)
    meta = nb.get("metadata", {}).get("mlcourse", {}) or {}
    match = re.match(r"^(\d{2})_", path.stem)
    syllabus = meta.get("syllabus", [])
    code = "\n".join(_source(c) for c in nb.get("cells", []) if c.get("cell_type") == "code")
    return NotebookInfo(
        name=path.stem,
        number=match.group(1) if match else "",
        title=str(meta.get("title") or path.stem),
        syllabus=tuple(str(s) for s in syllabus) if isinstance(syllabus, list) else (),
        subpackages=tuple(_used_subpackages(code)),
    )


def tasks_of(item: str) -> tuple[str, ...]:
    """Return the exam task statements a syllabus item belongs to.

    Parameters
    ----------
    item : str
        An objective id (``"1.3.6"``), a task id (``"1.3"``) or a concept id
        (``"C38"``).

    Returns
    -------
    tuple of str
        Task ids such as ``("1.3",)``; empty for unknown ids and for concepts
        that come from the course notes only.

    Examples
    --------
    >>> tasks_of("1.3.6"), tasks_of("C06"), tasks_of("C11")
    (('1.3',), ('1.1', '4.1'), ())
    """
    match = _OBJECTIVE_RE.match(item)
    if match:
        return (match.group(1),) if match.group(1) in TASK_STATEMENTS else ()
    if item in CONCEPTS:
        return CONCEPTS[item][1]
    return ()


def _metadata_problems(meta: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append("metadata.mlcourse.title must be a non-empty string.")
    syllabus = meta.get("syllabus")
    if not isinstance(syllabus, list) or not syllabus:
        problems.append(
            'metadata.mlcourse.syllabus must be a non-empty list such as ["1.3.6", "C38"].'
        )
        return problems
    for item in map(str, syllabus):
        if _OBJECTIVE_RE.match(item):
            if not tasks_of(item):
                problems.append(f"syllabus item {item!r} is not an exam task statement.")
        elif _CONCEPT_RE.match(item):
            if item not in CONCEPTS:
                problems.append(
                    f"syllabus item {item!r} is not in mlcourse._docs.CONCEPTS: add it there."
                )
        else:
            problems.append(
                f"syllabus item {item!r} must be an exam id like '1.3.6' or a concept "
                "id like 'C38'."
            )
    return problems


def check_notebook_shape(path: str | Path) -> list[str]:
    """List what a committed notebook does wrong against the course's notebook rules.

    The rules (see ``NOTEBOOKS.md``): committed without outputs, kernel
    ``python3``, ``metadata.mlcourse`` with a ``title`` and known ``syllabus``
    ids, a first cell ``# NN · Title`` matching the file name, "Exam tips",
    "Self-check" and "Summary" sections, a self-check with a solution cell
    (tagged ``solution``) and at least one ``assert``; no global seeding
    (``np.random.seed``), no ``plt.rc``/``rcParams`` changes, no downloads
    (``urlretrieve``, ``fetch_*``, ``pip install``) and no ``def`` helpers in
    code cells.

    Parameters
    ----------
    path : str or Path
        The ``.ipynb`` file.

    Returns
    -------
    list of str
        One sentence per problem; empty when the notebook is well formed.

    Examples
    --------
    >>> import json, pathlib, tempfile
    >>> nb = {"cells": [{"cell_type": "markdown", "source": "# Intro"}], "metadata": {}}
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "01_intro.ipynb"
    >>> _ = path.write_text(json.dumps(nb))
    >>> problems = check_notebook_shape(path)
    >>> problems[0]
    "metadata.kernelspec.name must be 'python3'; got None."
    """
    path = Path(path)
    nb = _read_json(path)
    problems: list[str] = []
    cells = nb.get("cells", [])
    metadata = nb.get("metadata", {})

    kernel = metadata.get("kernelspec", {}).get("name")
    if kernel != "python3":
        problems.append(f"metadata.kernelspec.name must be 'python3'; got {kernel!r}.")

    meta = metadata.get("mlcourse")
    if not isinstance(meta, dict):
        problems.append(
            'metadata.mlcourse is missing: add {"syllabus": [...], "title": "..."} '
            "to the notebook metadata."
        )
    else:
        problems += _metadata_problems(meta)

    for i, cell in enumerate(cells):
        if cell.get("cell_type") != "code":
            continue
        if cell.get("outputs") or cell.get("execution_count") is not None:
            problems.append(
                f"cell {i} has outputs or an execution count: commit notebooks without "
                "outputs (clear them first)."
            )
            break

    first = _source(cells[0]) if cells else ""
    title_match = _TITLE_RE.match(first)
    if not cells or cells[0].get("cell_type") != "markdown" or title_match is None:
        problems.append("the first cell must be a markdown title '# NN · Title'.")
    else:
        number = title_match.group(1)
        if not path.name.startswith(f"{number}_"):
            problems.append(
                f"the title's number {number} does not match the file name {path.name}."
            )

    headings: list[tuple[int, str]] = []
    for i, cell in enumerate(cells):
        if cell.get("cell_type") == "markdown":
            for line in _source(cell).splitlines():
                m = re.match(r"^#{2,3}\s+(.*\S)", line)
                if m:
                    headings.append((i, m.group(1).strip().lower()))
    for section in ("Exam tips", "Self-check", "Summary"):
        if not any(text.startswith(section.lower()) for _, text in headings):
            problems.append(f"missing a '## {section}' section.")

    starts = [i for i, text in headings if text.startswith("self-check")]
    if starts:
        start = starts[0]
        later = [i for i, text in headings if i > start and text.startswith("summary")]
        end = later[0] if later else len(cells)
        block = [c for c in cells[start:end] if c.get("cell_type") == "code"]
        if not any(re.search(r"^\s*assert\b", _source(c), re.MULTILINE) for c in block):
            problems.append("the self-check has no code cell with an 'assert'.")
        if not any("solution" in c.get("metadata", {}).get("tags", []) for c in block):
            problems.append("the self-check has no solution cell tagged 'solution'.")

    forbidden = [
        (r"random\.seed\s*\(", "global seeding (np.random.seed): pass SEED to each call"),
        (r"\bplt\.rc\s*\(|\bmatplotlib\.rc\s*\(", "plt.rc changes global state"),
        (r"rcParams\s*(\[[^\]]*\]\s*=[^=]|\.update\s*\()", "rcParams changes global state"),
        (r"\burlretrieve\b", "urlretrieve downloads at run time"),
        (r"\bfetch_\w+\s*\(", "fetch_* downloads at run time"),
        (r"^\s*[!%]\s*pip\s+install", "pip install in a cell needs the network"),
        (r"^\s*(async\s+)?def\s+\w+", "a 'def' helper belongs in the library, not the notebook"),
    ]
    for i, cell in enumerate(cells):
        if cell.get("cell_type") != "code":
            continue
        text = _source(cell)
        for pattern, why in forbidden:
            if re.search(pattern, text, re.MULTILINE):
                problems.append(f"cell {i}: {why}.")
    return problems


# --------------------------------------------------------------------------- execution


class NotebookExecutionError(RuntimeError):
    """A notebook cell raised an error (or timed out) while executing.

    Attributes
    ----------
    name : str
        The notebook's name.
    cell_index : int or None
        Index of the failing cell, when known.
    wall_time : float
        Seconds spent before the failure.
    """

    def __init__(
        self, message: str, *, name: str, cell_index: int | None, wall_time: float
    ) -> None:
        super().__init__(message)
        self.name = name
        self.cell_index = cell_index
        self.wall_time = wall_time


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write_atomic(nb: Any, dst: Path) -> None:
    import nbformat

    dst.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{dst.stem}.", suffix=".ipynb", dir=dst.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            nbformat.write(nb, fh)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the copy is an ordinary file
        os.replace(tmp, dst)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def execute_notebook(src: str | Path, dst: str | Path, *, timeout: int = 120) -> float:
    """Execute a notebook top to bottom and write the executed copy.

    The kernel is ``python3`` (the interpreter running this function), its
    working directory is the notebook's folder and matplotlib uses its inline
    backend (Agg rendering, no display needed; figures become PNG outputs).
    The copy records the source's SHA-256, the wall time and, on failure, the
    error, under ``metadata.mlcourse_execution``; the file is replaced
    atomically. On a failure the partly executed copy is written too (so the
    docs build can report it without re-running it), then the error is raised.

    Parameters
    ----------
    src : str or Path
        The committed notebook.
    dst : str or Path
        Where to write the executed copy: an ``.ipynb`` path, or a folder
        (created if needed; the copy is then ``dst/<name>.ipynb``). The docs
        use ``docs/notebooks/``.
    timeout : int, default=120
        Seconds allowed for each cell.

    Returns
    -------
    float
        Wall time in seconds, kernel start-up included.

    Raises
    ------
    NotebookExecutionError
        If a cell raises or times out; the message names the cell and the error.

    Examples
    --------
    >>> seconds = execute_notebook("notebooks/01_ai_ml_dl_genai.ipynb",
    ...                            "docs/notebooks/")  # doctest: +SKIP
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
    from traitlets.config import Config

    src = Path(src).resolve()
    dst = Path(dst)
    if dst.is_dir() or dst.suffix != ".ipynb":
        dst = dst / src.name
    if not src.is_file():
        raise FileNotFoundError(f"No notebook at {src}.")
    digest = _sha256(src)
    nb = nbformat.read(src, as_version=4)
    env = {
        **os.environ,
        # Headless: matplotlib's inline backend renders with Agg and sends PNGs to the
        # notebook. (Plain "Agg", which the Makefile exports, would show no plot at all.)
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "PYTHONHASHSEED": "0",
    }
    started: list[int] = []
    config = Config()
    # CurveZMQ keys for the kernel's sockets (the python3 kernelspec supports it):
    # no plain-text traffic on loopback, and no warning about it.
    config.KernelManager.transport_encryption = "auto"
    client = NotebookClient(
        nb,
        config=config,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(src.parent)}},
        allow_errors=False,
        record_timing=False,
        on_cell_start=lambda cell, cell_index: started.append(cell_index),
    )
    start = time.perf_counter()
    error: BaseException | None = None
    try:
        client.execute(env=env)
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        error = exc
    wall = time.perf_counter() - start

    record: dict[str, Any] = {"source_sha256": digest, "wall_time_s": round(wall, 2)}
    failing: int | None = started[-1] if started else None
    if isinstance(error, CellExecutionError):
        what = f"{error.ename}: {error.evalue}"
    elif error is not None:
        lines = [line for line in _ANSI_RE.sub("", str(error)).splitlines() if line.strip()]
        what = lines[0].strip() if lines else type(error).__name__
    if error is not None:
        record["error"] = f"cell {failing}: {what}" if failing is not None else what
    nb.metadata[_META_KEY] = record
    _write_atomic(nb, dst)
    if error is not None:
        where = record["error"] if failing is not None else f"a cell: {record['error']}"
        raise NotebookExecutionError(
            f"{src.name} failed in {where} (after {wall:.1f} s)\n"
            f"(the partly executed copy is in {dst})\n{_ANSI_RE.sub('', str(error))}",
            name=src.stem,
            cell_index=failing,
            wall_time=wall,
        ) from None
    return wall


def _execution_record(dst: Path) -> dict[str, Any] | None:
    try:
        record = _read_json(dst).get("metadata", {}).get(_META_KEY)
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def stale_reason(src: str | Path, dst: str | Path, *, retry_failed: bool = True) -> str | None:
    """Say why a notebook's executed copy must be (re)built, or ``None`` if it is fresh.

    Parameters
    ----------
    src : str or Path
        The committed notebook.
    dst : str or Path
        Its executed copy.
    retry_failed : bool, default=True
        Count a copy whose last execution failed (source unchanged) as stale.

    Returns
    -------
    str or None
        ``"missing"``, ``"source newer than the executed copy"``, ``"source
        changed"``, ``"unreadable executed copy"``, ``"failed last time"`` or
        ``None``.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> stale_reason(folder / "01_x.ipynb", folder / "executed.ipynb")
    'missing'
    """
    src, dst = Path(src), Path(dst)
    if not dst.is_file():
        return "missing"
    if src.stat().st_mtime > dst.stat().st_mtime:
        return "source newer than the executed copy"
    record = _execution_record(dst)
    if record is None:
        return "unreadable executed copy"
    if record.get("source_sha256") != _sha256(src):
        return "source changed"
    if retry_failed and record.get("error"):
        return "failed last time"
    return None


def execute_stale(
    names: Sequence[str] | None = None,
    *,
    force: bool = False,
    retry_failed: bool = True,
    notebooks_dir: str | Path | None = None,
    executed_dir: str | Path | None = None,
    timeout: int = 120,
    log: Callable[[str], Any] = print,
) -> dict[str, float | str | None]:
    """Execute every notebook whose executed copy is missing or stale.

    Parameters
    ----------
    names : sequence of str, default=None
        Only these notebooks (names with or without ``.ipynb``); ``None``
        means all of them.
    force : bool, default=False
        Execute even fresh notebooks.
    retry_failed : bool, default=True
        Re-execute a notebook whose last execution failed although its source
        did not change (the docs hook passes ``False``, and reports it).
    notebooks_dir, executed_dir : str or Path, default=None
        Source and destination folders; ``None`` means ``<root>/notebooks`` and
        ``<root>/docs/notebooks``.
    timeout : int, default=120
        Seconds allowed for each cell.
    log : callable, default=print
        Receives one line per notebook.

    Returns
    -------
    dict
        Notebook name -> wall time in seconds (executed now), ``None`` (fresh,
        skipped) or the error message (failed).

    Raises
    ------
    ValueError
        If a name in ``names`` is not a notebook.

    Examples
    --------
    >>> import tempfile
    >>> execute_stale(notebooks_dir=tempfile.mkdtemp(), log=lambda line: None)
    {}
    """
    sources = list_notebooks(notebooks_dir)
    out_dir = Path(executed_dir) if executed_dir is not None else EXECUTED_DIR
    if names:
        by_name = {p.stem: p for p in sources}
        wanted = [n[: -len(".ipynb")] if n.endswith(".ipynb") else n for n in names]
        unknown = [n for n in wanted if n not in by_name]
        if unknown:
            known = ", ".join(sorted(by_name)) or "none yet"
            raise ValueError(
                param_message(
                    "names",
                    f"names of notebooks in notebooks/ ({known})",
                    unknown,
                    owner="execute_stale",
                )
            )
        sources = [by_name[n] for n in wanted]
    results: dict[str, float | str | None] = {}
    for src in sources:
        dst = out_dir / src.name
        reason = "forced" if force else stale_reason(src, dst, retry_failed=retry_failed)
        if reason is None:
            record = _execution_record(dst) or {}
            if record.get("error"):
                results[src.stem] = str(record["error"])
                log(f"{src.stem}: failed last time, source unchanged: {record['error']}")
            else:
                results[src.stem] = None
                log(f"{src.stem}: up to date")
            continue
        log(f"{src.stem}: executing ({reason})")
        try:
            wall = execute_notebook(src, dst, timeout=timeout)
        except NotebookExecutionError as exc:
            results[src.stem] = str(exc).splitlines()[0]
            log(f"{src.stem}: FAILED: {results[src.stem]}")
        else:
            results[src.stem] = wall
            log(f"{src.stem}: executed in {wall:.1f} s")
    return results


# --------------------------------------------------------------------------- generated pages


def existing_subpackages(package_dir: str | Path | None = None) -> list[str]:
    """List the subpackages of ``mlcourse._SUBPACKAGES`` whose directory exists.

    Parameters
    ----------
    package_dir : str or Path, default=None
        The ``mlcourse`` package folder; ``None`` means this package.

    Returns
    -------
    list of str
        Sorted subpackage names, e.g. ``["datasets", "metrics"]``.

    Examples
    --------
    >>> "datasets" in existing_subpackages()
    True
    """
    import mlcourse

    folder = Path(package_dir) if package_dir is not None else Path(__file__).resolve().parent
    return sorted(n for n in mlcourse._SUBPACKAGES if (folder / n / "__init__.py").is_file())


def _summary_line(init_file: Path) -> str:
    try:
        doc = ast.get_docstring(ast.parse(init_file.read_text(encoding="utf-8"))) or ""
    except (OSError, SyntaxError):
        return ""
    return doc.strip().splitlines()[0] if doc.strip() else ""


def api_page_markdown(name: str) -> str:
    """Return the Markdown of one API reference page (rendered by mkdocstrings).

    Parameters
    ----------
    name : str
        A subpackage name, e.g. ``"metrics"``.

    Returns
    -------
    str

    Examples
    --------
    >>> print(api_page_markdown("datasets").splitlines()[0])
    # mlcourse.datasets
    """
    return (
        f"# mlcourse.{name}\n\n"
        f"::: mlcourse.{name}\n"
        "    options:\n"
        "      show_root_heading: false\n"
        "      show_root_toc_entry: false\n"
    )


def api_index_markdown(subpackages: Iterable[str], package_dir: str | Path | None = None) -> str:
    """Return the Markdown of the API reference's overview page.

    Parameters
    ----------
    subpackages : iterable of str
        The subpackages that have a page.
    package_dir : str or Path, default=None
        The ``mlcourse`` package folder, to read each subpackage's summary line.

    Returns
    -------
    str

    Examples
    --------
    >>> "[mlcourse.datasets](datasets.md)" in api_index_markdown(["datasets"])
    True
    """
    folder = Path(package_dir) if package_dir is not None else Path(__file__).resolve().parent
    lines = [
        "# API reference",
        "",
        "Generated from the numpydoc docstrings, one page per subpackage. "
        "Every public name is importable from its subpackage, e.g. "
        "`from mlcourse.datasets import load_iris`.",
        "",
        "| subpackage | what it holds |",
        "|---|---|",
    ]
    for name in subpackages:
        summary = _summary_line(folder / name / "__init__.py").replace("|", "\\|")
        lines.append(f"| [mlcourse.{name}]({name}.md) | {summary} |")
    return "\n".join(lines) + "\n"


def _executed_time(name: str, executed_dir: Path) -> float | None:
    record = _execution_record(executed_dir / f"{name}.ipynb") or {}
    value = record.get("wall_time_s")
    return float(value) if isinstance(value, (int, float)) and not record.get("error") else None


def notebooks_index_markdown(
    infos: Sequence[NotebookInfo], executed_dir: str | Path | None = None
) -> str:
    """Return the Markdown of the notebooks' overview page.

    Parameters
    ----------
    infos : sequence of NotebookInfo
        The notebooks, in order.
    executed_dir : str or Path, default=None
        Where the executed copies are (to quote each run time).

    Returns
    -------
    str

    Examples
    --------
    >>> print(notebooks_index_markdown([]).splitlines()[-1])
    No notebooks yet.
    """
    folder = Path(executed_dir) if executed_dir is not None else EXECUTED_DIR
    lines = [
        "# Notebooks",
        "",
        "One notebook per syllabus step, in order. Each page shows the notebook as "
        "executed for this site; to run it yourself, open `notebooks/` with `make lab`.",
        "",
    ]
    if not infos:
        lines.append("No notebooks yet.")
        return "\n".join(lines) + "\n"
    lines += ["| # | notebook | syllabus items | run time |", "|---|---|---|---|"]
    for info in infos:
        seconds = _executed_time(info.name, folder)
        run = f"{seconds:.0f} s" if seconds is not None else "—"
        items = ", ".join(info.syllabus) or "—"
        lines.append(f"| {info.number} | [{info.title}]({info.name}.ipynb) | {items} | {run} |")
    return "\n".join(lines) + "\n"


def _concept_label(cid: str) -> str:
    return f"{cid} {CONCEPTS[cid][0]}" if cid in CONCEPTS else cid


def syllabus_map_markdown(
    infos: Sequence[NotebookInfo],
    subpackages: Iterable[str],
    *,
    notebooks_prefix: str = "notebooks/",
    api_prefix: str = "api/",
) -> str:
    """Return the Markdown of the syllabus map: task statement -> notebooks -> API.

    Parameters
    ----------
    infos : sequence of NotebookInfo
        The notebooks and their ``metadata.mlcourse.syllabus`` items.
    subpackages : iterable of str
        The subpackages that have an API page (others are not linked).
    notebooks_prefix, api_prefix : str, default="notebooks/", "api/"
        Relative paths from the map page to the notebook and API pages.

    Returns
    -------
    str

    Examples
    --------
    >>> info = NotebookInfo("03_metrics", "03", "Metrics", ("1.3.6", "C38"), ("metrics",))
    >>> text = syllabus_map_markdown([info], ["metrics"])
    >>> "[03 · Metrics](notebooks/03_metrics.ipynb)" in text
    True
    >>> "[metrics](api/metrics.md)" in text
    True
    """
    api = set(subpackages)

    def nb_link(info: NotebookInfo) -> str:
        return f"[{info.label}]({notebooks_prefix}{info.name}.ipynb)"

    def api_links(names: Iterable[str]) -> str:
        linked = [f"[{n}]({api_prefix}{n}.md)" for n in sorted(set(names)) if n in api]
        return ", ".join(linked) or "—"

    lines = [
        "# Syllabus map",
        "",
        "How the course covers the AWS Certified AI Practitioner (AIF-C01) exam guide: each "
        "task statement, the notebooks that teach it (with the objectives and concepts they "
        "cover) and the `mlcourse` API those notebooks use. Generated from the notebooks' "
        "metadata when the site is built.",
        "",
    ]
    covered = 0
    for domain, (domain_title, weight) in DOMAINS.items():
        lines += [
            f"## Domain {domain} · {domain_title} ({weight}%)",
            "",
            "| task statement | notebooks (items covered) | API |",
            "|---|---|---|",
        ]
        for task, task_title in TASK_STATEMENTS.items():
            if not task.startswith(f"{domain}."):
                continue
            cells: list[str] = []
            used: list[str] = []
            for info in infos:
                items = [s for s in info.syllabus if task in tasks_of(s)]
                if items:
                    cells.append(f"{nb_link(info)} ({', '.join(items)})")
                    used += info.subpackages
            covered += bool(cells)
            notebooks = "<br>".join(cells) or "no notebook yet"
            lines.append(f"| **{task}** {task_title} | {notebooks} | {api_links(used)} |")
        lines.append("")

    notes_only = [
        (info, [s for s in info.syllabus if s in CONCEPTS and not tasks_of(s)]) for info in infos
    ]
    notes_only = [(info, items) for info, items in notes_only if items]
    lines += [
        "## Beyond the exam guide",
        "",
        "Concepts the course teaches from its notes, which the exam guide does not name.",
        "",
    ]
    if notes_only:
        lines += ["| notebook | concepts |", "|---|---|"]
        for info, items in notes_only:
            lines.append(f"| {nb_link(info)} | {'; '.join(_concept_label(c) for c in items)} |")
    else:
        lines.append("None yet.")
    lines += [
        "",
        "## Notebooks and the API they use",
        "",
    ]
    if infos:
        lines += ["| notebook | syllabus items | API |", "|---|---|---|"]
        for info in infos:
            labels = "; ".join(_concept_label(s) for s in info.syllabus) or "—"
            lines.append(f"| {nb_link(info)} | {labels} | {api_links(info.subpackages)} |")
    else:
        lines.append("No notebooks yet.")
    lines += [
        "",
        f"*{covered} of {len(TASK_STATEMENTS)} task statements have a notebook so far. "
        "Items that are purely about AWS services are quiz topics (recognition level).*",
    ]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- command line


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line: ``python -m mlcourse._docs execute [NAMES...] [--force]``.

    Parameters
    ----------
    argv : sequence of str, default=None
        Arguments (``None`` means ``sys.argv[1:]``).

    Returns
    -------
    int
        Exit code: 0 when every notebook is up to date or executed, 1 when
        one failed, 2 for a bad argument.

    Examples
    --------
    >>> main(["execute", "no_such_notebook"])  # doctest: +ELLIPSIS
    2
    """
    parser = argparse.ArgumentParser(
        prog="python -m mlcourse._docs",
        description="Execute the course notebooks for the documentation site.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser(
        "execute",
        help="execute the notebooks whose executed copy (docs/notebooks/) is missing or stale",
    )
    ex.add_argument("names", nargs="*", help="notebook names (default: all)")
    ex.add_argument("--force", action="store_true", help="execute even fresh notebooks")
    ex.add_argument("--timeout", type=int, default=120, help="seconds allowed per cell")
    args = parser.parse_args(argv)

    try:
        results = execute_stale(args.names or None, force=args.force, timeout=args.timeout)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    failed = [name for name, value in results.items() if isinstance(value, str)]
    if failed:
        print(f"{len(failed)} notebook(s) failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
