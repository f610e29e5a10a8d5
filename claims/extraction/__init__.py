"""The claim extractor's passes, one module each; `claims.extract.extract_source` runs them in order."""
