"""Stage 1: the source registry, the workspace configuration, claim extraction and the claim store."""
