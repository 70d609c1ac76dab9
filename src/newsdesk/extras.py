"""Optional dependencies (pyproject's ``[project.optional-dependencies]``) and how to add them.

A message about a missing extra names the pip command that adds it to *this* installation: an
editable install from a checkout (what the README and ``make`` do) needs ``pip install -e
'CHECKOUT[extra]'``; ``pip install 'newsdesk[extra]'`` would fetch a second newsdesk from the
package index instead.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import newsdesk


def checkout_root() -> Path | None:
    """The source checkout this newsdesk runs from (``src/newsdesk`` under a pyproject.toml
    naming the project), or None for an installed copy in site-packages."""
    root = Path(newsdesk.__file__).resolve().parents[2]
    pyproject = root / "pyproject.toml"
    try:
        text = pyproject.read_text(encoding="utf-8")
    except OSError:
        return None
    return root if 'name = "newsdesk"' in text else None


def install_command(extra: str) -> str:
    """The pip command that installs the optional dependencies ``extra`` for this newsdesk."""
    root = checkout_root()
    if root is None:
        return f"pip install 'newsdesk[{extra}]'"
    where = "." if root == Path.cwd().resolve() else str(root)
    return f"pip install -e {shlex.quote(f'{where}[{extra}]')}"


def missing_extra(what: str, extra: str, error: ImportError) -> str:
    """One line for a feature whose extra is not installed, with the command that installs it."""
    return f"{what} needs the '{extra}' extra ({error}); install it with {install_command(extra)}"
