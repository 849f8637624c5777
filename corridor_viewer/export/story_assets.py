"""CSS and JavaScript of the student story page (export/story.py), inlined: no CDN, no web fonts.

Layout: on a wide screen (a laptop, a projector) the map and the slide's text sit side by side, the text
panel on the reading end (CSS grid follows the page direction, so Arabic mirrors by itself) and the
navigation bar below; text sizes grow with the screen so a 4K projector reads like a 1080p one. On a phone
(up to 720 px) the page is one column — map, then text — with the navigation bar fixed at the bottom, and
nothing is wider than the screen.

Script: the slide's map is rebuilt from the embedded data at every step (one Leaflet map at a time; the
labels, controls and scale come from export/web_assets.py's cvPage). Keys: the arrows step in the reading
direction (→ is "next" in English, ← in Arabic), PageDown / Space first scroll a slide whose text overflows
and then step (clicker remotes send PageDown), Home / End, Q for the quiz, Escape leaves it. A horizontal
swipe on the text steps too. The quiz scores a click exactly as model/quiz.py does: inside an area is right;
otherwise the nearest point of the feature is found on an azimuthal equidistant plane centred on the click
and the distance measured on the WGS84 ellipsoid (Vincenty's inverse formula).
"""

from __future__ import annotations

STORY_CSS = r"""
html{font-size:clamp(15px,calc(.55vw + 9px),30px)}
html,body{overscroll-behavior-x:none}  /* a sideways swipe steps the story, never the browser's history */
body{grid-template-columns:minmax(0,1fr) clamp(320px,36vw,900px);grid-template-rows:auto minmax(0,1fr) auto;
  grid-template-areas:"top top" "map panel" "nav nav"}
.cv-top{grid-area:top;display:flex;flex-wrap:wrap;align-items:baseline;gap:.2rem 1.2rem;padding:.45rem 1.2rem;
  border-bottom:1px solid #d8d5cc}
.cv-top h1{margin:0;font-size:1.1rem;line-height:1.25;overflow-wrap:anywhere}
.cv-asof{margin:0;font-size:.85rem;color:#5b5b5b}
.cv-map{grid-area:map;position:relative;min-width:0;min-height:0}
.cv-leaflet{position:absolute;inset:0}
.cv-panel{grid-area:panel;min-width:0;overflow-y:auto;overscroll-behavior:contain;
  border-inline-start:1px solid #d8d5cc;padding:.9rem 1.4rem 1.4rem;outline:none}
.cv-panel h2{margin:.1rem 0 .25rem;font-size:1.55rem;line-height:1.2;overflow-wrap:anywhere}
.cv-panel h3{margin:1.1rem 0 .35rem;font-size:.95rem;color:#444}
.cv-count{margin:0;font-size:.8rem;color:#6b6b6b;text-transform:uppercase;letter-spacing:.04em}
html[lang=ar] .cv-count{text-transform:none;letter-spacing:0}
.cv-date{margin:0 0 .5rem;font-size:.9rem;color:#5b5b5b}
.cv-caption{font-size:1.22rem;line-height:1.5;margin:.4rem 0 .6rem;overflow-wrap:anywhere}
.cv-quote{margin:.7rem 0;padding:.55rem .85rem .6rem;background:#f6f4ef;border-inline-start:4px solid #d62828}
.cv-quote blockquote{margin:0}
.cv-quote blockquote p{margin:0;font-size:1.02rem;line-height:1.55;overflow-wrap:anywhere}
.cv-quote figcaption{margin-top:.4rem;font-size:.82rem;line-height:1.4;color:#4d4d4d;overflow-wrap:anywhere}
.cv-quote cite{font-style:normal}
.cv-genre{display:inline-block;margin-inline-end:.3em;padding:0 .4em;border-radius:3px;font-weight:700;
  background:#fde7c8;color:#6b3d00}
.cv-g-news{background:#e3eef7;color:#1d4a6e}
.cv-nontr{margin:.3rem 0 0;font-size:.8rem;color:#7a4b00}
.cv-panel details{margin-top:.35rem;font-size:.88rem}
.cv-panel details summary{cursor:pointer;color:#1d4a6e}
.cv-panel details p{margin:.3rem 0;line-height:1.5;overflow-wrap:anywhere}
.cv-ours{font-size:.78rem;color:#666}
.cv-panel .cv-legend{grid-area:auto;border:0;padding:0;margin-top:1rem;font-size:.85rem;overflow:visible}
.cv-panel .cv-keys{flex-direction:row;flex-wrap:wrap;gap:5px 14px}
.cv-sources ul{margin:0;padding:0;list-style:none;font-size:.8rem;line-height:1.45;color:#444}
.cv-sources li{margin:.25rem 0;overflow-wrap:anywhere}
.cv-sources a{color:#1d4a6e}
.cv-foot{grid-area:auto;border-top:1px solid #d8d5cc;margin-top:1.2rem;padding:.6rem 0 0}
.cv-hint{color:#6b6b6b;margin-top:.3rem!important}
.cv-nav{grid-area:nav;display:flex;align-items:center;gap:.5rem;padding:.45rem 1rem;border-top:1px solid #d8d5cc;
  background:#f7f6f2;min-width:0}
.cv-nav select{flex:1 1 auto;min-width:0;max-width:30rem;font:inherit;font-size:.9rem;padding:.25rem}
.cv-counter{font-size:.9rem;color:#444;white-space:nowrap}
.cv-btn{font:inherit;font-size:.95rem;padding:.35rem .85rem;border:1px solid #8c8a84;border-radius:6px;
  background:#fff;color:#1a1a1a;cursor:pointer;white-space:nowrap}
.cv-btn:disabled{opacity:.45;cursor:default}
.cv-btn.cv-primary{background:#1d4a6e;border-color:#1d4a6e;color:#fff}
.cv-btn:focus-visible,.cv-nav select:focus-visible{outline:3px solid #ffb000;outline-offset:1px}
.cv-quizb{margin-inline-start:auto}.cv-short{display:none}
.cv-prompt{font-size:1.5rem;font-weight:700;margin:.4rem 0}
.cv-qhint{color:#555;font-size:.9rem}
.cv-result{font-size:1.2rem;font-weight:700;min-height:1.4em;margin:.6rem 0 .2rem}
.cv-result.cv-right{color:#1b6b2a}.cv-result.cv-wrong{color:#a61b1b}
.cv-quiz .cv-note{font-size:.95rem;line-height:1.5;color:#333}
.cv-score{font-size:1rem;font-weight:700}
.cv-qbtns{display:flex;flex-wrap:wrap;gap:.5rem}
.cv-answer-tip{font-size:.95rem;font-weight:700}
body.cv-quizmode .cv-map .leaflet-container{cursor:crosshair}
.cv-map .leaflet-control-zoom a{width:calc(30px*var(--cv-k,1));height:calc(30px*var(--cv-k,1));
  line-height:calc(30px*var(--cv-k,1));font-size:calc(22px*var(--cv-k,1))}
.cv-map .leaflet-control-scale-line{font-size:calc(11px*var(--cv-k,1))}
@media (max-width:720px){
  html{font-size:15px}
  body{display:block;height:auto;overflow-x:hidden;overflow-y:auto;padding-bottom:3.4rem}
  .cv-top{padding:.4rem .75rem}.cv-top h1{font-size:1rem}
  .cv-map{height:46vh;height:46svh;min-height:250px}
  .cv-panel{border:0;overflow:visible;padding:.7rem .85rem 1rem}
  .cv-panel h2{font-size:1.3rem}.cv-caption{font-size:1.05rem}
  .cv-nav{position:fixed;left:0;right:0;bottom:0;z-index:1000;padding:.4rem .5rem;gap:.35rem}
  .cv-nav select{display:none}
  .cv-btn{padding:.35rem .6rem;font-size:.9rem}
  .cv-long{display:none}.cv-short{display:inline}
  .cv-prompt{font-size:1.25rem}
}
@media (min-width:1800px){.cv-panel{padding:1.2rem 1.8rem}}
"""

