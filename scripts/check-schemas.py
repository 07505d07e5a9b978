#!/usr/bin/env python3
"""Validates JSON files against Mingle's schemas (schemas/*.schema.json, draft 2020-12).

    scripts/check-schemas.py SCHEMA=FILE...    e.g. session=datasets/example-20.json

SCHEMA is session, output, members, program or history. A FILE ending in .jsonl
is checked line by line. Prints every failure and exits 1 when there is one.
"""
import json
import pathlib
import sys

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

folder = pathlib.Path(__file__).resolve().parent.parent / "schemas"
schemas = {p.name: json.loads(p.read_text()) for p in folder.glob("*.schema.json")}
registry = Registry().with_resources(
    (name, Resource.from_contents(schema)) for name, schema in schemas.items())
failures = 0
for argument in sys.argv[1:]:
    kind, _, path = argument.partition("=")
    schema = schemas[kind + ".schema.json"]
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, registry=registry)
    text = pathlib.Path(path).read_text(encoding="utf-8")
    documents = [line for line in text.splitlines() if line.strip()] if path.endswith(".jsonl") else [text]
    for number, document in enumerate(documents, 1):
        for error in validator.iter_errors(json.loads(document)):
            failures += 1
            where = f"{path}:{number}" if path.endswith(".jsonl") else path
            print(f"{where}: {error.json_path}: {error.message}")
sys.exit(1 if failures else 0)
