"""The frozen build's entry point: the same program as the `pmo-workbook` command."""

import sys

from main import main

if __name__ == "__main__":
    sys.exit(main())