STORY_JS = r"""
(function () {
'use strict';
var D = JSON.parse(document.getElementById('cv-data').textContent);
var slides = [].slice.call(document.querySelectorAll('.cv-slide'));
var slot = document.getElementById('cv-map'), panel = document.getElementById('cv-panel');
var quizBox = document.getElementById('cv-quiz');
var prev = document.getElementById('cv-prev'), next = document.getElementById('cv-next');
var toc = document.getElementById('cv-toc'), counter = document.getElementById('cv-counter');
var quizBtn = document.getElementById('cv-quiz-btn');
var map = null, cur = -1, mode = 'story';

function newMap() {
  if (map) { map.remove(); map = null; }
  while (slot.firstChild) { slot.removeChild(slot.firstChild); }
  var el = document.createElement('div');
  el.className = 'cv-leaflet';
  slot.appendChild(el);
  map = L.map(el, {zoomControl: false, attributionControl: false, keyboard: false, zoomSnap: 0.25,
                   zoomDelta: 0.5, tap: true});
  map.createPane('cvHalo').style.zIndex = 440;
  map.createPane('cvHaloTop').style.zIndex = 445;
  map.getPane('cvHalo').style.pointerEvents = 'none';
  map.getPane('cvHaloTop').style.pointerEvents = 'none';
  return map;
}

function feature(fid, props) { return {type: 'Feature', geometry: D.feats[fid], properties: props}; }

// A screen larger than 1920×1080 CSS px (a 4K projector without display scaling) draws the map's names,
// lines and symbols larger by the same factor, as the app's presentation does: readable from the back row.
var K = 1;
function scaleFor() {
  K = Math.max(1, Math.min(2.5, Math.min(window.innerWidth / 1920, window.innerHeight / 1080)));
  document.documentElement.style.setProperty('--cv-k', String(K));
  return K;
}
function scaled(o, keys) {
  if (K === 1 || !o) { return o; }
  var c = {};
  Object.keys(o).forEach(function (k) { c[k] = keys.indexOf(k) >= 0 && typeof o[k] === 'number' ? o[k] * K : o[k]; });
  if (c.dashArray) {
    c.dashArray = String(c.dashArray).split(',').map(function (v) { return parseFloat(v) * K; }).join(',');
  }
  return c;
}

function drawLayers(draw, interactive) {
  var groups = {};
  draw.forEach(function (entry) {
    var fc = {type: 'FeatureCollection', features: entry[1].map(function (it) {
      return feature(it[0], {id: it[0], s: it[1], marker: it[2] >= 0 ? scaled(D.markers[it[2]], ['size', 'sw']) : null,
                             popup: it[3] >= 0 ? D.strs[it[3]] : null, name: D.strs[it[4]]});
    })};
    var gj = L.geoJSON(fc, {
      style: function (f) { return scaled(D.styles[f.properties.s], ['weight', 'radius']); },
      pointToLayer: window.cvPoint,
      interactive: interactive,
      onEachFeature: interactive ? function (f, layer) { if (f.properties.popup) { window.cvFeature(f, layer); } }
                                 : null
    });
    groups[entry[0]] = L.layerGroup([gj]).addTo(map);
  });
  return groups;
}

function halo(h) {  // over the layers (render.paint draws it after them), then the feature again on top
  var fid = h[0], width = h[1] * K, kind = h[2], st = scaled(h[3], ['weight', 'radius']);
  var marker = scaled(h[4], ['size', 'sw']);
  L.geoJSON(feature(fid, {}), {
    style: function (f) {  // (L.geoJSON also styles the circle pointToLayer makes: points keep their own)
      if (f.geometry.type === 'Point') { return {}; }
      return {color: '#ffb000', opacity: 0.75, weight: width, fill: false, lineCap: 'round', lineJoin: 'round',
              interactive: false, pane: 'cvHalo'};
    },
    pointToLayer: function (f, ll) {
      return L.circleMarker(ll, {radius: width, stroke: false, fillColor: '#ffb000', fillOpacity: 0.75,
                                 interactive: false, pane: 'cvHalo'});
    }
  }).addTo(map);
  var again = {};
  Object.keys(st).forEach(function (k) { again[k] = st[k]; });
  again.interactive = false; again.pane = 'cvHaloTop';
  if (kind === 'polygon') { again.fill = false; again.weight = Math.max(st.weight || 0, 1.5); again.stroke = true; }
  L.geoJSON(feature(fid, {marker: marker}), {
    style: function () { return again; },
    pointToLayer: function (f, ll) {
      if (marker && marker.shape !== 'circle') { return window.cvPoint(f, ll); }  // markerPane: above already
      return L.circleMarker(ll, again);
    }
  }).addTo(map);
}

function show(i, opts) {
  opts = opts || {};
  i = Math.max(0, Math.min(slides.length - 1, i));
  if (mode === 'quiz') { leaveQuiz(true); }
  slides.forEach(function (s, k) { s.hidden = k !== i; });
  cur = i;
  var sc = D.scenes[i];
  scaleFor();
  newMap();
  var groups = drawLayers(sc.draw, true);
  sc.halo.forEach(halo);
  window.cvPage(map, {rtl: D.rtl, lang: D.lang, bounds: sc.bounds, collapse_layers: true,
                      labels: sc.labels.map(function (k) { return scaled(D.labels[k], ['px', 'gap']); }),
                      layers: sc.draw.map(function (e) { return {id: e[0], name: D.layers[e[0]] || e[0]}; }),
                      words: D.map_words, annotations: sc.notes}, groups);
  counter.textContent = fmt(D.words.counter, {i: i + 1, n: slides.length});
  toc.value = String(i);
  prev.disabled = i === 0;
  next.disabled = i === slides.length - 1;
  panel.scrollTop = 0;
  if (opts.scroll !== false && window.matchMedia('(max-width: 720px)').matches) { window.scrollTo(0, 0); }
  if (history.replaceState) { history.replaceState(null, '', '#' + sc.id); }
  document.documentElement.dataset.cvScene = sc.id;
}

function scroller() {
  if (panel.scrollHeight > panel.clientHeight + 2 && getComputedStyle(panel).overflowY !== 'visible') { return panel; }
  return document.scrollingElement || document.documentElement;
}

// PageDown / Space: read on first, then step (a clicker cannot scroll a long passage any other way).
function pageOrStep(dir) {
  var el = scroller(), room = el === panel ? panel.clientHeight : window.innerHeight;
  var atEnd = el.scrollTop + room >= el.scrollHeight - 4, atTop = el.scrollTop <= 2;
  if (dir > 0 && !atEnd) { el.scrollTop += Math.round(room * 0.85); return; }
  if (dir < 0 && !atTop) { el.scrollTop -= Math.round(room * 0.85); return; }
  show(cur + dir);
}

document.addEventListener('keydown', function (e) {
  if (e.altKey || e.ctrlKey || e.metaKey) { return; }
  var t = e.target, tag = t && t.tagName;
  if (tag === 'SELECT' || tag === 'INPUT' || tag === 'TEXTAREA') { return; }
  var onControl = tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A';
  var forward = D.rtl ? 'ArrowLeft' : 'ArrowRight', back = D.rtl ? 'ArrowRight' : 'ArrowLeft';
  if (mode === 'quiz') {
    if (e.key === 'Escape') { leaveQuiz(); e.preventDefault(); }
    return;
  }
  if (e.key === forward) { show(cur + 1); }
  else if (e.key === back) { show(cur - 1); }
  else if (e.key === 'PageDown' || (e.key === ' ' && !onControl && !e.shiftKey)) { pageOrStep(1); }
  else if (e.key === 'PageUp' || (e.key === ' ' && !onControl && e.shiftKey)) { pageOrStep(-1); }
  else if (e.key === 'Home') { show(0); }
  else if (e.key === 'End') { show(slides.length - 1); }
  else if ((e.key === 'q' || e.key === 'Q') && quizBtn) { startQuiz(); }
  else { return; }
  e.preventDefault();
});
prev.addEventListener('click', function () { show(cur - 1); });
next.addEventListener('click', function () { show(cur + 1); });
toc.addEventListener('change', function () { show(parseInt(toc.value, 10)); });

// A horizontal swipe on the text (the map pans under the finger, so it is left to the map).
var touch = null;
[panel, document.querySelector('.cv-nav')].forEach(function (el) {
  el.addEventListener('touchstart', function (e) {
    touch = e.touches.length === 1 ? {x: e.touches[0].clientX, y: e.touches[0].clientY} : null;
  }, {passive: true});
  el.addEventListener('touchend', function (e) {
    if (!touch || mode !== 'story') { return; }
    var dx = e.changedTouches[0].clientX - touch.x, dy = e.changedTouches[0].clientY - touch.y;
    touch = null;
    if (Math.abs(dx) < 60 || Math.abs(dx) < 1.5 * Math.abs(dy)) { return; }
    var forward = D.rtl ? dx > 0 : dx < 0;  // the page moves the way the text reads
    show(cur + (forward ? 1 : -1));
  }, {passive: true});
});

// -- the quiz: the same questions, tolerances and scoring as model/quiz.py
var R = 6371008.8, A = 6378137.0, F = 1 / 298.257223563, B = A * (1 - F);
function rad(d) { return d * Math.PI / 180; }
function deg(r) { return r * 180 / Math.PI; }

function plane(lon0, lat0) {  // azimuthal equidistant on the sphere, centred on the click
  var p0 = rad(lat0), l0 = rad(lon0), s0 = Math.sin(p0), c0 = Math.cos(p0);
  return {
    fwd: function (lon, lat) {
      var p = rad(lat), dl = rad(lon) - l0, cp = Math.cos(p), sp = Math.sin(p);
      var cc = Math.max(-1, Math.min(1, s0 * sp + c0 * cp * Math.cos(dl))), c = Math.acos(cc);
      var k = c < 1e-12 ? 1 : c / Math.sin(c);
      return [R * k * cp * Math.sin(dl), R * k * (c0 * sp - s0 * cp * Math.cos(dl))];
    },
    inv: function (x, y) {
      var rho = Math.hypot(x, y);
      if (rho < 1e-9) { return [lon0, lat0]; }
      var c = rho / R, sc = Math.sin(c), cc = Math.cos(c);
      var lat = Math.asin(cc * s0 + y * sc * c0 / rho);
      var lon = l0 + Math.atan2(x * sc, rho * c0 * cc - y * s0 * sc);
      return [deg(lon), deg(lat)];
    }
  };
}

function rings(g) {  // [[ [lon,lat]... ]...]: every ring or line of a geometry
  var c = g.coordinates;
  switch (g.type) {
    case 'Point': return [[c]];
    case 'MultiPoint': case 'LineString': return [c];
    case 'MultiLineString': case 'Polygon': return c;
    case 'MultiPolygon': return [].concat.apply([], c);
  }
  return [];
}

function insideArea(g, lon, lat) {  // even-odd, so holes count
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') { return false; }
  var inside = false;
  rings(g).forEach(function (r) {
    for (var i = 0, j = r.length - 1; i < r.length; j = i++) {
      var p = r[i], q = r[j];
      if ((p[1] > lat) !== (q[1] > lat) && lon < (q[0] - p[0]) * (lat - p[1]) / (q[1] - p[1]) + p[0]) {
        inside = !inside;
      }
    }
  });
  return inside;
}

function nearest(g, lon, lat) {
  if (insideArea(g, lon, lat)) { return {inside: true, lon: lon, lat: lat}; }
  var pl = plane(lon, lat), best = null, bd = Infinity;
  rings(g).forEach(function (r) {
    var pts = r.map(function (c) { return pl.fwd(c[0], c[1]); });
    if (pts.length === 1) {
      var d1 = Math.hypot(pts[0][0], pts[0][1]);
      if (d1 < bd) { bd = d1; best = pts[0]; }
      return;
    }
    for (var k = 1; k < pts.length; k++) {
      var a = pts[k - 1], b = pts[k], dx = b[0] - a[0], dy = b[1] - a[1], len = dx * dx + dy * dy;
      var t = len ? Math.max(0, Math.min(1, -(a[0] * dx + a[1] * dy) / len)) : 0;
      var x = a[0] + t * dx, y = a[1] + t * dy, d = Math.hypot(x, y);
      if (d < bd) { bd = d; best = [x, y]; }
    }
  });
  var ll = pl.inv(best[0], best[1]);
  return {inside: false, lon: ll[0], lat: ll[1]};
}

function vincenty(lon1, lat1, lon2, lat2) {  // metres on WGS84
  var L1 = rad(lon2 - lon1), U1 = Math.atan((1 - F) * Math.tan(rad(lat1)));
  var U2 = Math.atan((1 - F) * Math.tan(rad(lat2)));
  var sU1 = Math.sin(U1), cU1 = Math.cos(U1), sU2 = Math.sin(U2), cU2 = Math.cos(U2);
  var lam = L1, prevLam, sS, cS, sig, sA, c2A, c2M, it = 0;
  do {
    var sl = Math.sin(lam), cl = Math.cos(lam);
    sS = Math.sqrt((cU2 * sl) * (cU2 * sl) + (cU1 * sU2 - sU1 * cU2 * cl) * (cU1 * sU2 - sU1 * cU2 * cl));
    if (sS === 0) { return 0; }
    cS = sU1 * sU2 + cU1 * cU2 * cl;
    sig = Math.atan2(sS, cS);
    sA = cU1 * cU2 * sl / sS;
    c2A = 1 - sA * sA;
    c2M = c2A ? cS - 2 * sU1 * sU2 / c2A : 0;
    var C = F / 16 * c2A * (4 + F * (4 - 3 * c2A));
    prevLam = lam;
    lam = L1 + (1 - C) * F * sA * (sig + C * sS * (c2M + C * cS * (-1 + 2 * c2M * c2M)));
  } while (Math.abs(lam - prevLam) > 1e-12 && ++it < 200);
  var u2 = c2A * (A * A - B * B) / (B * B);
  var Ak = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
  var Bk = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
  var dS = Bk * sS * (c2M + Bk / 4 * (cS * (-1 + 2 * c2M * c2M) - Bk / 6 * c2M * (-3 + 4 * sS * sS)
    * (-3 + 4 * c2M * c2M)));
  return B * Ak * (sig - dS);
}

function score(q, lon, lat) {
  var n = nearest(D.feats[q.fid], lon, lat);
  var km = n.inside ? 0 : vincenty(lon, lat, n.lon, n.lat) / 1000;
  return {right: km <= q.tol, km: km, nearest: [n.lon, n.lat]};
}
window.cvQuizScore = function (qid, lon, lat) {  // for tests: the page's own scoring of a click
  var q = D.quiz.questions.filter(function (x) { return x.id === qid; })[0];
  return q ? score(q, lon, lat) : null;
};

var Q = {i: 0, answers: {}, marks: null};
function fmt(s, o) { return s.replace(/\{(\w+)\}/g, function (_m, k) { return o[k]; }); }
function text(id, s) { document.getElementById(id).textContent = s; }
function nameText(html) { var d = document.createElement('div'); d.innerHTML = html; return d.textContent; }

function quizScore() {
  var keys = Object.keys(Q.answers), right = keys.filter(function (k) { return Q.answers[k].right; }).length;
  text('cv-q-score', fmt(D.words.score, {r: right, a: keys.length}));
  return right;
}

function ask(i) {
  var qs = D.quiz.questions;
  Q.i = i;
  if (Q.marks) { Q.marks.clearLayers(); }
  var done = i >= qs.length;
  document.getElementById('cv-q-reveal').hidden = done;
  document.getElementById('cv-q-next').textContent = done ? D.words.again : D.words.next_q;
  document.getElementById('cv-q-next').disabled = !done;
  text('cv-q-result', ''); text('cv-q-note', '');
  document.getElementById('cv-q-result').className = 'cv-result';
  if (done) {
    text('cv-q-count', '');
    text('cv-q-prompt', fmt(D.words.final, {r: quizScore(), n: qs.length}));
    return;
  }
  text('cv-q-count', fmt(D.words.question, {i: i + 1, n: qs.length}));
  text('cv-q-prompt', qs[i].prompt);
  quizScore();
}

function reveal(q, a) {
  var res = document.getElementById('cv-q-result');
  var name = nameText(q.name);
  if (a) {
    var km = a.km < 10 ? a.km.toFixed(1) : String(Math.round(a.km));
    res.textContent = a.right ? fmt(D.words.right, {name: name}) : fmt(D.words.off, {km: km, name: name});
    res.className = 'cv-result ' + (a.right ? 'cv-right' : 'cv-wrong');
  } else {
    res.textContent = name;
  }
  text('cv-q-note', q.note);
  var shape = L.geoJSON(feature(q.fid, {}), {
    style: function (f) {
      if (f.geometry.type === 'Point') { return {}; }
      return {color: '#ffb000', weight: q.kind === 'line' ? 10 : 6, opacity: 0.85, fill: q.kind === 'polygon',
              fillColor: '#ffb000', fillOpacity: 0.18, interactive: false};
    },
    pointToLayer: function (f, ll) {
      return L.circleMarker(ll, {radius: 9, color: '#ffffff', weight: 2, fillColor: '#ffb000', fillOpacity: 1,
                                 interactive: false});
    }
  }).addTo(Q.marks);
  var tip = document.createElement('span');
  tip.textContent = name;
  var at = q.kind === 'point' ? L.latLng(D.feats[q.fid].coordinates[1], D.feats[q.fid].coordinates[0])
                              : (a && !a.right ? L.latLng(a.nearest[1], a.nearest[0]) : shape.getBounds().getCenter());
  L.tooltip({permanent: true, direction: 'top', className: 'cv-answer-tip', offset: [0, -8]})
    .setLatLng(at).setContent(tip).addTo(Q.marks);
  if (a) {
    var click = L.latLng(a.click[1], a.click[0]);
    if (!a.right) {
      L.polyline([click, L.latLng(a.nearest[1], a.nearest[0])], {color: '#a61b1b', weight: 2.5,
                 dashArray: '6,6', interactive: false}).addTo(Q.marks);
    }
    L.circleMarker(click, {radius: 6, color: '#ffffff', weight: 2, fillColor: a.right ? '#1b6b2a' : '#a61b1b',
                           fillOpacity: 1, interactive: false}).bindTooltip(D.words.you).addTo(Q.marks);
  }
  document.getElementById('cv-q-reveal').hidden = true;
  document.getElementById('cv-q-next').disabled = false;
  quizScore();
}

function onQuizClick(e) {
  var q = D.quiz.questions[Q.i];
  if (!q || Q.answers[q.id]) { return; }
  var a = score(q, e.latlng.lng, e.latlng.lat);
  a.click = [e.latlng.lng, e.latlng.lat];
  Q.answers[q.id] = a;
  reveal(q, a);
}

function startQuiz() {
  if (!D.quiz.questions.length) { return; }
  mode = 'quiz';
  document.body.classList.add('cv-quizmode');
  slides.forEach(function (s) { s.hidden = true; });
  quizBox.hidden = false;
  [prev, next, toc].forEach(function (el) { el.disabled = true; });
  newMap();
  drawLayers(D.quiz.draw, false);  // no names: no labels, no tooltips, no popups
  var start = D.rtl ? 'topright' : 'topleft';
  L.control.zoom({position: start, zoomInTitle: D.map_words.zoom_in, zoomOutTitle: D.map_words.zoom_out}).addTo(map);
  map.invalidateSize(false);
  map.fitBounds(D.quiz.bounds, {animate: false, padding: [6, 6]});
  Q.marks = L.layerGroup().addTo(map);
  Q.answers = {};
  map.on('click', onQuizClick);
  ask(0);
  panel.scrollTop = 0;
  document.documentElement.dataset.cvScene = 'quiz';
}

function leaveQuiz(quiet) {
  mode = 'story';
  document.body.classList.remove('cv-quizmode');
  quizBox.hidden = true;
  [prev, next, toc].forEach(function (el) { el.disabled = false; });
  if (!quiet) { show(cur); }
}

if (quizBtn) { quizBtn.addEventListener('click', startQuiz); }
document.getElementById('cv-q-next').addEventListener('click', function () {
  if (Q.i >= D.quiz.questions.length) { Q.answers = {}; ask(0); } else { ask(Q.i + 1); }
});
document.getElementById('cv-q-reveal').addEventListener('click', function () {
  var q = D.quiz.questions[Q.i];
  if (!q || Q.answers[q.id]) { return; }
  Q.answers[q.id] = {right: false, km: NaN};
  reveal(q, null);
});
document.getElementById('cv-q-back').addEventListener('click', function () { leaveQuiz(); });

if (window.matchMedia('(max-width: 720px)').matches) {  // phones: the key opens on demand, under the text
  document.querySelectorAll('.cv-slide .cv-legend').forEach(function (d) { d.open = false; });
}
var start = 0, hash = decodeURIComponent((location.hash || '').slice(1));
D.scenes.forEach(function (s, k) { if (s.id === hash) { start = k; } });
show(start, {scroll: false});
if (hash === 'quiz') { startQuiz(); }
window.cvStory = {show: show, quiz: startQuiz, leaveQuiz: leaveQuiz, current: function () { return cur; },
                  mode: function () { return mode; }, map: function () { return map; }};
})();
"""
