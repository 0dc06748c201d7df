"""The architecture, held by a test: layers, import direction, no cycles, no SQL outside storage.

Every .py file of the installed package is parsed with `ast` (nothing of it is imported)
and EVERY import is collected: top-level ones, lazy ones inside functions and methods,
those under `if TYPE_CHECKING:`, and `importlib.import_module("shipit.x")` with a literal
name. Relative imports are resolved; `from shipit.x import y` is an edge to the module
`shipit.x.y` when that file exists, else to `shipit.x` (y is a name defined there).
Importing `shipit.x.y` also runs `shipit/x/__init__.py`, but that implicit parent import
is not an edge: otherwise every command module would close a cycle with `shipit/cli`'s
`__init__`, which imports them all to register them.

The rules (tables below, easy to read and to adjust):

- every module lives in a layer: `shipit/<layer>/...`, or is one of the two root files;
- no import cycle among shipit modules, lazy imports included (they still tie the two
  modules together, and a cycle is a layering mistake waiting to happen);
- every import goes in an allowed direction (MAY_IMPORT), and a command module of
  `shipit/cli` never imports another command module;
- no layer imports the outside modules it must not know (FORBIDDEN);
- no module uses another module's `_private` names, by `from shipit.a import _x` or by
  `a._x` through an imported module's alias;
- nothing outside `shipit/storage/` holds SQL in a string literal.

TYPE_CHECKING: an import under `if TYPE_CHECKING:` never runs, so it cannot close an
import-time cycle; it is left out of the cycle check (that is what such imports are for:
a type annotation pointing back up a two-way relation). It is still knowledge of the
other module, so every other rule applies to it as to any import: a type-only
`from shipit.storage import Db` in the domain is a direction violation, and a type-only
`import sqlite3` in services is a forbidden import.

`collect(package_dir)` takes any package folder, so the tests at the bottom run every
rule on a small fake package with one planted violation each: each check can fail.
"""

from __future__ import annotations

import ast
import re
import textwrap
from collections import defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# -- the rules ----------------------------------------------------------------------------

ROOT = "root"  # shipit/__init__.py: the version, and nothing else
MAIN = "main"  # shipit/__main__.py: `python -m shipit`

# The layers under shipit/, and which layers each may import (its own included where listed).
# i18n is treated like the domain: a leaf that imports nothing else of shipit, importable
# wherever the domain is.
MAY_IMPORT: dict[str, set[str]] = {
    ROOT: set(),
    MAIN: {"cli"},
    "domain": {"domain", "i18n"},
    "i18n": {"i18n"},
    "storage": {"domain", "i18n", "storage"},
    "services": {"domain", "i18n", "storage", "services"},
    "views": {"domain", "i18n", "views"},
    "cli": {ROOT, "domain", "i18n", "services", "views", "cli"},
}

# Modules of shipit/cli that every command may share. Every other module (or sub-package)
# of shipit/cli is a command module, and command modules never import each other.
CLI_SHARED = {"app", "shim", "options"}

# Modules from outside shipit that a layer must not import (by top-level name, so
# `rich.text` counts as `rich`). ANY: nothing at all but `__future__`.
ANY = "*"
_NOT_IN_DOMAIN = {"rich", "typer", "click", "sqlite3", "sqlalchemy", "sqlmodel", "pydantic",
                  "platformdirs", "subprocess", "shutil", "psycopg"}  # fmt: skip
# psycopg (the hub's driver) is storage's too: storage.hub is its one user.
_STORAGE_ONLY = {"sqlite3", "sqlalchemy", "sqlmodel", "psycopg"}
FORBIDDEN: dict[str, set[str]] = {
    ROOT: {ANY},
    MAIN: {ANY},
    "domain": _NOT_IN_DOMAIN,
    "i18n": _NOT_IN_DOMAIN,
    # Not in the brief for storage, but a storage that drew or parsed the command line
    # would hand services a way round their own rule.
    "storage": {"rich", "typer", "click"},
    "services": _STORAGE_ONLY | {"rich", "typer", "click"},
    "views": _STORAGE_ONLY | {"typer", "click"},
    "cli": _STORAGE_ONLY,
}

