"""`python -m crawler` is the `seasonnews` command."""

from crawler.cli import main

raise SystemExit(main())
