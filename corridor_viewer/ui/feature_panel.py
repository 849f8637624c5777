"""Feature dock: what the selected feature is, its status and dates, and where that comes from; below, a
chart of its mentions per month and the passages that mention it.

Clicking a bar of the chart lists only that month's passages (the filter is the document's, so every view
agrees); clicking it again lists all. Right-click on a passage or a name in it: Confirm, Not this place,
This is … (ui/link_menu.py, decisions kept by the session). A name found as a spelling variant says so
under its passage.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from corridor_viewer.model.dates import news_date as _news_date
from corridor_viewer.model.document import Document
from corridor_viewer.model.feature import Feature
from corridor_viewer.model.normalize import is_rtl
from corridor_viewer.ui.bind import listen
from corridor_viewer.ui.mentions_chart import MentionsChart, month_name

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

# Isolates keep a number or a date in its own order inside the other script: LRI for what is always
# left-to-right (a number such as 5,502.75), FSI for text that takes the direction of its first letter (a value
# or date in the UI language, a publisher's name), PDI to close either.
LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"


def news_date(text: str, lang: str) -> str:
    """A date from the data as a newsroom writes it; text that is not a date is shown as it is."""
    try:
        return _news_date(text, lang)
    except ValueError:
        return text


class FeaturePanel(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None, session=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.session = session  # where right-click decisions go; None: the menu is shown disabled
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setObjectName("featureBrowser")
        # Passages that mention the selected feature, grouped by article.
        self.passages_title = QLabel()
        self.passages_title.setStyleSheet("font-weight:bold")
        # The title has its own row and wraps, and the order box has one above the list it orders (the month
        # chip has its own too): sharing a row in a dock of ~340 px, the title squeezed the box to "New…"
        # (English) or one letter (Arabic), seen in screenshots, and so did the chip.
        self.passages_title.setWordWrap(True)
        self.order = QComboBox()
        self.order.addItem("", "date")
        self.order.addItem("", "article")
        self.order.currentIndexChanged.connect(lambda _i: self.refresh_passages())
        self.passages = QTextBrowser(self)
        self.passages.setObjectName("passagesBrowser")
        self.passages.setOpenLinks(False)
        self.passages.anchorClicked.connect(self._on_anchor)
        self.passages.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.passages.customContextMenuRequested.connect(self._context_menu)
        self.chart = MentionsChart(doc, self)
        # Shown while one month is chosen: says which, and clicking it lists every month again.
        self.month_chip = QPushButton()
        self.month_chip.setObjectName("monthChip")
        self.month_chip.setFlat(True)
        self.month_chip.setStyleSheet("color:#b0413e")
        self.month_chip.clicked.connect(lambda: self.doc.set_month_filter(None))
        lower = QWidget()
        lower_lay = QVBoxLayout(lower)
        lower_lay.setContentsMargins(0, 4, 0, 0)
        lower_lay.addWidget(self.passages_title)
        lower_lay.addWidget(self.chart)
        lower_lay.addWidget(self.month_chip, 0, Qt.AlignmentFlag.AlignLeading)
        lower_lay.addWidget(self.order, 0, Qt.AlignmentFlag.AlignTrailing)
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
        listen(self, doc.month_filter_changed, lambda _m: self.refresh_passages())
        self.refresh()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        # The dock's first width, in lines of text so that it grows with a larger font: with the passages
        # title wrapping, nothing else in the panel asks for a width, and the dock opened ~135 px wide.
        hint = super().sizeHint()
        return QSize(max(hint.width(), 20 * self.fontMetrics().height()), hint.height())

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
            # A dated state (territorial control) holds from one date until another.
            "from": self.tr("From"), "to": self.tr("Until"),
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
            "country-group": self.tr("other countries"), "border": self.tr("border"),
            "control-area": self.tr("area of control"), "village-area": self.tr("villages"), "note": self.tr("note"),
        }.get(k, k)

    def _source_date(self, date: str) -> str:
        """A source's date as the data has it ("2025-08-08", "2025-08 (inferred)", "not shown"), for display."""
        lang = self.doc.language
        if date == "not shown":
            return self.tr("date not shown")
        if date.endswith(" (inferred)"):
            return self.tr("%1, inferred").replace("%1", news_date(date.removesuffix(" (inferred)"), lang))
        return news_date(date, lang)

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
        rtl = self.doc.language == "ar"
        self.chart.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        f = self.doc.feature(self.doc.selection[0]) if self.doc.selection else None
        links = self.doc.links
        month = self.doc.month_filter
        self.month_chip.setVisible(f is not None and links is not None and month is not None)
        if f is None or links is None:
            self.chart.set_months([])
            self.chart.setVisible(False)
            self.passages_title.setText(self.tr("Passages"))
            self.passages.setHtml("" if f is None else f"<p>{html.escape(self.tr('Linking the articles…'))}</p>")
            return
        self.chart.setVisible(True)
        self.chart.set_months(links.by_month(f.id))
        self.chart.setToolTip(self.chart.summary())
        if month is not None:
            shown = month_name(month, self.doc.language) if month else self.tr("no date")
            self.month_chip.setText(self.tr("Only %1 — show every month").replace("%1", shown))
            self.month_chip.setToolTip(self.tr("Click the bar again, or here, to list the passages of every month"))
        groups = links.passages_for(f.id, self.order.currentData() or "date", month=month)
        n_mentions = sum(len(v.spans) for _, views in groups for v in views) if month is not None else links.count(
            f.id)
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
        from corridor_viewer.ui.link_menu import status_note, variant_note  # loaded once there are passages
        out = []
        for art, views in groups:
            title = art.title if self.doc.language == "ar" or not art.title_en else art.title_en
            count = sum(len(v.spans) for v in views)
            n_text = self.tr("%n mention(s)", "", count)
            d = "rtl" if is_rtl(title) else "ltr"
            align = "right" if d == "rtl" else "left"
            out.append(f"<h4 dir='{d}' align='{align}' style='margin-bottom:2px'>{e(title)}</h4>"
                       f"<div dir='{d}' align='{align}' style='color:#666'>"
                       f"{FSI}{e(news_date(art.published, self.doc.language) if art.published else '?')}{PDI} · "
                       f"{e(n_text)}</div>")
            for v in views:
                s0, s1 = v.first_mention or (v.start, v.start)
                href = e(f"passage:{art.id}:{s0}:{s1}")
                plain = "color:#1a1a1a;text-decoration:none"
                parts, notes = [], []
                # The passage is the link (clicking it opens the article at its first mention); each name in it
                # is a link of its own, so a click or right-click says which name is meant.
                for t, m in v.runs():
                    if m is None:
                        parts.append(f"<a href='{href}' style='{plain}'>{e(t)}</a>" if t else "")
                        continue
                    style = "background:#ffe08a;font-weight:bold;color:#1a1a1a;text-decoration:none"
                    said = [n for n in (variant_note(self.doc, m), status_note(m)) if n]
                    if m.match == "variant":
                        style = style.replace("text-decoration:none", "text-decoration:underline")
                    if said:
                        notes.append(f"«{FSI}{e(m.surface)}{PDI}»: " + e("، ".join(said) if self.doc.language == "ar"
                                                                         else "; ".join(said)))
                    parts.append(f"<a href='{e(f'mention:{art.id}:{m.start}:{m.end}')}' style='{style}'>{e(t)}</a>")
                out.append(f"<p dir='rtl' align='right' style='margin:4px 0 10px 0'>{''.join(parts)}</p>")
                if notes:
                    d = "rtl" if self.doc.language == "ar" else "ltr"
                    out.append(f"<p dir='{d}' style='margin:-6px 0 10px 0;color:#6b6b6b;font-size:small'>"
                               + "<br>".join(notes) + "</p>")
        return "".join(out)

    def mention_for(self, href: str):
        """The mention a passage or name link points at (a passage: its first mention of the feature)."""
        links = self.doc.links
        kind, _, rest = href.partition(":")
        if links is None or kind not in ("passage", "mention"):
            return None
        try:
            art, start, end = rest.rsplit(":", 2)
            start, end = int(start), int(end)
        except ValueError:
            return None
        return next((m for m in links.mentions_in(art) if m.start == start and m.end == end), None)

    def _on_anchor(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith(("passage:", "mention:")):
            art, start, end = text.partition(":")[2].rsplit(":", 2)
            self.doc.set_focus(art, int(start), int(end))
        elif url.scheme() in ("http", "https"):
            from PySide6.QtGui import QDesktopServices  # with QUrl, ~1.5 ms of classes the first paint skips

            QDesktopServices.openUrl(url)

    def menu_at(self, pos: QPoint):
        """The right-click menu for a point of the passages list (None where no passage is)."""
        return self.menu_for_href(self.passages.anchorAt(pos))

    def menu_for_href(self, href: str):
        """The menu of the mention a passage or name link points at (None for any other link)."""
        from corridor_viewer.ui.link_menu import link_menu

        m = self.mention_for(href)
        return link_menu(self, self.doc, self.session, m) if m is not None else None

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.menu_at(pos)
        if menu is None:
            menu = self.passages.createStandardContextMenu(pos)
        menu.exec(self.passages.viewport().mapToGlobal(pos))
        menu.deleteLater()

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
            rows = "".join(f"<tr><td>{e(self._date_label(k))}</td><td>{FSI}{e(news_date(str(v), lang))}{PDI}</td></tr>"
                           for k, v in dates.items())
            # Qt lays a table out left to right whatever the text: in Arabic it goes to the right edge, the
            # label first (rightmost), as the other paragraphs read.
            if lang == "ar":
                rows = "".join(f"<tr><td>{FSI}{e(news_date(str(v), lang))}{PDI}</td>"
                               f"<td>{e(self._date_label(k))}</td></tr>" for k, v in dates.items())
            align = " align='right'" if lang == "ar" else ""
            out.append(f"<h4>{e(t_dates)}</h4><table cellspacing='4'{align}>{rows}</table>")
        facts = []
        # The unit is translated (كم², كم) and the number isolated, so it stays "5,502.75" inside Arabic text.
        if "area_km2" in p:
            area = self.tr("%1 km²").replace("%1", f"{LRI}{p['area_km2']:,.0f}{PDI}")
            facts.append(f"{e(t_area)}: {e(area)} ({e(t_area_how)})")
        if "length_km" in p:
            length = self.tr("%1 km").replace("%1", f"{LRI}{p['length_km']:,.1f}{PDI}")
            facts.append(f"{e(t_length)}: {e(length)}")
        for item in p.get("official") or []:
            src = item.get("source") or {}
            link = f"<a href='{e(src.get('url', ''))}'>{FSI}{e(src.get('publisher', ''))}{PDI}</a>" if src else ""
            # value_ar: the figure as the Arabic panel writes it ("نحو 43 كم (بحسب يورونيوز)"); the data's own
            # wording is English.
            value = (lang != "en" and item.get(f"value_{lang}")) or item.get("value", "")
            facts.append(f"{e(t_official)}: {FSI}{e(str(value))}{PDI} — {link}")
        if facts:
            out.append("<p>" + "<br>".join(facts) + "</p>")
        acc = p.get(f"accuracy_{lang}") or p.get("accuracy")
        if acc:
            # The position note is English; where the accuracy is written in the UI language it says the same.
            note = p.get("position_note") if lang == "en" or not p.get(f"accuracy_{lang}") else None
            out.append(f"<h4>{e(t_accuracy)}</h4><p style='color:#7a4b00'>{e(acc)}"
                       + (f"<br>{e(note)}" if note else "") + "</p>")
        srcs = p.get("sources") or []
        if srcs:
            items = "".join(
                f"<li><a href='{e(s.get('url', ''))}'>{FSI}{e(s.get('title', ''))}{PDI}</a> — "
                f"{FSI}{e(s.get('publisher', ''))}{PDI} ({FSI}{e(self._source_date(str(s.get('date', ''))))}{PDI})</li>"
                for s in srcs)
            out.append(f"<h4>{e(t_sources)}</h4><ul>{items}</ul>")
        # Qt lays out each block by its first letter: without this an English source title or name would turn
        # its line left-to-right (bullet on the left) in the Arabic panel.
        return f"<div dir='{'rtl' if lang == 'ar' else 'ltr'}'>" + "\n".join(out) + "</div>"