# Layers whose string literals may hold SQL.
# The message catalogues hold sentences people read ("create it first (createdb)"), some
# of which look like SQL to the detector; they are data, never run.
SQL_ALLOWED_IN = {"storage", "i18n"}
# A string literal (or a constant part of an f-string) is SQL when, after leading
# whitespace, it starts with one of SQL_KEYWORDS (any case) followed by whitespace, or is
# one of SQL_ALONE in capitals, alone or before ';' (`execute("COMMIT")`). Docstrings are
# not looked at. A keyword in sentence case ("Delete it?", "Select a day") is prose, not
# SQL: nobody writes `Delete from entry`.
SQL_KEYWORDS = ("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "PRAGMA",
                "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", r"WITH\b.*\bSELECT")  # fmt: skip
SQL_ALONE = ("BEGIN", "COMMIT", "ROLLBACK", "END")
_SQL = re.compile(
    r"\s*(?P<kw>(?:" + "|".join(SQL_KEYWORDS) + r")\s"
    r"|(?-i:" + "|".join(SQL_ALONE) + r")\s*;?\s*$)",
    re.IGNORECASE | re.DOTALL,
)


# -- reading the package ------------------------------------------------------------------


@dataclass(frozen=True)
class Import:
    """One import statement's edge: `module` imports `target` (a full dotted name)."""

    module: str
    target: str
    file: str  # relative to the package's parent folder, e.g. shipit/cli/entries.py
    line: int
    lazy: bool = False  # inside a function or method
    type_checking: bool = False  # under `if TYPE_CHECKING:`

    def where(self) -> str:
        notes = [n for n, on in (("in a function", self.lazy),
                                 ("TYPE_CHECKING", self.type_checking)) if on]  # fmt: skip
        return f"{self.file}:{self.line}" + "".join(f", {n}" for n in notes)

    def __str__(self) -> str:
        return f"{self.module} -> {self.target} ({self.where()})"


@dataclass(frozen=True)
class NameUse:
    """`module` uses `name` of shipit module `owner`: `from owner import name`, `owner.name`."""

    module: str
    owner: str
    name: str
    file: str
    line: int
    how: str  # "import", "from-import" or "attribute"


@dataclass(frozen=True)
class StringLit:
    module: str
    value: str
    file: str
    line: int


@dataclass
class Package:
    name: str
    root: Path  # the package's folder
    modules: dict[str, str] = field(default_factory=dict)  # dotted name -> relative file
    imports: list[Import] = field(default_factory=list)  # shipit and outside modules alike
    names: list[NameUse] = field(default_factory=list)
    strings: list[StringLit] = field(default_factory=list)

    def is_ours(self, target: str) -> bool:
        return target == self.name or target.startswith(self.name + ".")

    @property
    def internal(self) -> list[Import]:
        return [i for i in self.imports if self.is_ours(i.target) and i.target != i.module]

    @property
    def external(self) -> list[Import]:
        return [i for i in self.imports if not self.is_ours(i.target)]

    def layer(self, module: str) -> str | None:
        if module == self.name:
            return ROOT
        if module == f"{self.name}.__main__":
            return MAIN
        parts = module.split(".")
        return parts[1] if len(parts) > 1 and parts[1] in MAY_IMPORT else None


