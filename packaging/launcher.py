"""The bundle's entry point: the same command line as the installed program."""

import sys

from viewer.cli import main

if __name__ == "__main__":
    sys.exit(main())
