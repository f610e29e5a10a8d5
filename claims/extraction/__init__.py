"""The claim extractor's passes, one module each; `figcheck.claims.extract.extract_source` runs them in order."""
