#!/usr/bin/env python3
"""Writes a Swift package that compiles GoTomKit's documented code the way a user's package would.

Every ```swift block of README.md and of the DocC catalogs (Sources/*/*.docc/*.md) goes, in order, into one
executable target per document; every folder under Examples/ becomes a target with its sources copied; the
error-handling patterns and the runner come from this folder. The package depends on the repository by path and
on its library products only, so nothing internal (package or internal access) is reachable, exactly as for a
user. A plan (runnable targets, their arguments) is written beside the package for check-snippets.sh.
"""
import argparse
import json
import os
import re
import shutil
import sys

FENCE = re.compile(r"^```swift\s*$")
USAGE = re.compile(r"^//\s+swift run (\S+)(.*)$")


def swift_blocks(markdown_path):
    """Returns the text of each ```swift block of a Markdown file, in order, with its first line number."""
    blocks, current, start = [], None, 0
    with open(markdown_path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if current is None:
                if FENCE.match(line.strip()):
                    current, start = [], number
            elif line.strip() == "```":
                blocks.append((start, "".join(current)))
                current = None
            else:
                current.append(line)
    if current is not None:
        sys.exit(f"{markdown_path}:{start}: unterminated ```swift block")
    return blocks


def target_name(relative_path):
    stem = os.path.splitext(relative_path)[0]
    return re.sub(r"[^A-Za-z0-9]+", "-", stem).strip("-")


def write_target(package, name, files):
    folder = os.path.join(package, "Sources", name)
    os.makedirs(folder, exist_ok=True)
    for file_name, text in files.items():
        with open(os.path.join(folder, file_name), "w", encoding="utf-8") as handle:
            handle.write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True, help="the GoTomKit repository")
    parser.add_argument("--out", required=True, help="the folder to write the package into")
    arguments = parser.parse_args()
    root = os.path.abspath(arguments.root)
    package = os.path.abspath(arguments.out)
    here = os.path.dirname(os.path.abspath(__file__))

    shutil.rmtree(os.path.join(package, "Sources"), ignore_errors=True)
    os.makedirs(package, exist_ok=True)
    plan = {"documents": [], "examples": [], "patterns": "error-handling"}

    documents = ["README.md"]
    sources = os.path.join(root, "Sources")
    for module in sorted(os.listdir(sources)):
        for entry in sorted(os.listdir(os.path.join(sources, module))):
            if entry.endswith(".docc"):
                catalog = os.path.join("Sources", module, entry)
                for article in sorted(os.listdir(os.path.join(root, catalog))):
                    if article.endswith(".md"):
                        documents.append(os.path.join(catalog, article))

    for document in documents:
        blocks = swift_blocks(os.path.join(root, document))
        if not blocks:
            continue
        parts = document.split(os.sep)
        # README.md -> doc-README; Sources/GoTomAPI/GoTomAPI.docc/Article.md -> doc-GoTomAPI-Article
        name = "doc-" + target_name(parts[-1] if len(parts) == 1 else parts[1] + "-" + parts[-1])
        text = "".join(f"// {document}:{line}\n{block}\n" for line, block in blocks)
        write_target(package, name, {"main.swift": text})
        plan["documents"].append({"target": name, "source": document, "blocks": len(blocks)})

    examples = os.path.join(root, "Examples")
    for example in sorted(os.listdir(examples)) if os.path.isdir(examples) else []:
        folder = os.path.join(examples, example)
        swift_files = sorted(f for f in os.listdir(folder) if f.endswith(".swift"))
        if not swift_files:
            continue
        files, run_arguments = {}, None
        for file_name in swift_files:
            with open(os.path.join(folder, file_name), encoding="utf-8") as handle:
                files[file_name] = handle.read()
            for line in files[file_name].splitlines():
                usage = USAGE.match(line)
                if usage and run_arguments is None:
                    run_arguments = [os.path.join(root, part) if os.path.exists(os.path.join(root, part)) else part
                                     for part in usage.group(2).split()]
        name = "example-" + target_name(example)
        write_target(package, name, files)
        plan["examples"].append({"target": name, "source": os.path.join("Examples", example),
                                 "arguments": run_arguments})

    with open(os.path.join(here, "ErrorHandlingPatterns.swift"), encoding="utf-8") as handle:
        write_target(package, "error-handling", {"main.swift": handle.read()})
    with open(os.path.join(here, "SnippetRunner.swift"), encoding="utf-8") as handle:
        write_target(package, "snippet-runner", {"main.swift": handle.read()})

    identity = os.path.basename(root)
    snippet_targets = [d["target"] for d in plan["documents"]] + [e["target"] for e in plan["examples"]]
    lines = [
        "// swift-tools-version:6.0",
        "// Generated by Scripts/snippets/make_package.py: GoTomKit's documented code, built as a user's package.",
        "import PackageDescription",
        "",
        "let gotomKit: [Target.Dependency] = [",
        *(f'    .product(name: "{product}", package: "{identity}"),'
          for product in ("GoTomAuth", "GoTomModels", "GoTomAPI", "GoTomSandbox", "GoTomSync", "GoTomTesting")),
        "]",
        "// A service that shares its HTTPClient with GoTomKit depends on AsyncHTTPClient itself.",
        'let service: [Target.Dependency] = gotomKit + [.product(name: "AsyncHTTPClient", package: "async-http-client")]',
        "// Documented code must not even warn.",
        'let strict: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]',
        "",
        "let package = Package(",
        '    name: "GoTomKitSnippets",',
        "    platforms: [.macOS(.v14)],",
        f"    dependencies: [.package(path: {json.dumps(root)}),",
        '        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0")],',
        "    targets: [",
        *(f'        .executableTarget(name: "{target}", dependencies: service, swiftSettings: strict),'
          for target in snippet_targets),
        "        // GoTomSandbox (Hummingbird, SQLite) stays out of the target that is also built in release.",
        '        .executableTarget(name: "error-handling", dependencies: Array(gotomKit.prefix(3)), swiftSettings: strict),',
        '        .executableTarget(name: "snippet-runner", dependencies: gotomKit, swiftSettings: strict),',
        "    ],",
        "    swiftLanguageModes: [.v6]",
        ")",
        "",
    ]
    with open(os.path.join(package, "Package.swift"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))
    with open(os.path.join(package, "plan.json"), "w", encoding="utf-8") as handle:
        json.dump(plan, handle, indent=2)
    for document in plan["documents"]:
        print(f"snippets: {document['source']}: {document['blocks']} block(s) -> {document['target']}")
    for example in plan["examples"]:
        print(f"snippets: {example['source']} -> {example['target']}")


if __name__ == "__main__":
    main()
