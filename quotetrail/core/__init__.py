"""The pure core: extraction, normalisation, alignment and verdicts. No I/O, no frameworks."""
