"""The reader's verdict on a link: the right-click menu of a linked name, and the "This is …" picker.

The article reader and the passages list both show this menu; what it does goes to the session
(:meth:`~corridor_viewer.model.session.Session.decide`), which republishes the links, so every view
follows through the model and no panel calls another. Recogito's lesson: automatic links are proposals
a reader confirms, rejects or corrects, and a spelling variant says what it was taken for.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from corridor_viewer.model.document import Document

FEATURE_ROLE = Qt.ItemDataRole.UserRole
# Isolates, so that a name in the other script keeps its own direction inside the sentence.
FSI, PDI = "\u2068", "\u2069"


def feature_name(doc: Document, fid: str) -> str:
    f = doc.feature(fid)
    return f.name(doc.language) if f is not None else fid


def variant_of(doc: Document, mention) -> str:
    """The listed name a variant match was taken for ("" for an exact match or an unknown feature)."""
    if getattr(mention, "match", "") != "variant":
        return ""
    f = doc.feature(mention.feature_id)
    if f is None:
        return ""
    from corridor_viewer.model.linker import closest_name, entries_from_features

    return closest_name(entries_from_features([f])[0].names, mention.surface)


def variant_note(doc: Document, mention) -> str:
    """"matched as a spelling variant of «…»" for a variant match, else ""."""
    listed = variant_of(doc, mention)
    if not listed:
        return ""
    note = QCoreApplication.translate("LinkMenu", "matched as a spelling variant of %1")
    return note.replace("%1", f"«{FSI}{listed}{PDI}»")


def status_note(mention) -> str:
    """What the reader decided on a mention ("" if nothing)."""
    if getattr(mention, "status", "auto") == "rejected":
        return QCoreApplication.translate("LinkMenu", "you said: not this place")
    if getattr(mention, "match", "") == "manual":
        return QCoreApplication.translate("LinkMenu", "linked by you")
    if getattr(mention, "status", "auto") == "confirmed":
        return QCoreApplication.translate("LinkMenu", "confirmed by you")
    return ""


def describe(doc: Document, mention) -> str:
    """One line on a mention: its feature, how it was matched and what the reader decided."""
    return " — ".join(p for p in (feature_name(doc, mention.feature_id), variant_note(doc, mention),
                                  status_note(mention)) if p)


class FeaturePicker(QDialog):
    """"This is …": choose the feature a name stands for, by typing any of its names in any spelling."""

    def __init__(self, doc: Document, session, surface: str, current: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.session = doc, session
        self.setWindowTitle(QCoreApplication.translate("LinkMenu", "This is …"))
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if doc.language == "ar"
                                else Qt.LayoutDirection.LeftToRight)
        self.resize(420, 480)
        self.box = QLineEdit()
        self.box.setObjectName("pickerSearch")
        self.box.setClearButtonEnabled(True)
        hint = QCoreApplication.translate("LinkMenu", "Type a name in any language or spelling")
        self.box.setPlaceholderText(hint)
        self.list = QListWidget()
        self.list.setObjectName("pickerList")
        question = QCoreApplication.translate("LinkMenu", "Which place does %1 name?")
        question = question.replace("%1", f"«{FSI}{surface}{PDI}»")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(question))
        lay.addWidget(self.box)
        lay.addWidget(self.list, 1)
        lay.addWidget(buttons)
        self.box.textChanged.connect(self.fill)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        self.fill("")
        if current:
            for i in range(self.list.count()):
                if self.list.item(i).data(FEATURE_ROLE) == current:
                    self.list.setCurrentRow(i)
                    break

    def candidates(self, query: str) -> list[str]:
        """Feature ids matching ``query``: the gazetteer's name search (any spelling) when it is compiled,
        else names containing the query after the linker's folding; every named feature for no query."""
        from corridor_viewer.model.normalize import normalize

        features = [f for f in self.doc.features() if f.props.get("name_en") or f.props.get("name_ar")]
        q = normalize(query)
        if not q:
            return sorted((f.id for f in features), key=lambda fid: feature_name(self.doc, fid).casefold())
        gazetteer = getattr(self.session, "gazetteer", None)
        if gazetteer is not None:
            found = [fid for fid in gazetteer.search_names(query) if self.doc.feature(fid) is not None]
            if found:
                return found
        return [f.id for f in features if any(q in normalize(str(f.props.get(k) or "")) for k in ("name_en", "name_ar"))
                or any(q in normalize(a) for k in ("aliases_en", "aliases_ar") for a in f.props.get(k) or ())]

    def fill(self, query: str) -> None:
        self.list.clear()
        for fid in self.candidates(query):
            f = self.doc.feature(fid)
            other = f.name("en" if self.doc.language == "ar" else "ar")
            item = QListWidgetItem(f"{f.name(self.doc.language)}  ·  {FSI}{other}{PDI}")
            item.setData(FEATURE_ROLE, fid)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return item.data(FEATURE_ROLE) if item is not None else None


