"""The last stage: the audit report an editor reads and the outputs a CI pipeline gates on."""
