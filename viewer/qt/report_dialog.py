"""The import report of a track file: rows read, rows skipped (line and reason), warnings."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from viewer.qt.i18n import translate

MAX_ROWS_SHOWN = 500


def report_html(report: object) -> str:
    """HTML for an `ImportReport`: the summary, then every warning, then the skipped rows."""
    parts = [f"<pre>{html.escape(report.summary())}</pre>"]  # type: ignore[attr-defined]
    notices = list(getattr(report, "notices", []))
    warnings = list(getattr(report, "warnings", []))
    skipped = list(getattr(report, "skipped", []))
    if notices:
        parts.append("<h4>" + translate("ReportDialog", "Notices") + "</h4><ul>")
        parts += [f"<li>{html.escape(str(n))}</li>" for n in notices]
        parts.append("</ul>")
    if warnings:
        parts.append("<h4>" + translate("ReportDialog", "Warnings") + "</h4><ul>")
        parts += [f"<li>{html.escape(str(w))}</li>" for w in warnings]
        parts.append("</ul>")
    if skipped:
        title = translate("ReportDialog", "Skipped rows ({n})").format(n=len(skipped))
        parts.append(f"<h4>{title}</h4><table cellpadding=2>")
        line_h, reason_h = translate("ReportDialog", "line"), translate("ReportDialog", "reason")
        parts.append(f"<tr><th align=left>{line_h}</th><th align=left>{reason_h}</th></tr>")
        for row in skipped[:MAX_ROWS_SHOWN]:
            line = "" if row.line is None else str(row.line)
            parts.append(f"<tr><td>{line}</td><td>{html.escape(row.reason)}</td></tr>")
        parts.append("</table>")
        if len(skipped) > MAX_ROWS_SHOWN:
            more = translate(
                "ReportDialog",
                "… and {n} more (see <code>adiz-viewer inspect FILE</code> for all).",
            ).format(n=len(skipped) - MAX_ROWS_SHOWN)
            parts.append(f"<p>{more}</p>")
    return "\n".join(parts)


class ImportReportDialog(QDialog):
    def __init__(self, title: str, report: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ReportDialog", "Import report — {file}").format(file=title))
        self.resize(720, 520)
        self.browser = QTextBrowser()
        self.browser.setHtml(report_html(report))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