def _module_name(package: str, rel: Path) -> tuple[str, bool]:
    """shipit/cli/entries.py -> ("shipit.cli.entries", False); a/__init__.py -> ("a", True)."""
    parts = list(rel.with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return ".".join([package, *parts]), is_package


def _is_private(name: str) -> bool:
    """`_x` is private; `__x__` is not, nor `_` alone (gettext's `from shipit.i18n import _`)."""
    return name.startswith("_") and name != "_" and not (name.startswith("__")
                                                         and name.endswith("__"))  # fmt: skip


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _docstring_nodes(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if (body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
                    and isinstance(body[0].value.value, str)):  # fmt: skip
                found.add(id(body[0].value))
    return found


class _Reader(ast.NodeVisitor):
    """Collects one file's imports, module aliases, uses of module attributes and strings."""

    def __init__(self, pkg: Package, module: str, is_package: bool, rel: str) -> None:
        self.pkg, self.module, self.rel = pkg, module, rel
        self.base = module if is_package else module.rpartition(".")[0]
        self.lazy = 0
        self.type_checking = 0
        self.aliases: dict[str, str] = {}  # local name -> shipit module it is bound to

    # imports
    def _add(self, target: str, node: ast.AST) -> None:
        self.pkg.imports.append(Import(self.module, target, self.rel, node.lineno,
                                       self.lazy > 0, self.type_checking > 0))  # fmt: skip

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node)
            if not self.pkg.is_ours(alias.name):
                continue
            if alias.asname:
                self.aliases[alias.asname] = alias.name
            else:  # `import shipit.a.b` binds `shipit`
                self.aliases[self.pkg.name] = self.pkg.name
            for i, part in enumerate(alias.name.split(".")[1:], start=1):
                self._private(alias.name.split(".")[:i], part, node, submodule=True,
                              how="import")  # fmt: skip

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            parts = self.base.split(".")
            if node.level - 1 >= len(parts):
                self._add("<relative import beyond the package>", node)
                return
            parts = parts[: len(parts) - (node.level - 1)]
            source = ".".join([*parts, *([node.module] if node.module else [])])
        else:
            source = node.module or ""
        if not self.pkg.is_ours(source):
            self._add(source, node)
            return
        for i, part in enumerate(source.split(".")[1:], start=1):
            self._private(source.split(".")[:i], part, node, submodule=True)
        for alias in node.names:
            sub = f"{source}.{alias.name}"
            if sub in self.pkg.modules:
                self._add(sub, node)
                self.aliases[alias.asname or alias.name] = sub
            else:
                self._add(source, node)
            if alias.name != "*":
                self._private(source.split("."), alias.name, node,
                              submodule=sub in self.pkg.modules, how="from-import")  # fmt: skip

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if (name in ("import_module", "__import__") and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)):  # fmt: skip
            self._add(node.args[0].value, node)
        self.generic_visit(node)

    # uses of private names
    def _private(self, owner_parts: list[str], name: str, node: ast.AST, *, submodule: bool,
                 how: str = "from-import") -> None:  # fmt: skip
        if not _is_private(name):
            return
        owner = ".".join(owner_parts)
        # A module's own names are its own; a private sub-module belongs to its package.
        if self.module == owner or (submodule and self.module.startswith(owner + ".")):
            return
        self.pkg.names.append(NameUse(self.module, owner, name, self.rel, node.lineno, how))

    def visit_Attribute(self, node: ast.Attribute) -> None:
        chain = []
        base: ast.expr = node
        while isinstance(base, ast.Attribute):
            chain.append(base.attr)
            base = base.value
        if isinstance(base, ast.Name) and base.id in self.aliases:
            chain.reverse()
            owner = self.aliases[base.id]
            for attr in chain[:-1]:  # walk down sub-modules: shipit.a.b._x
                if f"{owner}.{attr}" not in self.pkg.modules:
                    break
                owner = f"{owner}.{attr}"
            else:
                sub = f"{owner}.{chain[-1]}" in self.pkg.modules
                self._private(owner.split("."), chain[-1], node, submodule=sub,
                              how="attribute")  # fmt: skip
        self.generic_visit(node)

    # scope
    def _in_function(self, node: ast.AST) -> None:
        self.lazy += 1
        self.generic_visit(node)
        self.lazy -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _in_function

    def visit_If(self, node: ast.If) -> None:
        if _is_type_checking(node.test):
            self.visit(node.test)
            self.type_checking += 1
            for stmt in node.body:
                self.visit(stmt)
            self.type_checking -= 1
            for stmt in node.orelse:
                self.visit(stmt)
        else:
            self.generic_visit(node)


