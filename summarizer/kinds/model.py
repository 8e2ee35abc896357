"""A loaded, validated kind."""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from summarizer.kinds.facts import Fact

DEFAULT_KIND = "conflict"


@dataclass(frozen=True)
class Kind:
    name: str
    folder: Path
    description: str
    schema: type[BaseModel]
    schema_source: str  # where the schema was found: a file, for error messages
    prompt_version: str
    brief_template: Path
    gold_fields: tuple[str, ...]
    facts: dict[str, Fact] = field(hash=False)
    rules: str | None = None  # "incident": the conflict kind's own rules (UCDP tolls...)

    @property
    def system_template(self) -> Path:
        return self.folder / f"{self.prompt_version}.system.j2"

    @property
    def user_template(self) -> Path:
        return self.folder / f"{self.prompt_version}.user.j2"

    def json_schema(self) -> dict[str, object]:
        return self.schema.model_json_schema()

    def fingerprint(self) -> str:
        """What the extraction cache keys on: the kind, its prompt version and a digest of
        the prompt templates and the schema, so an edited template or field is never
        served answers to the old one, bumped version or not."""
        digest = hashlib.sha256()
        for path in (self.system_template, self.user_template):
            digest.update(path.read_bytes())
        digest.update(json.dumps(self.json_schema(), sort_keys=True).encode())
        return f"{self.name}:{self.prompt_version}:{digest.hexdigest()[:16]}"

    def digest(self) -> str:
        """The extraction fingerprint plus the markdown template: what a report names."""
        brief = hashlib.sha256(self.brief_template.read_bytes()).hexdigest()[:16]
        return f"{self.fingerprint()}:{brief}"
