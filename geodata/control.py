"""Territorial control in and around Karabakh as dated states: geodata/control.geojson (maintainer tool).

Called once from build.py (``control.build(inp, out_dir)``) after the other layers are written; it
reads Azerbaijan's admin-1 districts from qgis-common's ``world_map.gpkg`` and the 10m country outlines
that build.py has already loaded, and the four Gazakh villages' points from the built places.geojson.

Date semantics (``properties.dates``), unlike the lifecycle milestones of the route layers:

* ``from`` (ISO date, required): the first day the state held.
* ``to`` (ISO date, optional): the first day it **no longer** held. A feature is drawn on ``date`` when
  ``from <= date < to``; without ``to`` it holds to this day. Partial dates count as their first day.
* With no date selected (the map "as it stands now") only features without ``to`` are drawn.
* Nothing else hides or changes these features; ``status`` is ``historical`` for a state that has ended
  and ``existing`` for one that still holds.

Each state is one feature, so the layer changes on the dates the sources give:

* 12 May 1994 – 27 Sep 2020: the area held by the Karabakh Armenian forces after the 1994 ceasefire.
* 27 Sep – 10 Nov 2020: the second Karabakh war; the front moved daily and is not drawn (a dated note).
* 10 Nov 2020 – 19/20 Sep 2023: the area left to the Karabakh Armenian authorities by the ceasefire
  statement, with Russian peacekeepers, and the 5 km Lachin corridor (its road moved on 30 Aug 2022);
  Aghdam, Kalbajar and Lachin districts, still held on 10 Nov, until their handovers of 20 Nov,
  25 Nov and 1 Dec 2020.
* 19 Sep 2023 – 1 Jan 2024: the Azerbaijani offensive, the ceasefire of 20 Sep, the exodus and the
  decree dissolving the NKR (a dated note; no area is drawn).
* from 1 Jan 2024: the NKR's institutions dissolved (a dated note).
* from 24 May 2024: the four Gazakh villages under Azerbaijani control (small areas, 6.5 km² in all).

Geometry is approximate on purpose and says so in every feature's ``accuracy``/``accuracy_ar``: areas are
unions of today's Azerbaijani districts (the admin-1 layer has no 1994 or 2020 lines); where a district was
only partly held, it is cut by a straight-segment line placed between towns the sources put on either side.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import LineString, Point, Polygon, mapping
from shapely.ops import unary_union

HERE = Path(__file__).resolve().parent
LAYER_ID = "control"
LCC = "+proj=lcc +lat_1=38.5 +lat_2=41.5 +lat_0=40 +lon_0=45 +datum=WGS84 +units=m +no_defs"
SIMPLIFY_M = 250.0  # keeps the layer to a few kilobytes; far below the areas' own uncertainty
DIGITS = 4  # ~10 m

_fwd = Transformer.from_crs("EPSG:4326", LCC, always_xy=True)
_inv = Transformer.from_crs(LCC, "EPSG:4326", always_xy=True)


def _tr(tr, g):
    return shapely.transform(g, lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])))


# Eastern edge of the area held from 1994 to 2020, north to south (lon, lat). Placed between towns the
# sources put on either side: Tartar, Barda, Beylagan and Horadiz held by Azerbaijan; Martakert, Aghdam,
# Askeran, Martuni (Khojavend), Fuzuli and Jabrayil by the Karabakh Armenian forces; Azerbaijan held the
# eastern edges of the old Martakert and Martuni districts.
LINE_1994 = [(46.60, 40.48), (46.75, 40.30), (46.88, 40.25), (47.02, 40.10), (47.02, 39.95),
             (47.18, 39.80), (47.22, 39.62), (47.26, 39.45), (47.28, 39.10)]
# Southern edge of what the Karabakh Armenian authorities kept in Nov 2020: Hadrut, Shusha and the
# districts to the south were taken in the war; Martuni (Khojavend town, 39.79 N) was kept.
SOUTH_2020_LAT = 39.66
# Schematic centre lines of the Lachin corridor (lon, lat): from Kornidzor in Armenia through Lachin
# town to Stepanakert, avoiding Shusha (2020); and the new road south of Lachin town (2022).
CORRIDOR_2020 = [(46.530, 39.548), (46.550, 39.637), (46.640, 39.720), (46.700, 39.790), (46.753, 39.818)]
CORRIDOR_2022 = [(46.530, 39.548), (46.600, 39.600), (46.660, 39.680), (46.690, 39.760), (46.753, 39.818)]
CORRIDOR_WIDTH_M = 5000.0  # "the Lachin corridor (5 km wide)", point 6 of the 2020 statement
VILLAGES = ("baghanis-ayrum", "ashagi-askipara", "kheyrimli", "gizilhajili")
VILLAGE_RADIUS_M = 700.0  # four discs of ~1.5 km² each: about the 6.5 km² handed over in all


def _src(title, publisher, date, url):
    return {"title": title, "publisher": publisher, "date": date, "url": url}


SRC = {
    "statement": _src("Statement by the Prime Minister of the Republic of Armenia, the President of the Republic of "
                      "Azerbaijan and the President of the Russian Federation", "Office of the Prime Minister of "
                      "Armenia", "2020-11-10", "https://www.primeminister.am/en/press-release/item/2020/11/10/"
                      "Announcement/%20%20%20%20%20%20%20%20%20statement"),
    "statement_az": _src("Statement by the President of the Republic of Azerbaijan, the Prime Minister of the Republic "
                         "of Armenia and the President of the Russian Federation (En/Ru)", "Embassy of Azerbaijan in "
                         "Serbia (Ministry of Foreign Affairs)", "2020-11-10", "https://belgrade.mfa.gov.az/en/news/"
                         "statement-by-the-president-of-the-republic-of-azerbaijan-the-prime-minister-of-the-republic"
                         "-of-armenia-and-the-president-of-the-russian-federation-enru"),
    "ceasefire_1994": _src("16 years passed since armistice in Nagorno Karabakh conflict zone (ArmInfo)",
                           "ArmInfo via armenianclub.com", "2010-05-12",
                           "https://armenianclub.com/2010/05/13/16-years-passed-since-armistice-in-nagorno-karabakh-"
                           "conflict-zone"),
    "bishkek_wiki": _src("Bishkek Protocol", "Wikipedia", "not shown", "https://en.wikipedia.org/wiki/Bishkek_Protocol"),
    "territories_wiki": _src("Armenian-occupied territories surrounding Nagorno-Karabakh", "Wikipedia (kiwix mirror, "
                             "snapshot of October 2023)", "2023-10", "https://wiki.outremer.quest/content/"
                             "wikipedia_en_all_maxi_2023-10/A/Armenian-controlled_territories_surrounding_Nagorno-Karabakh"),
    "tass_2022": _src("[Pashinyan: Azerbaijan is trying to level the November 9, 2020 trilateral statement]",
                      "TASS", "2022-09-13", "https://tass.com/world/1506677"),
    "lachin_wikimili": _src("Lachin corridor", "WikiMili (Wikipedia mirror)", "not shown",
                            "https://wikimili.com/en/Lachin_corridor"),
    "lachin_kiwix": _src("Lachin corridor", "Wikipedia (kiwix mirror, snapshot of February 2024)", "2024-02",
                         "https://kiwix.lema.org/wikipedia_en_all_mini_2024-02/A/Lachin_corridor"),
    "hakari": _src("Azerbaijan sets up checkpoint on the only road to disputed Nagorno-Karabakh", "Warsaw Point",
                   "2023-04-23", "https://warsawpoint.com/news/51251-azerbaijan-sets-up-checkpoint-on-the-only-road-"
                   "to-disputed-nagorno-karabakh.html"),
    "intellinews_nkr": _src("Nagorno-Karabakh Republic dissolves itself", "bne IntelliNews", "2023-09-28",
                            "https://www.intellinews.com/nagorno-karabakh-republic-dissolves-itself-294618"),
    "straits_nkr": _src("Nagorno-Karabakh republic will cease to exist from Jan 1, 2024: Nagorno-Karabakh authorities",
                        "The Straits Times", "2023-09-28", "https://www.straitstimes.com/asia/nagorno-karabakh-"
                        "republic-will-cease-to-exist-from-jan-1-2024-nagorno-karabakh-authorities"),
    "tass_nkr": _src("Kremlin stresses importance of developing transport links for Russia, Armenia, Azerbaijan",
                     "TASS", "2023-09-29", "https://tass.com/politics/1682289"),
    "peacekeepers": _src("[Armenian plans to leave key security alliance; Russian peacekeepers' withdrawal complete]",
                         "Hürriyet Daily News", "2024-06 (inferred)",
                         "https://hurriyetdailynews.com/amp/armenian-plans-to-leave-key-security-alliance-197419"),
    "tass_villages": _src("[Azerbaijani border guards take control of four Gazakh villages]", "TASS", "2024-05-24",
                          "https://tass.com/world/1792675"),
    "azernews_villages": _src("[Azerbaijani border guards take control of four villages in Gazakh]", "AzerNews",
                              "2024-05-24", "https://www.azernews.az/nation/226488.html"),
    "admin1": _src("world_map.gpkg, states_provinces layer (Natural Earth admin-1)", "QGIS (Debian package "
                   "qgis-common 3.22)", "2023-02", "https://packages.debian.org/bookworm/qgis-common"),
}

ACC_DISTRICTS_EN = ("Approximate: drawn by the project as a union of today's Azerbaijani districts (Natural Earth "
                    "admin-1 in qgis-common), not from a map of the line itself; where a district was only partly "
                    "held it is cut by a straight-segment line between towns the sources place on either side. Expect "
                    "errors of 10–20 km along the edges.")
ACC_DISTRICTS_AR = ("تقريبي: رسمه المشروع بضمّ المقاطعات الأذربيجانية الحالية (طبقة Natural Earth للتقسيمات الإدارية "
                    "في حزمة qgis-common)، لا من خريطة للخط نفسه؛ وحيث كانت المقاطعة تحت السيطرة جزئيًّا قُطعت بخط "
                    "مستقيم القطع بين بلدات تضعها المصادر على جانبيه. يُتوقع خطأ بين 10 و20 كم على الأطراف.")
ACC_NOTE_EN = ("A dated note, not an area: the point only marks Khankendi/Stepanakert so the note has a place "
               "on the map.")
ACC_NOTE_AR = "ملاحظة مؤرخة لا منطقة: النقطة تشير إلى خانكندي/ستيباناكيرت فقط كي يكون للملاحظة مكان على الخريطة."


def _feature(fid, name_en, name_ar, kind, status, dates, desc_en, desc_ar, sources, acc_en, acc_ar, geom,
             aliases_en=(), aliases_ar=(), not_variants_ar=()):
    props = {"id": fid, "layer": LAYER_ID, "name_en": name_en, "name_ar": name_ar,
             "aliases_en": list(aliases_en), "aliases_ar": list(aliases_ar), "kind": kind, "status": status,
             "dates": dates, "description_en": desc_en, "description_ar": desc_ar,
             "sources": [SRC[s] for s in sources], "accuracy": acc_en, "accuracy_en": acc_en,
             "accuracy_ar": acc_ar, "part_of": None, "label_lonlat": None}
    if not_variants_ar:  # common words sharing a name's skeleton (tests/bench/variant_collisions.py)
        props["not_variants_ar"] = list(not_variants_ar)
    return {"type": "Feature", "id": fid, "properties": props, "geometry": geom}


def _districts(inp) -> dict[str, object]:
    """Azerbaijani admin-1 polygons by name. world_map.gpkg labels Lachin district 'Lankaran' (three
    units carry that name; Lachin's is the one west of 47° E), so it is picked out by position here."""
    out: dict[str, list] = {}
    for name, admin, geom in zip(inp.admin1["name"], inp.admin1["admin"], inp.admin1.geometry, strict=True):
        if admin != "Azerbaijan":
            continue
        if name == "Lankaran" and geom.centroid.x < 47.0:
            name = "Laçın"
        out.setdefault(name, []).append(geom)
    return {k: unary_union(v) for k, v in out.items()}


def _west_of(line, lat_min=38.5, lat_max=41.0, lon_min=44.5):
    ring = [(lon_min, lat_max), (line[0][0], lat_max), *line, (line[-1][0], lat_min), (lon_min, lat_min)]
    return Polygon(ring)


def _clean(g, mainland):
    g = g.intersection(mainland).buffer(0)
    m = _tr(_fwd, g).simplify(SIMPLIFY_M).buffer(0)
    g = _tr(_inv, m)
    return shapely.set_precision(g, 10 ** -DIGITS)


def _corridor(line, mainland):
    band = _tr(_fwd, LineString(line)).buffer(CORRIDOR_WIDTH_M / 2, cap_style="flat")
    return _clean(_tr(_inv, band), mainland)


def geometries(inp) -> dict[str, object]:
    d = _districts(inp)
    mainland = inp.az_mainland
    west = _west_of(LINE_1994)
    nkao = unary_union([d["Xocalı"], d["Xocavənd"], d["Şuşa"], d["Stepanakert"], d["Tərtər"]])
    belt = unary_union([d["Kəlbəcər"], d["Laçın"], d["Qubadli"], d["Zəngilan"], d["Cəbrayıl"], d["Füzuli"],
                        d["Ağdam"]])
    prewar = _clean(unary_union([nkao, belt]).intersection(west), mainland)
    north = Polygon([(44.5, SOUTH_2020_LAT), (48.0, SOUTH_2020_LAT), (48.0, 41.0), (44.5, 41.0)])
    held_2020 = unary_union([d["Xocalı"], d["Xocavənd"], d["Stepanakert"], d["Tərtər"]])
    held_2020 = held_2020.intersection(west).intersection(north).difference(d["Şuşa"])
    c2020 = _corridor(CORRIDOR_2020, mainland)
    c2022 = _corridor(CORRIDOR_2022, mainland)
    return {
        "control-1994-2020": prewar,
        "control-2020-2023": _clean(held_2020, mainland),
        "control-aghdam-2020": _clean(d["Ağdam"].intersection(west), mainland),
        "control-kalbajar-2020": _clean(d["Kəlbəcər"], mainland),
        "control-lachin-2020": _clean(d["Laçın"].difference(_tr(_inv, _tr(_fwd, c2020).buffer(1))), mainland),
        "lachin-corridor-2020": c2020,
        "lachin-corridor-2022": c2022,
    }


def _note_point(inp):
    return Point(46.7528, 39.8177)  # Khankendi/Stepanakert, GeoNames 146970


def build(inp, out_dir: Path) -> int:
    """Write control.geojson into ``out_dir``; returns the number of features."""
    g = geometries(inp)
    places = json.loads((out_dir / "places.geojson").read_text(encoding="utf-8"))
    village_pts = {f["properties"]["id"]: f["geometry"]["coordinates"] for f in places["features"]
                   if f["properties"]["id"] in VILLAGES}
    az = inp.countries["AZE"]
    villages = unary_union([_tr(_inv, _tr(_fwd, Point(*village_pts[v])).buffer(VILLAGE_RADIUS_M))
                            for v in VILLAGES])
    villages = shapely.set_precision(_tr(_inv, _tr(_fwd, villages).simplify(50)), 10 ** -DIGITS)
    note = mapping(_note_point(inp))
    feats = [
        _feature("control-1994-2020", "Held by Karabakh Armenian forces, 1994–2020",
                 "منطقة سيطرة القوات الأرمنية في قره باغ، 1994–2020", "control-area", "historical",
                 {"from": "1994-05-12", "to": "2020-09-27"},
                 "From the ceasefire of 12 May 1994 until the war of 27 September 2020, Karabakh Armenian forces held "
                 "most of the former Nagorno-Karabakh autonomous oblast and, wholly or in part, seven surrounding "
                 "districts that Azerbaijan and the UN Security Council resolutions treated as occupied Azerbaijani "
                 "territory; Armenian sides called them a security belt.",
                 "منذ وقف إطلاق النار في 12 مايو 1994 حتى حرب 27 سبتمبر 2020 سيطرت القوات الأرمنية في قره باغ على معظم "
                 "إقليم ناغورنو كاراباخ ذاتي الحكم السابق، وعلى سبع مقاطعات محيطة به كليًّا أو جزئيًّا، عدّتها أذربيجان "
                 "وقرارات مجلس الأمن الدولي أراضي أذربيجانية محتلة، وسمّاها الجانب الأرمني «حزامًا أمنيًّا».",
                 ["ceasefire_1994", "bishkek_wiki", "territories_wiki", "admin1"], ACC_DISTRICTS_EN, ACC_DISTRICTS_AR,
                 mapping(g["control-1994-2020"])),
        _feature("control-war-2020", "Second Karabakh war (front line not drawn)",
                 "حرب قره باغ الثانية (خط الجبهة غير مرسوم)", "note", "historical",
                 {"from": "2020-09-27", "to": "2020-11-10"},
                 "Fighting from 27 September to 9 November 2020 moved the front line day by day; the map does not "
                 "draw it. The ceasefire statement took effect on 10 November 2020.",
                 "غيّر القتال بين 27 سبتمبر و9 نوفمبر 2020 خط الجبهة يومًا بعد يوم، والخريطة لا ترسمه. ودخل بيان وقف "
                 "إطلاق النار حيز التنفيذ في 10 نوفمبر 2020.",
                 ["tass_2022", "statement"], ACC_NOTE_EN, ACC_NOTE_AR, note),
        _feature("control-2020-2023", "Left to the Karabakh Armenian authorities, Nov 2020 – Sep 2023",
                 "المنطقة المتبقية بيد السلطات الأرمنية في قره باغ، نوفمبر 2020 – سبتمبر 2023", "control-area",
                 "historical", {"from": "2020-11-10", "to": "2023-09-20"},
                 "Under the statement of 10 November 2020 the sides stopped where they stood and Russian peacekeepers "
                 "deployed along the line of contact. The Karabakh Armenian authorities kept Stepanakert (Khankendi), "
                 "Askeran, Martakert and Martuni; Shusha, Hadrut and the districts to the south had been taken by "
                 "Azerbaijan in the war.",
                 "بموجب بيان 10 نوفمبر 2020 توقف الطرفان عند مواقعهما، وانتشرت قوات حفظ سلام روسية على خط التماس. "
                 "واحتفظت السلطات الأرمنية في قره باغ بستيباناكيرت (خانكندي) وأسكيران ومارتاكيرت ومارتوني، بعد أن "
                 "استعادت أذربيجان في الحرب شوشا وهادروت والمقاطعات الواقعة إلى الجنوب.",
                 ["statement", "statement_az", "tass_2022", "territories_wiki", "admin1"],
                 ACC_DISTRICTS_EN + " The southern edge is a straight line at 39.66° N.",
                 ACC_DISTRICTS_AR + " والحد الجنوبي خط مستقيم عند خط العرض 39.66° شمالًا.",
                 mapping(g["control-2020-2023"]), ["line of contact"], ["خط التماس"]),
        _feature("control-aghdam-2020", "Aghdam district, returned 20 Nov 2020",
                 "مقاطعة أغدام، أعيدت في 20 نوفمبر 2020",
                 "control-area", "historical", {"from": "2020-11-10", "to": "2020-11-20"},
                 "Point 2 of the 2020 statement: the Aghdam district returned to Azerbaijan by 20 November 2020.",
                 "البند الثاني من بيان 2020: إعادة مقاطعة أغدام إلى أذربيجان بحلول 20 نوفمبر 2020.",
                 ["statement", "territories_wiki", "admin1"], ACC_DISTRICTS_EN, ACC_DISTRICTS_AR,
                 mapping(g["control-aghdam-2020"]), ["Aghdam", "Aghdam district"], ["أغدام", "مقاطعة أغدام"],
                 # "aqdam", feet/boldness: wordfreq Arabic rank 9,643 (6,949 with the article)
                 not_variants_ar=["أقدام"]),
        _feature("control-kalbajar-2020", "Kalbajar district, returned 25 Nov 2020",
                 "مقاطعة كلبجر، أعيدت في 25 نوفمبر 2020", "control-area", "historical",
                 {"from": "2020-11-10", "to": "2020-11-25"},
                 "Point 6 of the 2020 statement set 15 November 2020 for the return of Kalbajar; the handover took "
                 "place on 25 November after the deadline was extended.",
                 "حدد البند السادس من بيان 2020 يوم 15 نوفمبر 2020 موعدًا لإعادة كلبجر، وجرى التسليم في 25 نوفمبر بعد "
                 "تمديد المهلة.",
                 ["statement", "territories_wiki", "admin1"], ACC_DISTRICTS_EN, ACC_DISTRICTS_AR,
                 mapping(g["control-kalbajar-2020"]), ["Kalbajar", "Kalbajar district"],
                 ["كلبجر", "مقاطعة كلبجر"]),
        _feature("control-lachin-2020", "Lachin district, returned 1 Dec 2020", "مقاطعة لاتشين، أعيدت في 1 ديسمبر 2020",
                 "control-area", "historical", {"from": "2020-11-10", "to": "2020-12-01"},
                 "Point 6 of the 2020 statement: the Lachin district returned to Azerbaijan by 1 December 2020, "
                 "except the 5 km corridor.",
                 "البند السادس من بيان 2020: إعادة مقاطعة لاتشين إلى أذربيجان بحلول 1 ديسمبر 2020، باستثناء الممر "
                 "بعرض 5 كم.",
                 ["statement", "territories_wiki", "admin1"],
                 ACC_DISTRICTS_EN + " In world_map.gpkg this district is mislabelled 'Lankaran'.",
                 ACC_DISTRICTS_AR + " وهذه المقاطعة مسماة خطأً «لنكران» في ملف world_map.gpkg.",
                 mapping(g["control-lachin-2020"]), ["Lachin district"], ["لاتشين", "مقاطعة لاتشين"]),
        _feature("lachin-corridor-2020", "Lachin corridor (via Lachin town), 2020–2022",
                 "ممر لاتشين (عبر بلدة لاتشين)، 2020–2022", "corridor", "historical",
                 {"from": "2020-11-10", "to": "2022-08-30"},
                 "Point 6 of the 2020 statement: a 5 km wide Lachin corridor, bypassing Shusha and controlled by "
                 "Russian peacekeepers, linked Karabakh with Armenia; Azerbaijan guaranteed safe traffic along it.",
                 "البند السادس من بيان 2020: ممر لاتشين بعرض 5 كم، يتجنب شوشا وتتولى قوات حفظ السلام الروسية السيطرة "
                 "عليه، يربط قره باغ بأرمينيا، وتضمن أذربيجان سلامة الحركة عليه.",
                 ["statement", "statement_az", "lachin_kiwix"],
                 "Schematic: a 5 km band around straight segments from Kornidzor through Lachin town to Stepanakert, "
                 "not the road's surveyed line; expect errors of about 5 km.",
                 "تخطيطي: شريط بعرض 5 كم حول خطوط مستقيمة من كورنيدزور عبر بلدة لاتشين إلى ستيباناكيرت، لا المسار "
                 "المساحي للطريق؛ يُتوقع خطأ بنحو 5 كم.",
                 mapping(g["lachin-corridor-2020"]), ["Lachin corridor"], ["ممر لاتشين"]),
        _feature("lachin-corridor-2022", "Lachin corridor (new road), 2022–2023",
                 "ممر لاتشين (الطريق الجديد)، 2022–2023",
                 "corridor", "historical", {"from": "2022-08-30", "to": "2023-09-20"},
                 "On 26 August 2022 Lachin, Zabukh and Sus passed to Azerbaijan and on 30 August a new road south of "
                 "Lachin town took the corridor's traffic. Its blockade began on 12 December 2022, and on 23 April "
                 "2023 Azerbaijan set up a checkpoint at the Hakari bridge at its Armenian end.",
                 "في 26 أغسطس 2022 انتقلت لاتشين وزابوخ وسوس إلى أذربيجان، وفي 30 أغسطس تحولت حركة الممر إلى طريق "
                 "جديد جنوب بلدة لاتشين. وبدأ حصاره في 12 ديسمبر 2022، وفي 23 أبريل 2023 أقامت أذربيجان نقطة تفتيش عند "
                 "جسر هكاري في طرفه المحاذي لأرمينيا.",
                 ["lachin_wikimili", "lachin_kiwix", "hakari"],
                 "Schematic: the sources name the villages the new road passes (Mets Shen, Hin Shen) but give no line; "
                 "this 5 km band is placed south of Lachin town by the project, with errors of about 5 km.",
                 "تخطيطي: تذكر المصادر القرى التي يمر بها الطريق الجديد (ميتس شين وهين شين) دون مساره؛ وضع المشروع "
                 "هذا الشريط بعرض 5 كم جنوب بلدة لاتشين، مع خطأ بنحو 5 كم.",
                 mapping(g["lachin-corridor-2022"]), ["Lachin corridor"], ["ممر لاتشين"]),
        _feature("control-offensive-2023", "Sep 2023: Azerbaijani offensive, exodus, dissolution decree",
                 "سبتمبر 2023: الهجوم الأذربيجاني والنزوح ومرسوم الحل", "note", "historical",
                 {"from": "2023-09-19", "to": "2024-01-01"},
                 "Azerbaijan launched an offensive on 19 September 2023 (Baku called it local anti-terrorist measures; "
                 "Yerevan called it large-scale aggression); a ceasefire followed on 20 September. On 28 September the "
                 "Karabakh Armenian leader decreed the dissolution of the NKR's institutions from 1 January 2024, and "
                 "nearly all of the roughly 120,000 inhabitants left for Armenia.",
                 "شنت أذربيجان هجومًا في 19 سبتمبر 2023 (وصفته باكو بأنه «إجراءات محلية لمكافحة الإرهاب» ووصفته يريفان "
                 "بأنه «عدوان واسع النطاق»)، وتلاه وقف لإطلاق النار في 20 سبتمبر. وفي 28 سبتمبر أصدر زعيم أرمن قره باغ "
                 "مرسومًا بحل مؤسسات «جمهورية ناغورنو كاراباخ» اعتبارًا من 1 يناير 2024، وغادر نحو أرمينيا جميع السكان "
                 "تقريبًا، وعددهم قرابة 120 ألفًا.",
                 ["intellinews_nkr", "straits_nkr", "tass_nkr"], ACC_NOTE_EN, ACC_NOTE_AR, note),
        _feature("control-nkr-dissolved", "NKR institutions dissolved (from 1 Jan 2024)",
                 "حل مؤسسات «جمهورية ناغورنو كاراباخ» (من 1 يناير 2024)", "note", "existing", {"from": "2024-01-01"},
                 "The decree of 28 September 2023 took effect on 1 January 2024; Azerbaijan controls the whole area. "
                 "Russian peacekeepers completed their withdrawal on 12 June 2024, as Baku announced.",
                 "دخل مرسوم 28 سبتمبر 2023 حيز التنفيذ في 1 يناير 2024، وتسيطر أذربيجان على المنطقة كلها. وأكملت قوات "
                 "حفظ السلام الروسية انسحابها في 12 يونيو 2024 بحسب ما أعلنته باكو.",
                 ["intellinews_nkr", "straits_nkr", "peacekeepers"], ACC_NOTE_EN, ACC_NOTE_AR, note),
        _feature("control-gazakh-villages-2024", "Four Gazakh villages, Azerbaijani control from 24 May 2024",
                 "أربع قرى في قازاخ تحت السيطرة الأذربيجانية منذ 24 مايو 2024", "village-area", "existing",
                 {"from": "2024-05-24"},
                 "Under a delimitation agreed on 19 April and a protocol signed on 15 May 2024 (based on 1976 Soviet "
                 "maps), Azerbaijan's border service took control of Baghanis Ayrum, Ashagi Askipara, Kheyrimli and "
                 "Gizilhajili on 24 May 2024: a 12.7 km border section and 6.5 km² in all.",
                 "بموجب ترسيم اتُّفق عليه في 19 أبريل وبروتوكول وُقّع في 15 مايو 2024 (استنادًا إلى خرائط سوفيتية من "
                 "عام 1976)، تولى حرس الحدود الأذربيجاني في 24 مايو 2024 السيطرة على باغانيس أيروم وآشاغي أسكيبارا "
                 "وخيريملي وقيزيلحاجيلي: مقطع حدودي طوله 12.7 كم ومساحة إجمالية 6.5 كم².",
                 ["tass_villages", "azernews_villages"],
                 "Approximate: a 0.7 km disc around each village point (two of the four points are estimates), about "
                 "the 6.5 km² handed over in all; the real border section is a 12.7 km strip, not four discs.",
                 "تقريبي: دائرة نصف قطرها 0.7 كم حول نقطة كل قرية (نقطتان من الأربع تقديريتان)، تقارب مساحتها "
                 "الإجمالية 6.5 كم² المسلّمة؛ أما المقطع الحدودي الفعلي فشريط طوله 12.7 كم لا أربع دوائر.",
                 mapping(villages)),
    ]
    for f in feats:
        geom = shapely.geometry.shape(f["geometry"])
        if not geom.is_valid or geom.is_empty:
            raise SystemExit(f"control: {f['id']} has an invalid or empty geometry")
        if not az.buffer(0.01).contains(geom):
            raise SystemExit(f"control: {f['id']} lies outside Azerbaijan")
        rp = geom.representative_point()
        f["properties"]["label_lonlat"] = [round(rp.x, DIGITS), round(rp.y, DIGITS)]
    fc = {"type": "FeatureCollection", "name": LAYER_ID, "crs_note": "EPSG:4326 (GeoJSON RFC 7946 lon/lat)",
          "about": "Dated states of territorial control; see geodata/control.py for the from/to semantics.",
          "features": feats}
    text = json.dumps(fc, ensure_ascii=False, separators=(",", ":"))
    (out_dir / "control.geojson").write_text(text + "\n", encoding="utf-8")
    return len(feats)
