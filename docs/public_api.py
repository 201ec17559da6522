#!/usr/bin/env python3
"""Counts MarketLink's public symbols and lists the ones without a doc comment.

Reads the symbol graphs that `swift package dump-symbol-graph` (or `swift build
-Xswiftc -emit-symbol-graph`) wrote for the MarketLink module -- MarketLink.symbols.json and,
for extensions of other modules' types, MarketLink@Other.symbols.json -- and prints:

    public symbols      N    (declared in Sources/MarketLink, public or open)
    undocumented        M    (no /// comment of their own, and none inherited from a protocol)

then one line per undocumented symbol, `Sources/MarketLink/File.swift:LINE: kind name`, sorted
by file and line. Exit 1 if any symbol is undocumented, 0 if none, 2 if no symbol graph is found.

A symbol the compiler synthesizes (a memberwise `==`, a protocol's default implementation) has
no place in our sources and is not counted: there is nothing to write a comment on. A member that
implements a protocol requirement (`description`, `errorDescription`, `init(from:)`) counts as
documented when the protocol's comment is inherited, as DocC shows it.

    python3 docs/public_api.py DIR            DIR holds the *.symbols.json files
    python3 docs/public_api.py DIR --quiet    counts only
"""

import json
import os
import sys
from urllib.parse import unquote, urlparse

MODULE = "MarketLink"


def symbol_files(directory):
    names = sorted(os.listdir(directory))
    return [
        os.path.join(directory, n)
        for n in names
        if n.endswith(".symbols.json") and (n == MODULE + ".symbols.json" or n.startswith(MODULE + "@"))
    ]


def relative_source(uri, root):
    path = unquote(urlparse(uri).path)
    marker = os.sep + "Sources" + os.sep + MODULE + os.sep
    index = path.rfind(marker)
    if index >= 0:
        return path[index + 1:]
    return os.path.relpath(path, root)


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[0])
        print("usage: public_api.py SYMBOL_GRAPH_DIR [--quiet]", file=sys.stderr)
        return 64
    directory = argv[1]
    quiet = "--quiet" in argv[2:]
    files = symbol_files(directory) if os.path.isdir(directory) else []
    if not files:
        print(f"public_api.py: error: no {MODULE}*.symbols.json in {directory}", file=sys.stderr)
        return 2
    root = os.getcwd()
    seen = set()
    public = 0
    undocumented = []
    for name in files:
        with open(name, encoding="utf-8") as handle:
            graph = json.load(handle)
        for symbol in graph.get("symbols", []):
            if symbol.get("accessLevel") not in ("public", "open"):
                continue
            location = symbol.get("location")
            if not location:
                continue  # synthesized: no declaration in our sources
            source = relative_source(location.get("uri", ""), root)
            if not source.startswith("Sources" + os.sep + MODULE):
                continue
            precise = symbol.get("identifier", {}).get("precise", "")
            if precise in seen:
                continue
            seen.add(precise)
            public += 1
            doc = symbol.get("docComment") or {}
            text = "".join(line.get("text", "") for line in doc.get("lines", [])).strip()
            if not text:
                line = location.get("position", {}).get("line", 0) + 1
                kind = symbol.get("kind", {}).get("displayName", "symbol")
                title = ".".join(symbol.get("pathComponents", [])) or symbol.get("names", {}).get("title", "?")
                undocumented.append((source, line, kind, title))
    print(f"public symbols      {public}")
    print(f"undocumented        {len(undocumented)}")
    if not quiet:
        for source, line, kind, title in sorted(undocumented):
            print(f"{source}:{line}: {kind.lower()} {title}")
    return 1 if undocumented else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
