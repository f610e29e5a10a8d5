"""The claim record: its columns, in the fixed order the store writes them, and their vocabularies."""

CLAIM_COLUMNS = [
    "claim_id",       # stable id: source_id + digest of (quote, text, occurrence); kept across runs and edits
    "source_id",
    "line",           # 1-based line of char_start
    "char_start",     # offsets into the source text (Python str indices, end exclusive)
    "char_end",
    "text",           # the figure as written: source[char_start:char_end]
    "quote",          # the sentence (or table row) holding it, as written
    "value",
    "qualifier",      # eq approx gt ge lt le
    "lower",          # the interval the claim implies (open/closed follows the qualifier)
    "upper",
    "unit",           # the counted noun or unit as written: children, %, pesos
    "kind",           # count percent money age duration other multiplier ratio
    "entity",         # ISO 3166-1 alpha-2, a group "KG+KZ+TJ+UZ", or a configured subject
    "metric",         # a metric name from figcheck.toml, or empty
    "scope",          # cumulative event snapshot, or empty
    "period_start",   # ISO date, YYYY-MM or YYYY
    "period_end",
    "time",           # HH:MM the figure is stated for ("by 6 pm"), or empty; files written before it lack the column
    "part_of",        # claim_id of the total this figure is a part of
    "method",         # auto manual
    "status",         # candidate confirmed rejected
    "note",
    "source_sha256",  # content hash of the source when the row was written: a mismatch makes it stale
    "auto_digest",    # digest of the fields as the extractor wrote them: a mismatch means a person edited the row
]

# An automatic metric: named from the counted noun where figcheck.toml names none ("auto:death").
AUTOMATIC_METRIC = "auto:"

QUALIFIERS = ("eq", "approx", "gt", "ge", "lt", "le")
KINDS = ("count", "percent", "money", "age", "duration", "other", "multiplier", "ratio")
SCOPES = ("cumulative", "event", "snapshot")
# Finding severities, most severe first: reports sort by this order.
SEVERITIES = ("error", "warning", "info")
SEVERITY_ORDER = {severity: rank for rank, severity in enumerate(SEVERITIES)}
METHODS = ("auto", "manual")
STATUSES = ("candidate", "confirmed", "rejected")

# Columns a claims file may lack (it was written before they existed): read as empty.
OPTIONAL_COLUMNS = ("time",)

# Fields the extractor fills; the digest over them tells an untouched candidate from an edited one.
EXTRACTED_FIELDS = [c for c in CLAIM_COLUMNS if c not in ("claim_id", "source_sha256", "auto_digest")]

SOURCE_COLUMNS = [
    "source_id", "file", "title", "publisher", "published",
    "period_start", "period_end", "language", "url",
]
