from quotetrail.cli import main

raise SystemExit(main())
