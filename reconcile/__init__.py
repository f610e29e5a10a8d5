"""Stage 3: reconcile validated claims with declarative rules into findings, verdicts and citable values.

`reconcile.engine.reconcile(claims, sources, config)` is the entry point; each rule lives in its own
module under `reconcile.rules`, the error localisation in `reconcile.solver`.
"""
