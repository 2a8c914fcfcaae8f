#!/usr/bin/env python3
"""Regenerates the facts-only extract of goTom's OpenAPI specs that the spec tests read.

Usage:
    Scripts/extract-spec-facts.py [SPEC_DIR] [--check]

SPEC_DIR holds goTom's campaign-api-doc.yaml, crm-sync-api-doc.yaml and graph-report-api-doc.yaml
(default: $GOTOM_SPEC_DIR, else ../shared/reference/gotom-openapi beside the package root). The extract goes to
Tests/GoTomModelsTests/Fixtures/openapi-facts/<name>.json. With --check nothing is written; the script exits 1
when a committed extract differs from what the YAML files give.

What is kept: the document tree (paths, methods, parameters, schemas with types, formats, required lists, enums,
nullability, $ref/allOf/oneOf, status codes, media types, examples), with every `description`, `summary` and
`title` keyword removed: that prose is goTom's. Example values, enum values and defaults are data and are kept as
they are. Next to the tree, each file gets:
  - `operations`: method, path, parameters, request and response media types per status code;
  - `schemas`: every component schema with `allOf` (and `$ref`) resolved into properties, required keys and
    nullability;
  - `violationCodes`: the constraint-violation codes (UUIDs) the file names, which goTom lists only in prose.

Plain YAML scalars are read by the YAML 1.2 core schema, as OpenAPI tools read them: PyYAML's YAML 1.1 rules
would turn the unquoted time example 12:34 into the number 754 and 2021-06-23 into a date.
"""

import hashlib
import json
import os
import re
import sys

import yaml

FILES = ["campaign-api-doc.yaml", "crm-sync-api-doc.yaml", "graph-report-api-doc.yaml"]
PROSE = {"description", "summary", "title"}
# Keywords whose values are data, not schema: nothing inside them is a keyword.
DATA = {"example", "examples", "enum", "default"}
METHODS = ["get", "put", "post", "patch", "delete"]
UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
INTEGER = re.compile(r"[-+]?[0-9]+")
FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")

PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(PACKAGE_ROOT, "Tests", "GoTomModelsTests", "Fixtures", "openapi-facts")


def scalar(node):
    """A plain scalar by the YAML 1.2 core schema; quoted and block scalars are strings."""
    text = node.value
    if node.style is not None:
        return text
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if INTEGER.fullmatch(text):
        return int(text)
    if FLOAT.fullmatch(text):
        return float(text)
    return text


