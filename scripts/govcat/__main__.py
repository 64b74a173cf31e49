"""``python -m govcat`` runs the ``catalog`` command."""

import sys

from govcat.cli import main

sys.exit(main())