def pick_feature(doc: Document, session, surface: str, current: str, parent: QWidget) -> str | None:
    dlg = FeaturePicker(doc, session, surface, current, parent)
    return dlg.chosen() if dlg.exec() == QDialog.DialogCode.Accepted else None


def link_menu(parent: QWidget, doc: Document, session, mention, picker=None) -> QMenu:
    """The right-click menu of a linked name: what it is linked to, then Confirm, Not this place, This is …,
    and Undo my decision. ``picker(doc, session, surface, current, parent)`` asks for "This is …" (default:
    :func:`pick_feature`, the searchable dialog)."""
    menu = QMenu(parent)
    menu.setObjectName("linkMenu")
    menu.setLayoutDirection(Qt.LayoutDirection.RightToLeft if doc.language == "ar" else Qt.LayoutDirection.LeftToRight)
    head = menu.addAction(describe(doc, mention))
    head.setEnabled(False)
    menu.addSeparator()
    status, manual = getattr(mention, "status", "auto"), getattr(mention, "match", "") == "manual"

    def act(key: str, text: str, slot) -> QAction:
        a = menu.addAction(text)
        a.setObjectName(key)
        a.setEnabled(session is not None)
        a.triggered.connect(slot)
        return a

    if status != "confirmed":
        text = QCoreApplication.translate("LinkMenu", "Confirm: this is %1")
        act("confirm", text.replace("%1", feature_name(doc, mention.feature_id)),
            lambda: session.decide("confirm", mention))
    if status != "rejected":
        act("reject", QCoreApplication.translate("LinkMenu", "Not this place"),
            lambda: session.decide("reject", mention))

    def assign() -> None:
        fid = (picker or pick_feature)(doc, session, mention.surface, mention.feature_id, parent)
        if fid:
            session.decide("assign", mention, fid)

    act("assign", QCoreApplication.translate("LinkMenu", "This is …"), assign)
    if status != "auto" or manual:
        menu.addSeparator()
        text = (QCoreApplication.translate("LinkMenu", "Remove my link") if manual
                else QCoreApplication.translate("LinkMenu", "Undo my decision (back to the linker's)"))
        act("undo", text, lambda: session.decide("undo", mention))
    return menu


def mark_menu(parent: QWidget, doc: Document, session, article_id: str, start: int, end: int, surface: str,
              picker=None) -> QMenu:
    """The right-click menu of selected text that is not linked: "This is …" links it to a feature."""
    menu = QMenu(parent)
    menu.setObjectName("markMenu")

    def mark() -> None:
        fid = (picker or pick_feature)(doc, session, surface, "", parent)
        if fid:
            session.mark(article_id, start, end, fid)

    short = surface if len(surface) <= 40 else surface[:39] + "…"
    a = menu.addAction(QCoreApplication.translate("LinkMenu", "This is …") + f"  («{FSI}{short}{PDI}»)")
    a.setObjectName("mark")
    a.setEnabled(session is not None)
    a.triggered.connect(mark)
    return menu