def collect(package_dir: Path | str) -> Package:
    """Read every .py file under `package_dir` (a folder named like its package)."""
    root = Path(package_dir)
    pkg = Package(root.name, root)
    files = sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)
    parsed = []
    for path in files:
        rel = path.relative_to(root)
        module, is_package = _module_name(root.name, rel)
        shown = str(Path(root.name) / rel)
        pkg.modules[module] = shown
        parsed.append((module, is_package, shown, ast.parse(path.read_text(), str(path))))
    for module, is_package, shown, tree in parsed:
        _Reader(pkg, module, is_package, shown).visit(tree)
        docstrings = _docstring_nodes(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in docstrings):  # fmt: skip
                pkg.strings.append(StringLit(module, node.value, shown, node.lineno))
    # `from shipit.a import x, y` is one edge to shipit.a, not two
    pkg.imports = sorted(set(pkg.imports), key=lambda i: (i.file, i.line, i.target))
    return pkg


# -- the checks: each returns one readable line per violation ------------------------------


def unplaced_modules(pkg: Package) -> list[str]:
    return [f"{m} ({f}) is in no layer: move it under {pkg.name}/<layer>/, one of "
            f"{', '.join(sorted(set(MAY_IMPORT) - {ROOT, MAIN}))}"
            for m, f in sorted(pkg.modules.items()) if pkg.layer(m) is None]  # fmt: skip


def import_cycles(pkg: Package) -> list[str]:
    """One entry per group of modules tied into cycles: the shortest cycle path through it,
    each step with its file:line, and the whole group when it is larger than that path."""
    edges: dict[str, dict[str, Import]] = defaultdict(dict)
    for imp in pkg.internal:
        if not imp.type_checking:
            edges[imp.module].setdefault(imp.target, imp)
    nodes = sorted(set(edges) | {t for e in edges.values() for t in e})

    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(v: str) -> None:  # Tarjan
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, {})):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in nodes:
        if v not in index:
            connect(v)

    out = []
    for group in sorted(groups):
        start, members = group[0], set(group)
        came_from: dict[str, str] = {}
        queue = deque([start])
        while queue:  # the shortest way round from `start` back to itself
            v = queue.popleft()
            if start in edges[v]:
                came_from.setdefault(start, v)
                break
            for w in sorted(edges[v]):
                if w in members and w not in came_from and w != start:
                    came_from[w] = v
                    queue.append(w)
        path = [start]
        v = came_from[start]
        while v != start:
            path.append(v)
            v = came_from[v]
        path.append(start)
        path.reverse()
        steps = "".join(f"\n    {edges[a][b]}" for a, b in zip(path, path[1:]))
        more = ""
        if len(group) > len(path) - 1:
            more = f"\n    (all tied together: {', '.join(group)})"
        out.append(f"import cycle {' -> '.join(path)}:{steps}{more}")
    return out


def _cli_command(pkg: Package, module: str) -> str | None:
    """The command unit of a shipit/cli module (its first name below cli), None if shared."""
    parts = module.split(".")
    if len(parts) < 3 or parts[1] != "cli" or parts[2] in CLI_SHARED:
        return None
    return parts[2]


def direction_violations(pkg: Package) -> list[str]:
    out = []
    for imp in pkg.internal:
        src, dst = pkg.layer(imp.module), pkg.layer(imp.target)
        if src is None:
            why = f"{imp.module} is in no layer"
        elif dst is None:
            known = imp.target in pkg.modules or any(m.startswith(imp.target + ".")
                                                     for m in pkg.modules)  # fmt: skip
            why = f"{imp.target} is in no layer" + ("" if known else " (no such module)")
        elif dst not in MAY_IMPORT[src]:
            why = f"{src} may not import {dst}"
        elif (_cli_command(pkg, imp.module) and _cli_command(pkg, imp.target)
              and _cli_command(pkg, imp.module) != _cli_command(pkg, imp.target)):  # fmt: skip
            why = "a command module may not import another command module"
        else:
            continue
        out.append(f"{imp}: {why}")
    return out


