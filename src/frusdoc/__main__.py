"""``python -m frusdoc`` runs the command line."""

import sys

from frusdoc.cli import main

sys.exit(main())
