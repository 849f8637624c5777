"""Feature dock: what the selected feature is, its status and dates, and where that comes from."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from corridor_viewer.model.document import Document
from corridor_viewer.model.feature import Feature


class FeaturePanel(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setObjectName("featureBrowser")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.browser)
        doc.selection_changed.connect(lambda _ids: self.refresh())
        doc.language_changed.connect(lambda _l: self.refresh())
        self.refresh()

    # Literal tr() calls so pyside6-lupdate can collect them.
    def _status(self, s: str) -> str:
        return {
            "existing": self.tr("existing"),
            "under-construction": self.tr("under construction"),
            "proposed": self.tr("proposed"),
            "historical": self.tr("historical"),
            "closed": self.tr("closed"),
        }.get(s, s)

    def _date_label(self, key: str) -> str:
        return {
            "announced": self.tr("Announced"), "started": self.tr("Started"), "opened": self.tr("Opened"),
            "closed": self.tr("Closed"), "signed": self.tr("Signed"), "handed_over": self.tr("Handed over"),
        }.get(key, key)

    def _kind(self, k: str) -> str:
        return {
            "country": self.tr("country"), "sea": self.tr("sea"), "lake": self.tr("lake"),
            "river": self.tr("river"), "region": self.tr("region"), "corridor": self.tr("corridor"),
            "railway": self.tr("railway"), "road": self.tr("road"), "route-segment": self.tr("route segment"),
            "checkpoint": self.tr("checkpoint"), "border-crossing": self.tr("border crossing"),
            "town": self.tr("town"), "city": self.tr("city"), "village": self.tr("village"),
            "military-base": self.tr("military base"), "consulate": self.tr("consulate"),
            "mission-hq": self.tr("mission headquarters"), "enclave": self.tr("enclave"),
        }.get(k, k)

    def refresh(self) -> None:
        rtl = self.doc.language == "ar"
        self.browser.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        f = self.doc.feature(self.doc.selection[0]) if self.doc.selection else None
        if f is None:
            hint = self.tr("Click a feature on the map, or double-click one in the Layers panel, "
                           "to see what it is and where the facts come from.")
            self.browser.setHtml(f"<p style='color:#666'>{html.escape(hint)}</p>")
            return
        self.browser.setHtml(self.render_html(f))

    def render_html(self, f: Feature) -> str:
        lang = self.doc.language
        other = "ar" if lang == "en" else "en"
        p = f.props
        e = html.escape
        # Plain tr() calls (not inside f-strings) so pyside6-lupdate finds them.
        t_part_of = self.tr("Part of")
        t_dates = self.tr("Dates")
        t_area = self.tr("Area drawn on this map")
        t_area_how = self.tr("computed, equal-area projection")
        t_length = self.tr("Length drawn on this map")
        t_official = self.tr("Official figure")
        t_accuracy = self.tr("Accuracy")
        t_sources = self.tr("Sources")
        out = [f"<h2 style='margin-bottom:2px'>{e(f.name(lang))}</h2>",
               f"<div style='color:#555'>{e(f.name(other))}</div>"]
        layer = self.doc.layer(f.layer_id)
        out.append(f"<p><b>{e(self._kind(f.kind))}</b> · {e(self._status(f.status))} · "
                   f"{e(layer.title_for(lang) if layer else '')}</p>")
        parent = self.doc.feature(f.part_of) if f.part_of else None
        if parent is not None:
            out.append(f"<p>{e(t_part_of)}: <b>{e(parent.name(lang))}</b></p>")
        desc = p.get(f"description_{lang}") or p.get("description_en") or ""
        if desc:
            out.append(f"<p>{e(desc)}</p>")
        dates = p.get("dates") or {}
        if dates:
            rows = "".join(f"<tr><td>{e(self._date_label(k))}</td><td dir='ltr'>{e(str(v))}</td></tr>"
                           for k, v in dates.items())
            out.append(f"<h4>{e(t_dates)}</h4><table cellspacing='4'>{rows}</table>")
        facts = []
        if "area_km2" in p:
            facts.append(f"{e(t_area)}: <span dir='ltr'>{p['area_km2']:,.0f} km²</span> "
                         f"({e(t_area_how)})")
        if "length_km" in p:
            facts.append(f"{e(t_length)}: <span dir='ltr'>{p['length_km']:,.1f} km</span>")
        for item in p.get("official") or []:
            src = item.get("source") or {}
            link = f"<a href='{e(src.get('url', ''))}'>{e(src.get('publisher', ''))}</a>" if src else ""
            facts.append(f"{e(t_official)}: <span dir='ltr'>{e(str(item.get('value', '')))}</span>"
                         f" — {link}")
        if facts:
            out.append("<p>" + "<br>".join(facts) + "</p>")
        acc = p.get("accuracy")
        if acc:
            note = p.get("position_note")
            out.append(f"<h4>{e(t_accuracy)}</h4><p style='color:#7a4b00'>{e(acc)}"
                       + (f"<br>{e(note)}" if note else "") + "</p>")
        srcs = p.get("sources") or []
        if srcs:
            items = "".join(
                f"<li><a href='{e(s.get('url', ''))}'>{e(s.get('title', ''))}</a> — {e(s.get('publisher', ''))}"
                f" <span dir='ltr'>({e(str(s.get('date', '')))})</span></li>" for s in srcs)
            out.append(f"<h4>{e(t_sources)}</h4><ul>{items}</ul>")
        return "\n".join(out)