def forbidden_imports(pkg: Package) -> list[str]:
    out = []
    for imp in pkg.external:
        layer = pkg.layer(imp.module)
        if layer is None:
            continue  # unplaced_modules reports it
        top = imp.target.partition(".")[0]
        banned = FORBIDDEN.get(layer, set())
        if top in banned or (ANY in banned and top != "__future__"):
            out.append(f"{imp}: {layer} may not import {top}")
    return out


def private_uses(pkg: Package) -> list[str]:
    return [f"{u.module} -> {u.owner}.{u.name} ({u.file}:{u.line}, {u.how}): "
            f"{u.name} is private to {u.owner}; make it public API if it is needed"
            for u in sorted(pkg.names, key=lambda u: (u.file, u.line, u.name))]  # fmt: skip


def _is_sql(text: str) -> bool:
    m = _SQL.match(text)
    if not m:
        return False
    word = re.match(r"\w+", m.group("kw")).group()
    return not (word[0].isupper() and word[1:].islower())  # "Delete it?" is prose


def sql_outside_storage(pkg: Package) -> list[str]:
    out = []
    for s in sorted(pkg.strings, key=lambda s: (s.file, s.line)):
        if pkg.layer(s.module) not in SQL_ALLOWED_IN and _is_sql(s.value):
            snippet = " ".join(s.value.split())
            snippet = snippet if len(snippet) <= 60 else snippet[:57] + "..."
            out.append(f"{s.module} ({s.file}:{s.line}): SQL outside storage: {snippet!r}")
    return out


# -- the real package ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def package() -> Package:
    import shipit

    return collect(Path(shipit.__file__).parent)


def _report(title: str, lines: list[str]) -> None:
    """Fail with one line per violation (and no repr of the list after it)."""
    if lines:
        pytest.fail(f"{title} ({len(lines)}):\n" + "\n".join(lines), pytrace=False)


def test_the_package_is_read(package):
    """The checks below see the real package: its modules and the CLI's imports."""
    assert {f"{package.name}.cli", f"{package.name}.__main__"} <= set(package.modules)
    assert any(i.module == f"{package.name}.__main__" for i in package.internal)


def test_every_module_is_in_a_layer(package):
    found = unplaced_modules(package)
    _report("modules outside the layers", found)


def test_no_import_cycles(package):
    found = import_cycles(package)
    _report("import cycles (lazy imports count; TYPE_CHECKING ones do not)", found)


def test_imports_follow_the_layers(package):
    found = direction_violations(package)
    _report("imports against the layering (cli -> services -> storage/domain;"
            " cli -> views -> domain)", found)


def test_no_forbidden_imports(package):
    found = forbidden_imports(package)
    _report("imports a layer must not make", found)


def test_no_private_names_across_modules(package):
    found = private_uses(package)
    _report("uses of another module's private names", found)


def test_no_sql_outside_storage(package):
    found = sql_outside_storage(package)
    _report("SQL outside shipit/storage/", found)


# The PostgreSQL hub (and so psycopg) is reached only through the sync service: no
# other path can load the driver. (module -> the only modules that may import it)
ONLY_IMPORTED_BY = {
    "storage.hub": {"services.sync"},
    "storage.hub_schema": {"storage.hub"},
}


def restricted_imports(pkg: Package) -> list[str]:
    out = []
    for imp in pkg.internal:
        for target, allowed in ONLY_IMPORTED_BY.items():
            full = f"{pkg.name}.{target}"
            if imp.target == full or imp.target.startswith(full + "."):
                if imp.module.removeprefix(pkg.name + ".") not in allowed:
                    out.append(f"{imp}: only {', '.join(sorted(allowed))} may import {target}")
    return out


