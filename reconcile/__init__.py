"""Stage 3: reconcile validated claims with declarative rules into findings, verdicts and citable values.

`figcheck.reconcile.engine.reconcile(claims, sources, config)` is the entry point; each rule lives in its own
module under `figcheck.reconcile.rules`, the error localisation in `figcheck.reconcile.solver`.
"""
