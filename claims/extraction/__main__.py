"""``python -m claims.extraction FILE [--published YYYY-MM-DD]``: print the extraction as JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from . import extract, to_json
from .types import Extraction


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m claims.extraction")
    ap.add_argument("file")
    ap.add_argument("--published", default="", help="publication date, YYYY-MM-DD")
    args = ap.parse_args(argv)
    published = None
    if args.published:
        try:
            published = dt.date.fromisoformat(args.published)
        except ValueError:
            published = None
    try:
        raw = Path(args.file).read_bytes()
    except OSError as e:
        print(f"cannot read {args.file}: {e}", file=sys.stderr)
        return 2
    # Offsets refer to the text as Python reads it; invalid bytes become U+FFFD (one character),
    # which is what read_text(errors="replace") would give; binary files give an empty result.
    text = raw.decode("utf-8", errors="replace")
    if "\x00" in text[:4096]:
        result = Extraction()
    else:
        try:
            result = extract(text, published=published)
        except Exception as e:  # never a traceback on stdout: report and print an empty result
            print(f"extraction failed: {type(e).__name__}: {e}", file=sys.stderr)
            result = Extraction()
    json.dump(to_json(result), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
