"""The words a published map prints, in English and Arabic, and the names it shows (pure Python).

Every export (the HTML page now; the static pages can use the same) takes its statuses, kinds, date words
and "(former)" from here, so a reader never sees "قائم" in one file and "موجود" in the next. The Arabic terms
are the ones the app's own translation (resources/translations/corridor_viewer_ar.ts) uses.
"""

from __future__ import annotations

from corridor_viewer.model.feature import Feature

STATUS = {
    "en": {"existing": "existing", "under-construction": "under construction", "proposed": "proposed",
           "historical": "historical", "closed": "closed"},
    "ar": {"existing": "قائم", "under-construction": "قيد الإنشاء", "proposed": "مقترح", "historical": "تاريخي",
           "closed": "مغلق"},
}
# The legend's status key: one row per line style a status gives a route ("closed" draws like "historical").
STATUS_KEY = {
    "en": (("proposed", "proposed"), ("under-construction", "under construction"), ("existing", "existing"),
           ("historical", "historical / closed")),
    "ar": (("proposed", "مقترح"), ("under-construction", "قيد الإنشاء"), ("existing", "قائم"),
           ("historical", "تاريخي / مغلق")),
}
STATUS_OF_DASH = {"closed": "historical"}
KIND = {
    "en": {"country": "country", "sea": "sea", "lake": "lake", "river": "river", "region": "region",
           "corridor": "corridor", "railway": "railway", "road": "road", "route-segment": "route segment",
           "checkpoint": "checkpoint", "border-crossing": "border crossing", "town": "town", "city": "city",
           "village": "village", "military-base": "military base", "consulate": "consulate",
           "mission-hq": "mission headquarters", "enclave": "enclave", "note": "event",
           "control-area": "area of control", "village-area": "villages"},
    "ar": {"country": "دولة", "sea": "بحر", "lake": "بحيرة", "river": "نهر", "region": "إقليم", "corridor": "ممر",
           "railway": "سكة حديد", "road": "طريق", "route-segment": "مقطع من مسار", "checkpoint": "نقطة عبور",
           "border-crossing": "معبر حدودي", "town": "بلدة", "city": "مدينة", "village": "قرية",
           "military-base": "قاعدة عسكرية", "consulate": "قنصلية", "mission-hq": "مقر بعثة", "enclave": "جيب",
           "note": "حدث", "control-area": "منطقة سيطرة", "village-area": "قرى"},
}
DATE_WORDS = {
    "en": {"announced": "Announced", "signed": "Signed", "started": "Started", "opened": "Opened",
           "closed": "Closed", "handed_over": "Handed over", "from": "From", "to": "Until"},
    "ar": {"announced": "أُعلن", "signed": "وُقّع", "started": "بدأ", "opened": "افتُتح", "closed": "أُغلق",
           "handed_over": "سُلّم", "from": "من", "to": "حتى"},
}
FORMER = {"en": "(former)", "ar": "(سابقًا)"}
_SAYS_FORMER = ("former", "سابق")


def kind_name(kind: str, lang: str) -> str:
    """A feature kind in words; an unknown kind (a user layer's) as its own text, hyphens as spaces."""
    return KIND.get(lang, KIND["en"]).get(kind) or kind.replace("-", " ").replace("_", " ")


def status_name(status: str, lang: str) -> str:
    return STATUS.get(lang, STATUS["en"]).get(status, status)


def is_former(f: Feature, status: str | None) -> bool:
    """A place that no longer exists as such (Nagorno-Karabakh): a historical area. Dated control states are
    left out: their names already carry their dates ("…, 1994–2020")."""
    return status == "historical" and f.geometry.kind == "polygon" and "from" not in (f.props.get("dates") or {})


def _with_former(text: str, f: Feature, lang: str, status: str | None) -> str:
    if not is_former(f, status) or any(w in text.lower() for w in _SAYS_FORMER):
        return text
    return f"{text} {FORMER.get(lang, FORMER['en'])}"


def display_label(f: Feature, lang: str, status: str | None) -> str:
    """The short map label as published: "Nagorno-Karabakh (former)" for a historical region."""
    return _with_former(f.label(lang), f, lang, status)


def display_name(f: Feature, lang: str, status: str | None) -> str:
    """The full name as published (a popup's heading), with "(former)" where the name does not say so."""
    return _with_former(f.name(lang), f, lang, status)
