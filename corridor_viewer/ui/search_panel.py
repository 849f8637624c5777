"""Search (Ctrl+F): one box for feature names (any spelling) and article text; picks go to the model."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from corridor_viewer.model.session import Session
from corridor_viewer.ui.bind import listen

FEATURE_ROLE = Qt.ItemDataRole.UserRole
PASSAGE_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_TEXT_HITS = 200


class SearchPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.doc = doc = session.doc
        self.box = QLineEdit()
        self.box.setClearButtonEnabled(True)
        self.summary = QLabel()
        self.summary.setStyleSheet("color:#555")
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.box)
        lay.addWidget(self.summary)
        lay.addWidget(self.results, 1)
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self.run)
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.box.returnPressed.connect(self._pick_first)
        self.results.itemActivated.connect(self.pick)
        self.results.itemClicked.connect(self.pick)
        listen(self, doc.language_changed, lambda _l: self.retranslate())
        listen(self, session.gazetteer_changed, self.run)  # name search works once the gazetteer is compiled
        self.retranslate()

    def retranslate(self) -> None:
        self.box.setPlaceholderText(self.tr("Search places, routes and article text (any spelling)"))
        self.run()

    def focus_box(self) -> None:
        self.box.setFocus()
        self.box.selectAll()

    def run(self) -> None:
        query = self.box.text().strip()
        self.results.clear()
        links = self.doc.links
        gazetteer = self.session.gazetteer
        if not query or links is None or gazetteer is None:
            self.summary.setText("")
            return
        from corridor_viewer.model.linker import search_text

        lang = self.doc.language
        fids = gazetteer.search_names(query)
        for fid in fids:
            f = self.doc.feature(fid)
            if f is None:
                continue
            layer = self.doc.layer(f.layer_id)
            item = QListWidgetItem(f"◆ {f.name(lang)} — {layer.title_for(lang)}")
            item.setData(FEATURE_ROLE, fid)
            item.setToolTip(f.name("ar" if lang == "en" else "en"))
            self.results.addItem(item)
        hits = search_text(links.corpus, query)
        for hit in hits[:MAX_TEXT_HITS]:
            art = links.corpus.get(hit.article_id)
            p = art.passages[hit.passage_index]
            a, b = max(p.start, hit.start - 60), min(p.end, hit.end + 60)
            snippet = ("…" if a > p.start else "") + art.text[a:b].replace("\n", " ") + ("…" if b < p.end else "")
            item = QListWidgetItem(f"¶ {art.published or '?'} · {snippet}")
            item.setData(PASSAGE_ROLE, (hit.article_id, hit.start, hit.end))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
            self.results.addItem(item)
        # Each count pluralised on its own; the list separator is the language's (Arabic: "،").
        self.summary.setText(self.tr("%1, %2").replace("%1", self.tr("%n feature(s)", "", len(fids)))
                             .replace("%2", self.tr("%n passage(s)", "", len(hits))))

    def _pick_first(self) -> None:
        if self.results.count():
            self.pick(self.results.item(0))

    def pick(self, item: QListWidgetItem) -> None:
        fid = item.data(FEATURE_ROLE)
        if fid:
            self.doc.select(fid)
            self.doc.request_zoom(fid)
            return
        target = item.data(PASSAGE_ROLE)
        if target:
            self.doc.set_focus(*target)
