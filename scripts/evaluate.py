"""Score the system on gold questions: the same implementation as ``qa eval``.

Usage: python scripts/evaluate.py --gold tests/data/gold.jsonl --corpus seeds/ [--json-out results/eval.json]
"""

import sys

from qa.cli import main

if __name__ == "__main__":
    sys.exit(main(["eval", *sys.argv[1:]]))
