"""Finding and loading kinds: built-in folders, a user's folder, or an entry point.

Every problem is an InputError naming the file and the problem in one line, raised before
any model call: a missing or malformed kind.yaml, a schema that does not import or whose
field has no fact type, a missing prompt template, a template using an undefined name.
"""

import hashlib
import importlib
import importlib.util
import sys
from dataclasses import replace
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml
from jinja2 import TemplateError, meta
from jinja2.sandbox import SandboxedEnvironment
from pydantic import BaseModel, ValidationError

from summarizer.errors import InputError
from summarizer.kinds.facts import FACT_TYPES, fact_of
from summarizer.kinds.model import DEFAULT_KIND, FILE_MODULE_PREFIX, GROUPINGS, Gate, Kind
from summarizer.kinds.rules import AnyRules, BaseRules

ENTRY_POINT_GROUP = "summarizer.kinds"
KIND_FILE = "kind.yaml"
_KEYS = {
    "name", "description", "schema", "prompt", "brief", "gold_fields", "rules", "gate", "grouping",
}  # fmt: skip
_REQUIRED = ("name", "schema", "prompt", "brief")
# What each template is rendered with (beyond the environment's globals).
_PROMPT_NAMES = {"system": set[str](), "user": {"title"}}
_BRIEF_NAMES = {"brief", "kinds", "kind", "explain"}


def builtin_folder() -> Path:
    """The top-level prompts/ folder: inside the installed wheel (pyproject maps it to
    summarizer/prompts), else beside the package (a checkout, editable or not)."""
    package = Path(__file__).resolve().parent.parent
    inside = package / "prompts"
    return inside if inside.is_dir() else package.parent / "prompts"


def builtin_names() -> list[str]:
    return sorted(p.parent.name for p in builtin_folder().glob(f"*/{KIND_FILE}"))


def _entry_points() -> dict[str, Any]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def kind_names() -> list[str]:
    """Every kind found by name: the built-in ones and those of installed packages."""
    return sorted({*builtin_names(), *_entry_points()})


def load_kind(ref: "str | Path | Kind | None" = None) -> Kind:
    """A kind by name (built-in or entry point), or by the path of its folder or kind.yaml."""
    if isinstance(ref, Kind):
        return ref
    ref = DEFAULT_KIND if ref is None else ref
    path = Path(ref)
    if isinstance(ref, Path) or path.exists() or len(path.parts) > 1 or path.suffix:
        return load_folder(path)
    if (builtin_folder() / str(ref) / KIND_FILE).is_file():
        return load_folder(builtin_folder() / str(ref))
    if (ep := _entry_points().get(str(ref))) is not None:
        return load_folder(_entry_point_folder(ep))
    known = ", ".join(kind_names())
    raise InputError(str(ref), f"unknown kind (known: {known}; or give a kind's folder)")


def _entry_point_folder(ep: Any) -> Path:
    """An entry point names a kind's folder: a module (its folder) or a path."""
    try:
        target = ep.load()
    except Exception as exc:  # a third party's import error, reported in one line
        raise InputError(f"entry point {ep.value}", f"cannot load: {exc}") from None
    if isinstance(target, ModuleType) and target.__file__:
        return Path(target.__file__).parent
    if isinstance(target, str | Path):
        return Path(target)
    raise InputError(f"entry point {ep.value}", "is neither a module nor a folder path")


