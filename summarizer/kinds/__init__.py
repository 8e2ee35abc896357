"""Kinds of incident: what drives the pipeline.

A kind is a folder: `kind.yaml`, the extraction schema (a module, or a `.py` file beside
it) whose fields are declared with fact types (`summarizer.kinds.facts`), the versioned
prompt templates, a markdown template, the gold fields it is scored on and optional extra
rules. The built-in kinds are such folders under the top-level `prompts/`; a user's kind
is a folder anywhere, or one that a package registers under the `summarizer.kinds` entry
point group. `load_kind` refuses an invalid kind before any model call.
"""
