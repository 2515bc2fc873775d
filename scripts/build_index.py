"""Build an index from a corpus: the same implementation as ``qa build``.

Usage: python scripts/build_index.py --corpus seeds/ [--index index/default]
"""

import sys

from qa.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
