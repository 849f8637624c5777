"""Feature dock: what the selected feature is, its status and dates, and where that comes from."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from corridor_viewer.model.document import Document
from corridor_viewer.model.feature import Feature
from corridor_viewer.model.normalize import is_rtl
from corridor_viewer.ui.bind import listen


class FeaturePanel(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setObjectName("featureBrowser")
        # Passages that mention the selected feature, grouped by article.
        self.passages_title = QLabel()
        self.passages_title.setStyleSheet("font-weight:bold")
        self.order = QComboBox()
        self.order.addItem("", "date")
        self.order.addItem("", "article")
        self.order.currentIndexChanged.connect(lambda _i: self.refresh_passages())
        self.passages = QTextBrowser(self)
        self.passages.setObjectName("passagesBrowser")
        self.passages.setOpenLinks(False)
        self.passages.anchorClicked.connect(self._on_anchor)
        head = QHBoxLayout()
        head.addWidget(self.passages_title, 1)
        head.addWidget(self.order)
        lower = QWidget()
        lower_lay = QVBoxLayout(lower)
        lower_lay.setContentsMargins(0, 4, 0, 0)
        lower_lay.addLayout(head)
        lower_lay.addWidget(self.passages, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.browser)
        split.addWidget(lower)
        split.setSizes([380, 320])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        listen(self, doc.selection_changed, lambda _ids: self.refresh())
        listen(self, doc.language_changed, lambda _l: self.refresh())
        listen(self, doc.links_changed, self.refresh)
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
        self.refresh_passages()
        rtl = self.doc.language == "ar"
        self.browser.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        f = self.doc.feature(self.doc.selection[0]) if self.doc.selection else None
        if f is None:
            hint = self.tr("Click a feature on the map, or double-click one in the Layers panel, "
                           "to see what it is and where the facts come from.")
            self.browser.setHtml(f"<p style='color:#666'>{html.escape(hint)}</p>")
            return
        self.browser.setHtml(self.render_html(f))

    def refresh_passages(self) -> None:
        self.order.setItemText(0, self.tr("Newest article first"))
        self.order.setItemText(1, self.tr("By article"))
        f = self.doc.feature(self.doc.selection[0]) if self.doc.selection else None
        links = self.doc.links
        if f is None:
            self.passages_title.setText(self.tr("Passages"))
            self.passages.setHtml("")
            return
        if links is None:
            self.passages_title.setText(self.tr("Passages"))
            self.passages.setHtml(f"<p>{html.escape(self.tr('Linking the articles…'))}</p>")
            return
        groups = links.passages_for(f.id, self.order.currentData() or "date")
        n_mentions = links.count(f.id)
        n_passages = sum(len(ps) for _, ps in groups)
        # One pluralised piece per count: Arabic inflects each noun for its own number (and its case after
        # في and من: "في مقطعين من مقالين").
        counts = self.tr("%n mention(s)", "", n_mentions)
        if n_mentions:
            counts += " " + self.tr("in %n passage(s)", "", n_passages) + " " + self.tr("of %n article(s)", "",
                                                                                     len(groups))
        self.passages_title.setText(self.tr("Passages: %1").replace("%1", counts))
        self.passages.setHtml(self.passages_html(groups))

    def passages_html(self, groups) -> str:
        e = html.escape
        if not groups:
            none = self.tr("No article mentions this feature.")
            return f"<p style='color:#666'>{e(none)}</p>"
        out = []
        for art, views in groups:
            title = art.title if self.doc.language == "ar" or not art.title_en else art.title_en
            count = sum(len(v.spans) for v in views)
            n_text = self.tr("%n mention(s)", "", count)
            d = "rtl" if is_rtl(title) else "ltr"
            align = "right" if d == "rtl" else "left"
            out.append(f"<h4 dir='{d}' align='{align}' style='margin-bottom:2px'>{e(title)}</h4>"
                       f"<div dir='{d}' align='{align}' style='color:#666'>"
                       f"\u2066{e(art.published or '?')}\u2069 · "
                       f"{e(n_text)}</div>")
            for v in views:
                parts = [f"<span style='background:#ffe08a;font-weight:bold'>{e(t)}</span>" if hit else e(t)
                         for t, hit in v.pieces()]
                s0, s1 = v.first_mention or (v.start, v.start)
                href = f"passage:{art.id}:{s0}:{s1}"
                # The whole passage is the link: clicking it opens the article at the mention.
                out.append(f"<p dir='rtl' align='right' style='margin:4px 0 10px 0'><a href='{e(href)}' "
                           f"style='color:#1a1a1a;text-decoration:none'>{''.join(parts)}</a></p>")
        return "".join(out)

    def _on_anchor(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("passage:"):
            _, art, start, end = text.split(":")
            self.doc.set_focus(art, int(start), int(end))
        elif url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)

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
        links = self.doc.links
        if links is not None and links.count(f.id):
            t_mentioned = self.tr("Mentioned %n time(s) in the articles", "", links.count(f.id))
            out.append(f"<p style='color:#7b241c'>{e(t_mentioned)}</p>")
        parent = self.doc.feature(f.part_of) if f.part_of else None
        if parent is not None:
            out.append(f"<p>{e(t_part_of)}: <b>{e(parent.name(lang))}</b></p>")
        desc = p.get(f"description_{lang}") or p.get("description_en") or ""
        if desc:
            out.append(f"<p>{e(desc)}</p>")
        dates = p.get("dates") or {}
        if dates:
            rows = "".join(f"<tr><td>{e(self._date_label(k))}</td><td>\u2066{e(str(v))}\u2069</td></tr>"
                           for k, v in dates.items())
            out.append(f"<h4>{e(t_dates)}</h4><table cellspacing='4'>{rows}</table>")
        facts = []
        if "area_km2" in p:
            facts.append(f"{e(t_area)}: \u2066{p['area_km2']:,.0f} km²\u2069 "
                         f"({e(t_area_how)})")
        if "length_km" in p:
            facts.append(f"{e(t_length)}: \u2066{p['length_km']:,.1f} km\u2069")
        for item in p.get("official") or []:
            src = item.get("source") or {}
            link = f"<a href='{e(src.get('url', ''))}'>{e(src.get('publisher', ''))}</a>" if src else ""
            facts.append(f"{e(t_official)}: \u2066{e(str(item.get('value', '')))}\u2069"
                         f" — {link}")
        if facts:
            out.append("<p>" + "<br>".join(facts) + "</p>")
        acc = p.get(f"accuracy_{lang}") or p.get("accuracy")
        if acc:
            note = p.get("position_note")
            out.append(f"<h4>{e(t_accuracy)}</h4><p style='color:#7a4b00'>{e(acc)}"
                       + (f"<br>{e(note)}" if note else "") + "</p>")
        srcs = p.get("sources") or []
        if srcs:
            items = "".join(
                f"<li><a href='{e(s.get('url', ''))}'>{e(s.get('title', ''))}</a> — {e(s.get('publisher', ''))}"
                f" \u2066({e(str(s.get('date', '')))})\u2069</li>" for s in srcs)
            out.append(f"<h4>{e(t_sources)}</h4><ul>{items}</ul>")
        return "\n".join(out)
