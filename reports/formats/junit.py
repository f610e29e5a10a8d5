"""`--format junit`: one test case per quantity checked, a failure per failing error finding."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from figcheck.reports.result import CheckResult, display_path, quantity_name


def _xml_text(text: str) -> str:
    """XML 1.0 cannot hold most control characters even escaped; they become U+FFFD."""
    return "".join(ch if ch in "\t\n\r" or ord(ch) >= 0x20 and ord(ch) not in (0xFFFE, 0xFFFF) else "\ufffd"
                   for ch in str(text))


def _details(result: CheckResult, finding) -> str:
    lines = [finding.message]
    for claim in result.claims_of(finding.finding_id):
        lines.append(f"{claim.file}:{claim.line}: {claim.text} ({claim.role}"
                     f"{', ' + claim.verdict.replace('_', ' ') if claim.verdict else ''}): {claim.quote}")
    return _xml_text("\n".join(lines))


def render(result: CheckResult) -> str:
    cases = result.quantity_cases()
    findings = result.findings
    suite_name = f"figcheck {display_path(result.workspace.root)}"
    root = ET.Element("testsuites", name="figcheck")
    suite = ET.SubElement(root, "testsuite", name=_xml_text(suite_name), tests=str(len(cases)),
                          failures=str(int(findings["fails"].sum())), errors="0", skipped="0")
    for (entity, *rest), mine in cases:
        case = ET.SubElement(suite, "testcase", classname=_xml_text(f"figcheck.{entity or '-'}"),
                             name=_xml_text(quantity_name(tuple(rest))))
        for finding in (f for f in mine if f.fails):
            failure = ET.SubElement(case, "failure", type=_xml_text(finding.rule),
                                    message=_xml_text(f"[{finding.finding_id}] {finding.message}"))
            failure.text = _details(result, finding)
        others = [f for f in mine if not f.fails]
        if others:
            out = ET.SubElement(case, "system-out")
            out.text = "\n\n".join(f"{f.severity} ({'new' if f.new else 'in the baseline'}) [{f.finding_id}] "
                                   + _details(result, f) for f in others)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