def test_the_hub_is_reached_only_through_sync(package):
    _report("imports of the hub outside services.sync", restricted_imports(package))
    assert restricted_imports(collect_fake_hub()) != []


def collect_fake_hub() -> Package:
    """A package where a view imports the hub: the check above must see it."""
    import tempfile

    root = Path(tempfile.mkdtemp()) / "shipit"
    for folder in ("storage", "views", "services"):
        (root / folder).mkdir(parents=True)
        (root / folder / "__init__.py").write_text("")
    (root / "__init__.py").write_text("")
    (root / "storage" / "hub.py").write_text("")
    (root / "views" / "bad.py").write_text("def f():\n    from shipit.storage import hub\n")
    return collect(root)


# -- proof that each check can fail: a small fake package ---------------------------------

FAKE = {
    "__init__.py": '__version__ = "0"\n',
    "__main__.py": "from shipit.cli import main\n",
    "util.py": "X = 1\n",  # in no layer
    "domain/__init__.py": "",
    # a cycle through a lazy import
    "domain/a.py": "from shipit.domain import b  # CYCLE-A\n",
    "domain/b.py": textwrap.dedent("""\
        '''SELECT * FROM docstrings is no SQL.'''
        def f():
            from shipit.domain.a import thing  # CYCLE-B
        """),
    "domain/_impl.py": "",
    "domain/x.py": textwrap.dedent("""\
        from . import _impl  # a private module of its own package: fine
        def _private():
            return 1
        def public():
            return _private()  # same-module use is fine
        def load():
            from shipit.storage import db  # DOMAIN-STORAGE
            return db
        """),
    "storage/__init__.py": "",
    "storage/db.py": textwrap.dedent("""\
        from typing import TYPE_CHECKING
        from ..domain import a
        if TYPE_CHECKING:
            from shipit.services import s  # TC-UP
        Q = "SELECT 1"
        """),
    "services/__init__.py": "",
    "services/s.py": textwrap.dedent("""\
        import rich  # RICH
        from shipit.domain.x import _private, public  # PRIVATE-FROM
        from shipit.storage import db
        def count(conn):
            '''DELETE FROM docstrings is no SQL either.'''
            return conn.execute("  select count(*) from entry")  # SQL-S
        """),
    "i18n/__init__.py": "def _(key):\n    return key\n",
    "views/__init__.py": "",
    "views/v.py": textwrap.dedent("""\
        import shipit.domain.x
        from shipit.domain import x as dx
        from shipit.i18n import _
        def show(cols):
            dx.public(), shipit.domain.x._private()  # CHAIN-PRIVATE
            print("Delete it?", "Update the text", f"{cols} deleted")
            return dx._private(), f"SELECT {cols} FROM entry"  # ALIAS-PRIVATE SQL-F
        """),
    "cli/__init__.py": "from shipit.cli import log, stats  # registers them\n"
                       "def main():\n    pass\n",
    "cli/app.py": "from .. import __version__  # a name of shipit itself: an edge to shipit\n",
    "cli/log.py": textwrap.dedent("""\
        from shipit.cli.app import __version__
        from shipit.cli import stats  # CMD-CMD
        from shipit.services import s
        from shipit.views import v
        """),
    "cli/stats.py": "from shipit.cli import app\n",
}


@pytest.fixture(scope="module")
def fake(tmp_path_factory: pytest.TempPathFactory) -> Package:
    root = tmp_path_factory.mktemp("fake") / "shipit"
    for rel, text in FAKE.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return collect(root)


def at(marker: str) -> str:
    """'shipit/<file>:<line>' of the line of FAKE that carries `marker`."""
    for rel, text in FAKE.items():
        for n, line in enumerate(text.splitlines(), start=1):
            if f"# {marker}" in line or line.endswith(f" {marker}"):
                return f"shipit/{rel}:{n}"
    raise AssertionError(marker)


