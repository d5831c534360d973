"""``python -m tradebrief`` runs the ``tradebrief`` command."""

from tradebrief.cli import main

raise SystemExit(main())
