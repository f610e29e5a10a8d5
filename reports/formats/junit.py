"""`--format junit`: one test case per quantity checked, a failure per failing error finding."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from reports.result import CheckResult, display_path

KEY = ["entity", "metric", "scope", "period"]


def _xml_text(text: str) -> str:
    """XML 1.0 cannot hold most control characters even escaped; they become U+FFFD."""
    return "".join(ch if ch in "\t\n\r" or ord(ch) >= 0x20 and ord(ch) not in (0xFFFE, 0xFFFF) else "\ufffd"
                   for ch in str(text))


def _details(result: CheckResult, finding) -> str:
    lines = [finding.message]
    for claim in result.claims_of(finding.finding_id).itertuples(index=False):
        lines.append(f"{claim.file}:{claim.line}: {claim.text} ({claim.role}"
                     f"{', ' + claim.verdict.replace('_', ' ') if claim.verdict else ''}): {claim.quote}")
    return _xml_text("\n".join(lines))


def case_name(quantity) -> str:
    return " ".join(str(getattr(quantity, column)) for column in KEY[1:] if getattr(quantity, column)) or "(no metric)"


def render(result: CheckResult) -> str:
    quantities = result.quantities()
    findings = result.findings
    suite_name = f"figcheck {display_path(result.workspace.root)}"
    root = ET.Element("testsuites", name="figcheck")
    suite = ET.SubElement(root, "testsuite", name=_xml_text(suite_name), tests=str(len(quantities)),
                          failures=str(int(findings["fails"].sum())), errors="0", skipped="0")
    for quantity in quantities.itertuples(index=False):
        case = ET.SubElement(suite, "testcase", classname=_xml_text(f"figcheck.{quantity.entity or '-'}"),
                             name=_xml_text(case_name(quantity)))
        mine = findings[(findings[KEY] == [getattr(quantity, column) for column in KEY]).all(axis=1)]
        for finding in mine[mine["fails"]].itertuples(index=False):
            failure = ET.SubElement(case, "failure", type=_xml_text(finding.rule),
                                    message=_xml_text(f"[{finding.finding_id}] {finding.message}"))
            failure.text = _details(result, finding)
        others = mine[~mine["fails"]]
        if not others.empty:
            out = ET.SubElement(case, "system-out")
            out.text = "\n\n".join(f"{f.severity} ({'new' if f.new else 'in the baseline'}) [{f.finding_id}] "
                                   + _details(result, f) for f in others.itertuples(index=False))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