def test_fake_resolves_imports(fake):
    """Relative imports, sub-module vs name, lazy and TYPE_CHECKING flags."""
    edges = {(i.module, i.target, i.lazy, i.type_checking) for i in fake.internal}
    assert ("shipit.storage.db", "shipit.domain.a", False, False) in edges  # from ..domain import a
    assert ("shipit.cli.app", "shipit", False, False) in edges  # from .. import __version__
    assert ("shipit.services.s", "shipit.storage.db", False, False) in edges  # sub-module
    assert ("shipit.domain.b", "shipit.domain.a", True, False) in edges  # a name: edge to a
    assert ("shipit.storage.db", "shipit.services.s", False, True) in edges


def test_fake_unplaced(fake):
    assert unplaced_modules(fake) == [
        "shipit.util (shipit/util.py) is in no layer: move it under shipit/<layer>/, one of "
        "cli, domain, i18n, services, storage, views"
    ]


def test_fake_cycle(fake):
    """The lazy import closes a cycle; storage <-> services through TYPE_CHECKING does not."""
    assert import_cycles(fake) == [
        "import cycle shipit.domain.a -> shipit.domain.b -> shipit.domain.a:"
        f"\n    shipit.domain.a -> shipit.domain.b ({at('CYCLE-A')})"
        f"\n    shipit.domain.b -> shipit.domain.a ({at('CYCLE-B')}, in a function)"
    ]


def test_fake_direction(fake):
    assert direction_violations(fake) == [
        f"shipit.cli.log -> shipit.cli.stats ({at('CMD-CMD')}): "
        "a command module may not import another command module",
        f"shipit.domain.x -> shipit.storage.db ({at('DOMAIN-STORAGE')}, in a function): "
        "domain may not import storage",
        f"shipit.storage.db -> shipit.services.s ({at('TC-UP')}, TYPE_CHECKING): "
        "storage may not import services",
    ]


def test_fake_forbidden_imports(fake):
    assert forbidden_imports(fake) == [
        f"shipit.services.s -> rich ({at('RICH')}): services may not import rich",
    ]


def test_fake_private_names(fake):
    assert private_uses(fake) == [
        f"shipit.services.s -> shipit.domain.x._private ({at('PRIVATE-FROM')}, from-import): "
        "_private is private to shipit.domain.x; make it public API if it is needed",
        f"shipit.views.v -> shipit.domain.x._private ({at('CHAIN-PRIVATE')}, attribute): "
        "_private is private to shipit.domain.x; make it public API if it is needed",
        f"shipit.views.v -> shipit.domain.x._private ({at('ALIAS-PRIVATE')}, attribute): "
        "_private is private to shipit.domain.x; make it public API if it is needed",
    ]


def test_fake_sql(fake):
    """SQL in services and in an f-string is found; storage's SQL, docstrings, prose are not."""
    assert sql_outside_storage(fake) == [
        f"shipit.services.s ({at('SQL-S')}): SQL outside storage: 'select count(*) from entry'",
        f"shipit.views.v ({at('SQL-F')}): SQL outside storage: 'SELECT'",
    ]


@pytest.mark.parametrize("text, sql", [
    ("SELECT id FROM entry", True), ("  select 1", True), ("\nINSERT INTO t VALUES (?)", True),
    ("PRAGMA user_version", True), ("BEGIN IMMEDIATE", True), ("COMMIT", True),
    ("ROLLBACK;", True), ("SAVEPOINT s1", True), ("WITH x AS (SELECT 1) SELECT * FROM x", True),
    ("CREATE TABLE t (a)", True), ("delete from entry", True),
    ("Delete it?", False), ("Select a day", False), ("Updated 3 entries", False),
    ("SELECTED", False), ("Commit", False), ("begin", False), ("With love", False),
    ("with t as (select 1) select * from t", True), ("END;", True), ("", False),
])  # fmt: skip
def test_sql_pattern(text, sql):
    assert _is_sql(text) is sql
