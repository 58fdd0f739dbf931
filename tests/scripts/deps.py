#!/usr/bin/env python3
"""Draws Rounds' dependency tree and fails on an import circle.

    python3 tests/scripts/deps.py [--dot]

Two levels:
- crates: the workspace's path dependencies (from each Cargo.toml), drawn bottom-up;
- modules: inside each crate, which top-level module uses which (`crate::x`,
  `super::x` from a top-level file, `use x::` of a sibling declared in lib.rs).

A circle at either level is an error (exit 1), and so is a module that uses an item
defined in the crate root (`lib.rs` declares and re-exports modules; it holds no items
its modules import). Without circles every crate and module
has a layer — the longest chain below it — and an import always points down, never up;
the drawing lists the layers from the bottom. `--dot` prints Graphviz instead.
Standard library only; run by `make test`.
"""
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CRATES = {
    "phi": "crates/phi",
    "domain": "crates/domain",
    "store": "crates/store",
    "search": "crates/search",
    "ops": "crates/ops",
    "mail": "crates/mail",
    "app": "app",
    "server": "server",
    "frontend": "frontend",
}


def crate_deps():
    deps = {}
    for name, path in CRATES.items():
        text = open(os.path.join(ROOT, path, "Cargo.toml"), encoding="utf-8").read()
        # Only [dependencies] (dev-dependencies may point anywhere, e.g. tests).
        section = re.split(r"^\[", text, flags=re.M)
        body = "".join(s for s in section if s.startswith("dependencies]"))
        deps[name] = sorted(
            d for d in CRATES if d != name and re.search(rf"^{d}\s*[=.]", body, re.M)
        )
    return deps


def top_modules(src):
    """Top-level modules of a crate: name -> list of files."""
    mods = {}
    for dirpath, _, files in os.walk(src):
        for f in files:
            if not f.endswith(".rs"):
                continue
            rel = os.path.relpath(os.path.join(dirpath, f), src)
            parts = rel[:-3].split(os.sep)
            if parts == ["lib"] or parts == ["main"]:
                top = "(root)"
            else:
                top = parts[0]
            mods.setdefault(top, []).append(os.path.join(dirpath, f))
    return mods


def strip_tests(text):
    """Drops `#[cfg(test)] mod tests { ... }` blocks (tests may reach anywhere)."""
    out = []
    i = 0
    for m in re.finditer(r"#\[cfg\(test\)\]\s*mod\s+\w+\s*\{", text):
        if m.start() < i:
            continue
        out.append(text[i:m.start()])
        depth = 0
        j = m.end() - 1
        while j < len(text):
            if text[j] == "{":
                depth += 1
            elif text[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        i = j + 1
    out.append(text[i:])
    return "".join(out)


ITEM = re.compile(
    r"^(?:pub(?:\([^)]*\))?\s+)?(?:async\s+)?(?:struct|enum|fn|type|const|static|trait|union)\s+(\w+)",
    re.M,
)


def code_of(f):
    text = strip_tests(open(f, encoding="utf-8").read())
    # Drop comments so doc links do not count as imports.
    return re.sub(r"//[^\n]*", "", text)


def paths_after(prefix, text):
    """Names right after `prefix::`, including each name of a `prefix::{a, b::c}` group."""
    out = set(re.findall(rf"\b{prefix}::(\w+)", text))
    for group in re.findall(rf"\b{prefix}::\{{([^}}]*)\}}", text):
        out |= set(re.findall(r"(?:^|,)\s*(\w+)", group))
    return out


def module_deps(crate, path):
    """Top-level module -> modules it uses. The crate root may declare and re-export
    modules; a module that uses an item defined in the root (`crate::Item`) imports
    upwards, drawn as an edge to `(root)` (which makes a circle)."""
    src = os.path.join(ROOT, path, "src")
    mods = top_modules(src)
    names = set(mods) - {"(root)"}
    root_file = next((f for f in mods.get("(root)", [])), None)
    root_items = set(ITEM.findall(code_of(root_file))) if root_file else set()
    deps = {m: set() for m in mods}
    for m, files in mods.items():
        for f in files:
            if f.endswith(("tests.rs", "_tests.rs")):
                continue
            text = code_of(f)
            refs = paths_after("crate", text)
            rel = os.path.relpath(f, src)
            depth = rel.count(os.sep)
            if m == "(root)":
                refs |= set(re.findall(r"^\s*(?:pub\s+)?use\s+(\w+)::", text, re.M))
            elif depth == 0 or (depth == 1 and f.endswith("mod.rs")):
                refs |= paths_after("super", text)
            elif depth == 1:
                refs |= paths_after("super::super", text)
            for r in refs:
                if r in names and r != m:
                    deps[m].add(r)
                elif r in root_items and m != "(root)":
                    deps[m].add("(root)")
    return {m: sorted(d) for m, d in deps.items()}


def layers(graph):
    """Longest chain below each node; raises on a circle (naming it)."""
    memo, stack = {}, []

    def depth(n):
        if n in memo:
            return memo[n]
        if n in stack:
            circle = stack[stack.index(n):] + [n]
            raise ValueError(" -> ".join(circle))
        stack.append(n)
        d = 1 + max((depth(x) for x in graph.get(n, []) if x in graph), default=-1)
        stack.pop()
        memo[n] = d
        return d

    for n in graph:
        depth(n)
    return memo


def draw(title, graph):
    lv = layers(graph)
    print(f"{title}")
    for level in range(max(lv.values(), default=0) + 1):
        row = sorted(n for n, d in lv.items() if d == level)
        for n in row:
            below = ", ".join(graph[n]) if graph[n] else "—"
            print(f"  L{level}  {n:<14} uses {below}")
    print()


def main():
    dot = "--dot" in sys.argv
    errors = []
    graphs = [("crates (bottom first)", crate_deps())]
    for crate, path in CRATES.items():
        if os.path.isdir(os.path.join(ROOT, path, "src")):
            graphs.append((f"modules of {crate}", module_deps(crate, path)))
    for title, g in graphs:
        if dot:
            print(f'digraph "{title}" {{')
            for n, ds in g.items():
                for d in ds:
                    print(f'  "{n}" -> "{d}";')
            print("}")
            continue
        try:
            draw(title, g)
        except ValueError as e:
            errors.append(f"{title}: import circle {e}")
        for n, ds in g.items():
            if "(root)" in ds:
                errors.append(
                    f"{title}: {n} imports an item defined in the crate root "
                    "(upwards); move the item into a module"
                )
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