def _read_spec(file: Path) -> dict[str, Any]:
    try:
        spec = yaml.safe_load(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(str(file), f"cannot read: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise InputError(str(file), f"not YAML: {str(exc).splitlines()[0]}") from None
    if not isinstance(spec, dict):
        raise InputError(str(file), "not a mapping of name, schema, prompt, brief, ...")
    if unknown := sorted(set(map(str, spec)) - _KEYS):
        raise InputError(str(file), f"unknown key {unknown[0]!r} (known: {sorted(_KEYS)})")
    if missing := [k for k in _REQUIRED if not isinstance(spec.get(k), str) or not spec[k]]:
        raise InputError(str(file), f"missing or empty {missing[0]!r}")
    return spec


def load_folder(path: Path) -> Kind:
    """Load and validate the kind in a folder (or named by its kind.yaml)."""
    file = path if path.suffix in (".yaml", ".yml") else path / KIND_FILE
    if not file.is_file():
        raise InputError(str(file), "no such kind file")
    folder = file.parent
    spec = _read_spec(file)
    schema, source = _schema(spec["schema"], folder, file, spec["name"])
    facts = {}
    for name, info in schema.model_fields.items():
        fact = fact_of(info)
        if fact is None:
            types = ", ".join(t.__name__ for t in FACT_TYPES)
            raise InputError(
                source, f"field {name!r} has no fact type (annotate it with one of {types})"
            )
        facts[name] = fact
    gold = spec.get("gold_fields") or [f for f, x in facts.items() if x.type != "prose"]
    if not isinstance(gold, list) or not all(isinstance(g, str) for g in gold):
        raise InputError(str(file), "gold_fields must be a list of field names")
    grouping = spec.get("grouping", GROUPINGS[0])
    if grouping not in GROUPINGS:
        raise InputError(
            str(file), f"grouping must be one of {', '.join(GROUPINGS)}, not {grouping!r}"
        )
    kind = Kind(
        name=spec["name"],
        folder=folder,
        description=str(spec.get("description") or ""),
        schema=schema,
        schema_source=source,
        prompt_version=spec["prompt"],
        brief_template=folder / spec["brief"],
        gold_fields=tuple(gold),
        facts=facts,
        grouping=grouping,
    )
    if spec.get("rules") is not None:
        kind = replace(kind, rules=_rules(spec["rules"], folder, file, spec["name"]))
    if spec.get("gate") is not None:
        kind = replace(kind, gate=_gate(spec["gate"], kind, file))
    if problem := kind.rules.schema_problem(kind):
        raise InputError(source, problem)
    _check_templates(kind)
    return kind


def _import_ref(ref: object, what: str, folder: Path, file: Path, name: str) -> tuple[Any, str]:
    """`module.path:Name` or `file.py:Name` (beside kind.yaml) -> the object, its file."""
    where, _, attr = str(ref).partition(":")
    if not isinstance(ref, str) or not attr:
        raise InputError(str(file), f"{what} {ref!r} must read 'module:Name' or 'file.py:Name'")
    source = str(folder / where) if where.endswith(".py") else where
    try:
        module = _import_file(folder / where, name) if where.endswith(".py") else None
        module = module or importlib.import_module(where)
    except InputError:
        raise
    except Exception as exc:  # the user's module failed to import: say why, in one line
        raise InputError(source, f"{what} does not import: {type(exc).__name__}: {exc}") from None
    return getattr(module, attr, None), getattr(module, "__file__", None) or source


def _schema(ref: str, folder: Path, file: Path, name: str) -> tuple[type[BaseModel], str]:
    model, source = _import_ref(ref, "schema", folder, file, name)
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        raise InputError(source, f"{ref.partition(':')[2]!r} is not a Pydantic model")
    return model, source


def _rules(ref: object, folder: Path, file: Path, name: str) -> AnyRules:
    """A kind's rules: a subclass of summarizer.kinds.rules.Rules (or BaseRules)."""
    found, source = _import_ref(ref, "rules", folder, file, name)
    if not (isinstance(found, type) and issubclass(found, BaseRules)):
        attr = str(ref).partition(":")[2]
        raise InputError(source, f"{attr!r} is not a subclass of summarizer.kinds.rules.Rules")
    try:
        return found()
    except Exception as exc:  # a third party's constructor, reported in one line
        raise InputError(source, f"rules cannot be made: {type(exc).__name__}: {exc}") from None


def _gate(spec: object, kind: Kind, file: Path) -> Gate:
    """`gate: {test: module:function, reason: ...}`; the schema must answer a turned-away
    article as `{"is_incident": false}` alone (an is_incident Flag, every other field with
    a default)."""
    if not isinstance(spec, dict) or set(spec) != {"test", "reason"}:
        raise InputError(str(file), "gate must be a mapping of test (module:function) and reason")
    if not isinstance(spec["reason"], str) or not spec["reason"]:
        raise InputError(str(file), "gate reason must be a sentence saying what it turns away")
    test, source = _import_ref(spec["test"], "gate", kind.folder, file, kind.name)
    if not callable(test):
        raise InputError(source, f"gate {str(spec['test']).partition(':')[2]!r} is not a function")
    if kind.facts.get("is_incident") is None or kind.facts["is_incident"].type != "flag":
        raise InputError(kind.schema_source, "a gate needs an is_incident Flag field")
    try:
        kind.schema.model_validate({"is_incident": False})
    except ValidationError as exc:
        field = ".".join(map(str, exc.errors()[0]["loc"]))
        raise InputError(
            kind.schema_source,
            f"a gate answers {{'is_incident': false}} alone, but field {field!r} has no default",
        ) from None
    return Gate(test=test, reason=spec["reason"], ref=str(spec["test"]))


_FILES: dict[tuple[Path, str], ModuleType] = {}


def _import_file(path: Path, kind: str) -> ModuleType:
    """A kind's .py file, imported once per content: loading the kind again gives the same
    classes (an answer validated by one load is an instance of the next load's schema),
    and an edited file is imported afresh."""
    if not path.is_file():
        raise InputError(str(path), "no such schema file")
    key = (path.resolve(), hashlib.sha256(path.read_bytes()).hexdigest())
    if (module := _FILES.get(key)) is not None:
        return module
    module_name = f"{FILE_MODULE_PREFIX}{kind.replace('-', '_')}_{key[1][:16]}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # pydantic resolves annotations through it
    spec.loader.exec_module(module)
    _FILES[key] = module
    return module


def _check_templates(kind: Kind) -> None:
    """Every template exists, compiles, and uses only the names it is rendered with."""
    from summarizer.render import TEMPLATE_GLOBALS, md  # the brief template's helpers

    env = SandboxedEnvironment()
    env.filters["md"] = md
    checks = [
        (kind.system_template, _PROMPT_NAMES["system"]),
        (kind.user_template, _PROMPT_NAMES["user"]),
        (kind.brief_template, _BRIEF_NAMES | set(TEMPLATE_GLOBALS)),
    ]
    for path, names in checks:
        if not path.is_file():
            raise InputError(str(path), "missing template")
        try:
            ast = env.parse(path.read_text(encoding="utf-8"))
            used = meta.find_undeclared_variables(ast)
        except TemplateError as exc:
            line = getattr(exc, "lineno", None)
            where = f" (line {line})" if line else ""
            raise InputError(str(path), f"template error: {exc.message}{where}") from None
        if unknown := sorted(used - names - set(env.globals)):
            raise InputError(str(path), f"template uses undefined name {unknown[0]!r}")
