"""figcheck's command line: it wires the stages claims -> checks -> reconcile -> reports."""