def convert(node):
    if isinstance(node, yaml.ScalarNode):
        return scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [convert(item) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        members = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                raise ValueError(f"non-scalar mapping key at line {key.start_mark.line + 1}")
            members[key.value] = convert(value)
        return members
    raise ValueError(f"unsupported YAML node {node!r}")


def strip_prose(value, property_map=False):
    """The tree without prose keywords; keys of a `properties` map are names, not keywords."""
    if isinstance(value, list):
        return [strip_prose(item) for item in value]
    if not isinstance(value, dict):
        return value
    kept = {}
    for key, member in value.items():
        if property_map:
            kept[key] = strip_prose(member)
        elif key in PROSE:
            continue
        elif key in DATA:
            kept[key] = member
        else:
            kept[key] = strip_prose(member, property_map=key == "properties")
    return kept


class Resolver:
    def __init__(self, root):
        self.root = root

    def at(self, pointer):
        current = self.root
        for token in pointer.lstrip("#").split("/")[1:]:
            token = token.replace("~1", "/").replace("~0", "~")
            current = current[int(token)] if isinstance(current, list) else current[token]
        return current

    def resolved(self, schema):
        hops = 0
        while isinstance(schema, dict) and "$ref" in schema and hops < 32:
            schema = self.at(schema["$ref"])
            hops += 1
        return schema

    def nullable(self, schema):
        schema = self.resolved(schema)
        if schema.get("nullable") is True:
            return True
        parts = schema.get("allOf")
        return isinstance(parts, list) and len(parts) == 1 and self.nullable(parts[0])

    def shape(self, schema):
        """Properties and required keys with allOf merged (own properties override), or None if not an object."""
        schema = self.resolved(schema)
        properties, required = {}, set()
        is_object = schema.get("type") == "object"
        for part in schema.get("allOf", []):
            part_shape = self.shape(part)
            if part_shape is None:
                continue
            is_object = True
            properties.update(part_shape[0])
            required |= part_shape[1]
        if "properties" in schema:
            is_object = True
            properties.update(schema["properties"])
        if "required" in schema:
            is_object = True
            required |= set(schema["required"])
        return (properties, required) if is_object else None

    def flat(self, schema):
        """One schema's facts with $ref and allOf resolved; `ref` names a referenced component."""
        facts = {}
        if isinstance(schema, dict) and "$ref" in schema:
            facts["ref"] = schema["$ref"].rsplit("/", 1)[-1]
        parts = schema.get("allOf", []) if isinstance(schema, dict) else []
        if len(parts) == 1 and "$ref" in parts[0]:
            facts["ref"] = parts[0]["$ref"].rsplit("/", 1)[-1]
        resolved = self.resolved(schema)
        if self.nullable(schema):
            facts["nullable"] = True
        for key in ("type", "format", "enum", "pattern", "minItems", "default", "example", "additionalProperties"):
            if key in resolved and not (key == "additionalProperties" and isinstance(resolved[key], dict)):
                facts[key] = resolved[key]
        shape = self.shape(schema)
        if shape is not None:
            facts["type"] = "object"
            facts["required"] = sorted(shape[1])
            facts["properties"] = {name: self.flat(value) for name, value in sorted(shape[0].items())}
        if "items" in resolved:
            facts["items"] = self.flat(resolved["items"])
        for keyword in ("oneOf", "anyOf"):
            if keyword in resolved:
                facts[keyword] = [self.flat(branch) for branch in resolved[keyword]]
        return facts


def operations(root, resolver):
    result = []
    for path, item in root.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            parameters = []
            for parameter in item.get("parameters", []) + operation.get("parameters", []):
                parameter = resolver.resolved(parameter)
                parameters.append({
                    "name": parameter["name"],
                    "in": parameter["in"],
                    "required": parameter.get("required", False),
                    "schema": resolver.flat(parameter.get("schema", {})),
                })
            request = operation.get("requestBody")
            responses = {}
            for status, response in operation.get("responses", {}).items():
                responses[str(status)] = sorted(resolver.resolved(response).get("content", {}).keys())
            result.append({
                "method": method.upper(),
                "path": path,
                "tags": operation.get("tags", []),
                "parameters": parameters,
                "requestMediaTypes": sorted(request.get("content", {}).keys()) if request else [],
                "requestRequired": bool(request and request.get("required", False)),
                "responses": responses,
            })
    return sorted(result, key=lambda operation: (operation["path"], METHODS.index(operation["method"].lower())))


def extract(path):
    with open(path, "rb") as file:
        raw = file.read()
    text = raw.decode("utf-8")
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if node is None:
        raise ValueError(f"{path} is empty")
    root = convert(node)
    resolver = Resolver(root)
    schemas = root.get("components", {}).get("schemas", {})
    return {
        "source": os.path.basename(path),
        "sourceSHA256": hashlib.sha256(raw).hexdigest(),
        "violationCodes": sorted({code.lower() for code in UUID.findall(text)}),
        "operations": operations(root, resolver),
        "schemas": {name: resolver.flat({"$ref": f"#/components/schemas/{name}"}) for name in sorted(schemas)},
        "document": strip_prose(root),
    }


def render(facts):
    return json.dumps(facts, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main(arguments):
    check = "--check" in arguments
    folders = [argument for argument in arguments if argument != "--check"]
    folder = folders[0] if folders else os.environ.get("GOTOM_SPEC_DIR") or os.path.join(
        os.path.dirname(PACKAGE_ROOT), "shared", "reference", "gotom-openapi")
    stale = []
    os.makedirs(OUTPUT, exist_ok=True)
    for name in FILES:
        text = render(extract(os.path.join(folder, name)))
        target = os.path.join(OUTPUT, name.replace(".yaml", ".json"))
        if check:
            try:
                with open(target, encoding="utf-8") as file:
                    if file.read() != text:
                        stale.append(target)
            except FileNotFoundError:
                stale.append(target)
        else:
            with open(target, "w", encoding="utf-8") as file:
                file.write(text)
            print(f"wrote {os.path.relpath(target, PACKAGE_ROOT)}")
    if stale:
        print("out of date (run Scripts/extract-spec-facts.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
