"""``python -m onward``: the same as the ``onward`` console script."""

import sys

from onward.cli import main

sys.exit(main())
