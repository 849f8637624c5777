"""The web map page's own CSS and JavaScript, inlined into the export (no CDN, no web fonts).

Layout: a header (title, subtitle) above the map, a legend panel beside it (below the header, collapsed, on
phones), and a footer with the approximate-routes note and the credit that no map control can cover. CSS
grid follows the page direction, so the Arabic page mirrors without separate rules.

The script places the map controls on the side the page's direction expects, writes the scale as "10 كم"
in Arabic, draws square and diamond markers, and shows permanent labels: each label is a marker inside its
layer's group (so unticking a layer in the layer control hides its labels), and after every zoom, pan or
layer change a collision pass shows labels in priority order and hides any that would overlap a label
already placed, a point symbol, a map control or the map's edge.
"""

from __future__ import annotations

PAGE_CSS = """
*,*::before,*::after{box-sizing:border-box}
html,body{margin:0;padding:0}
body{font-family:'Noto Sans','Liberation Sans',Arial,sans-serif;color:#1a1a1a;background:#fff;
  display:grid;grid-template-columns:minmax(0,1fr) 19rem;grid-template-rows:auto minmax(0,1fr) auto;
  grid-template-areas:"head head" "map key" "foot foot";height:100vh;height:100dvh;overflow:hidden}
html[lang=ar] body{font-family:'Noto Sans Arabic','Noto Naskh Arabic',Tahoma,'Segoe UI',Arial,sans-serif}
.cv-head{grid-area:head;padding:14px 20px 10px;border-bottom:1px solid #d8d5cc}
.cv-head h1{margin:0;font-size:1.6rem;line-height:1.2;overflow-wrap:anywhere}
.cv-head p{margin:4px 0 0;font-size:1rem;color:#4a4a4a;overflow-wrap:anywhere}
.cv-head .cv-asof{font-size:.85rem;color:#6b6b6b}
.cv-head.cv-bare{padding:0;border:0}
.cv-untitled{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.cv-map{grid-area:map;position:relative;min-width:0;min-height:0}
.cv-map>.folium-map{position:absolute!important;inset:0;width:100%!important;height:100%!important}
.cv-legend{grid-area:key;overflow:auto;border-inline-start:1px solid #d8d5cc;padding:12px 16px 16px;
  font-size:.85rem;line-height:1.3}
.cv-legend summary{font-weight:700;font-size:.95rem;cursor:pointer;padding:2px 0}
.cv-keys{list-style:none;margin:8px 0 0;padding:0;display:flex;flex-direction:column;gap:7px}
.cv-key{display:flex;align-items:center;gap:8px;max-width:100%}
.cv-key svg{flex:none;width:34px;height:18px}
.cv-keyhead{margin:14px 0 0;font-weight:700;font-size:.8rem;color:#555}
.cv-foot{grid-area:foot;padding:7px 20px 9px;border-top:1px solid #d8d5cc;font-size:.78rem;line-height:1.4;
  color:#555}
.cv-foot p{margin:0;overflow-wrap:anywhere}
.cv-foot .cv-note{color:#7a4b00}
@media (max-width:720px){
  body{display:block;height:auto;overflow-x:hidden;overflow-y:auto}
  .cv-head{padding:10px 12px 8px}.cv-head h1{font-size:1.25rem}.cv-head p{font-size:.9rem}
  .cv-legend{border:0;border-bottom:1px solid #d8d5cc;padding:6px 12px 8px;overflow:visible}
  .cv-keys{flex-direction:row;flex-wrap:wrap;gap:5px 14px}
  .cv-map{height:68vh;height:68svh;min-height:300px}
  .cv-foot{padding:7px 12px 10px}
}
.cv-map .leaflet-container{font-family:inherit;font-size:.8rem}
.cv-anchor{width:0!important;height:0!important;margin:0!important;border:0;background:none}
.cv-label{position:absolute;left:0;top:0;white-space:nowrap;line-height:1.15;pointer-events:none;
  color:var(--c);font-size:var(--s);transform:translate(-50%,-50%);
  text-shadow:0 0 2px var(--h),0 0 2px var(--h),1px 0 0 var(--h),-1px 0 0 var(--h),0 1px 0 var(--h),
  0 -1px 0 var(--h),1px 1px 0 var(--h),-1px -1px 0 var(--h),1px -1px 0 var(--h),-1px 1px 0 var(--h)}
.cv-label.cv-wrap{white-space:normal;width:max-content;max-width:10em;text-align:center}
.cv-label.cv-bold{font-weight:700}.cv-label.cv-ital{font-style:italic}
.cv-label.cv-caps{text-transform:uppercase;letter-spacing:.08em}
.cv-label.cv-at-r{transform:translate(var(--g),-50%)}
.cv-label.cv-at-l{transform:translate(calc(-100% - var(--g)),-50%)}
.cv-label.cv-at-t{transform:translate(-50%,calc(-100% - var(--g)))}
.cv-label.cv-at-b{transform:translate(-50%,var(--g))}
.cv-label.cv-at-tr{transform:translate(calc(var(--g)*.7),calc(-100% - var(--g)*.7))}
.cv-label.cv-at-tl{transform:translate(calc(-100% - var(--g)*.7),calc(-100% - var(--g)*.7))}
.cv-label.cv-at-br{transform:translate(calc(var(--g)*.7),calc(var(--g)*.7))}
.cv-label.cv-at-bl{transform:translate(calc(-100% - var(--g)*.7),calc(var(--g)*.7))}
.cv-label.cv-at-c{transform:translate(-50%,-50%)}
.cv-label.cv-off{visibility:hidden}
.cv-sym{background:none;border:0}.cv-sym svg{display:block}
.leaflet-popup-content{margin:12px 16px;font-size:13px;line-height:1.45;max-width:calc(100vw - 80px)}
.cv-popup h3{margin:0 0 2px;font-size:15px;line-height:1.3}
.cv-popup .cv-alt{color:#666;margin-bottom:4px}
.cv-popup .cv-meta{margin:4px 0 6px;color:#444}
.cv-popup .cv-status{display:inline-block;padding:0 6px;border-radius:3px;background:#ecebe6;font-weight:600}
.cv-popup .cv-st-proposed{background:#fde7e4}.cv-popup .cv-st-under-construction{background:#fff0cc}
.cv-popup .cv-st-existing{background:#e3f1e0}
.cv-popup p{margin:6px 0}.cv-popup .cv-acc{color:#7a4b00;margin:6px 0}
.cv-popup h4{margin:10px 0 2px;font-size:12px}
.cv-popup ul{margin:0;padding:0;list-style:none}.cv-popup li{margin:0;padding:3px 0}
.cv-popup li+li{border-top:1px solid #ecebe6}
.cv-popup mark{background:#ffe08a}.cv-popup .cv-check{color:#1b7a3a;font-weight:bold}.cv-popup a{overflow-wrap:anywhere}
.cv-popup cite{font-style:normal;color:#555}.cv-popup q:lang(ar){quotes:'«' '»'}
html[dir=rtl] .leaflet-container a.leaflet-popup-close-button{right:auto;left:0}
.cv-scale .leaflet-control-scale-line{white-space:nowrap}
.cv-ann{font-weight:400}.cv-ann.cv-bold{font-weight:700}
.cv-ann>div{white-space:nowrap;text-align:start}
.cv-ann.cv-box{text-shadow:none;background:var(--h);border:1px solid var(--c);border-radius:3px;padding:3px 6px}
.cv-ann-icon{background:none;border:0}.cv-ann-icon svg{display:block;overflow:visible}
.cv-num{display:flex;align-items:center;justify-content:center;border-radius:50%;font-weight:700;
  box-sizing:border-box;font-size:12px;line-height:1}
.cv-head .cv-logo,.cv-foot .cv-logo{display:block;max-width:30%;object-fit:contain}
"""

# Entry point: cvPage(map, config, groups), called by the exporter's macro once every layer exists.
PAGE_JS = r"""
(function () {
'use strict';
var SVG = 'http://www.w3.org/2000/svg';

function symbol(m) {
  // Built with DOM calls, never from a string: colours come from user styles.
  var s = m.size + 2 * m.sw + 2, c = s / 2, h = m.size / 2;
  var svg = document.createElementNS(SVG, 'svg'), el;
  svg.setAttribute('width', s); svg.setAttribute('height', s); svg.setAttribute('aria-hidden', 'true');
  if (m.shape === 'square') {
    el = document.createElementNS(SVG, 'rect');
    el.setAttribute('x', c - h); el.setAttribute('y', c - h);
    el.setAttribute('width', m.size); el.setAttribute('height', m.size);
  } else {
    el = document.createElementNS(SVG, 'polygon');
    el.setAttribute('points', [c, c - h, c + h, c, c, c + h, c - h, c].join(' '));
  }
  el.setAttribute('fill', m.fill); el.setAttribute('stroke', m.stroke);
  el.setAttribute('stroke-width', m.sw);
  svg.appendChild(el);
  return {el: svg, size: s};
}

window.cvPoint = function (feature, latlng) {
  var m = feature.properties.marker;
  if (!m || m.shape === 'circle') { return L.circleMarker(latlng, m ? {radius: m.size / 2 + 1} : {}); }
  var sym = symbol(m);
  return L.marker(latlng, {icon: L.divIcon({className: 'cv-sym', html: sym.el, iconSize: [sym.size, sym.size]}),
                           keyboard: true});
};

window.cvFeature = function (feature, layer) {
  var p = feature.properties;
  // Kept clear of the controls in both top corners; the height is fitted to the map when it opens.
  layer.bindPopup(p.popup, {maxWidth: Math.min(340, window.innerWidth - 60), maxHeight: 460,
                            autoPanPaddingTopLeft: [12, 56], autoPanPaddingBottomRight: [12, 12]});
  layer.bindTooltip(p.name, {sticky: true, direction: 'top', className: 'cv-tip'});
};

function metresPerPixel(map) {
  var s = map.getSize(), y = s.y / 2;
  var a = map.containerPointToLatLng([s.x / 2 - 50, y]), b = map.containerPointToLatLng([s.x / 2 + 50, y]);
  return map.distance(a, b) / 100;
}

function overlaps(a, b) { return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }

// The user's annotations (export/web_annotations.py): paths, icons, arrowheads and texts, all from data; texts
// go into the DOM as text. Returns the elements the map's labels keep clear of.
function cvNotes(map, list) {
  map.createPane('cvNotes');
  var pane = map.getPane('cvNotes');
  pane.style.zIndex = 640; pane.style.pointerEvents = 'none';
  var heads = [], els = [];
  function svgEl(tag, attrs) {
    var el = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    return el;
  }
  function icon(a) {
    var r = a.r, s = 2 * r + 6, c = s / 2, h = a.icon === 'pin' ? 24 + r : s;
    if (a.icon === 'number') {
      var n = document.createElement('span');
      n.className = 'cv-num'; n.textContent = String(a.number);
      n.style.width = n.style.height = (2 * r) + 'px'; n.style.background = a.color; n.style.color = a.halo;
      n.style.border = '1.5px solid ' + a.halo;
      return {el: n, size: [2 * r, 2 * r], anchor: [r, r]};
    }
    var svg = svgEl('svg', {width: s, height: h, 'aria-hidden': 'true'}), el;
    var paint = {fill: a.color, stroke: a.halo, 'stroke-width': 1.5};
    if (a.icon === 'square') {
      el = svgEl('rect', Object.assign({x: c - r, y: c - r, width: 2 * r, height: 2 * r}, paint));
    } else if (a.icon === 'star') {
      var pts = [];
      for (var i = 0; i < 10; i++) {
        var rr = i % 2 ? r * 0.42 : r, t = -Math.PI / 2 + i * Math.PI / 5;
        pts.push((c + rr * Math.cos(t)).toFixed(2) + ',' + (c + rr * Math.sin(t)).toFixed(2));
      }
      el = svgEl('polygon', Object.assign({points: pts.join(' ')}, paint));
    } else if (a.icon === 'pin') {
      var tip = h - 3, hy = tip - 15;
      el = svgEl('path', Object.assign({d: 'M' + c + ' ' + tip + ' C' + (c - 2) + ' ' + (tip - 6) + ' ' + (c - r * 1.05)
        + ' ' + (hy + r * 0.9) + ' ' + (c - r) + ' ' + hy + ' A' + r + ' ' + r + ' 0 0 1 ' + (c + r) + ' ' + hy
        + ' C' + (c + r * 1.05) + ' ' + (hy + r * 0.9) + ' ' + (c + 2) + ' ' + (tip - 6) + ' ' + c + ' ' + tip + 'Z'},
        paint));
      svg.appendChild(el);
      el = svgEl('circle', {cx: c, cy: hy, r: r * 0.38, fill: a.halo});
      svg.appendChild(el);
      return {el: svg, size: [s, h], anchor: [c, tip]};
    } else {
      el = svgEl('circle', Object.assign({cx: c, cy: c, r: r}, paint));
    }
    svg.appendChild(el);
    return {el: svg, size: [s, s], anchor: [c, c]};
  }
  function block(a, t) {
    var el = document.createElement('div');
    el.className = 'cv-label cv-ann' + (t.bold ? ' cv-bold' : '') + (a.frame === 'box' ? ' cv-box' : '')
      + ' cv-at-' + (t.at === 'c' ? 'c' : t.at);
    t.lines.forEach(function (line) {
      var div = document.createElement('div');
      div.dir = line.dir;
      line.runs.forEach(function (r) {
        if (!r[1]) { div.appendChild(document.createTextNode(r[0])); return; }
        var b = document.createElement('bdi'); b.dir = r[1]; b.textContent = r[0]; div.appendChild(b);
      });
      el.appendChild(div);
    });
    el.dataset.note = a.id;
    el.style.setProperty('--c', a.color); el.style.setProperty('--h', a.halo);
    el.style.setProperty('--s', a.px + 'px'); el.style.setProperty('--g', t.gap + 'px');
    return el;
  }
  list.forEach(function (a) {
    var opts = {interactive: false, pane: 'cvNotes'};
    if (a.kind === 'area') {
      L.polygon(a.rings, Object.assign({color: a.color, weight: a.width, dashArray: a.dash || null, fill: true,
        fillColor: a.fill, fillOpacity: a.fill_opacity}, opts)).addTo(map);
    } else if (a.kind === 'line' || a.kind === 'distance') {
      L.polyline(a.latlngs, Object.assign({color: a.halo, weight: a.width + 2.5, opacity: 1, lineCap: 'round'}, opts))
        .addTo(map);
      L.polyline(a.latlngs, Object.assign({color: a.color, weight: a.width, opacity: 1, dashArray: a.dash || null,
        lineCap: a.dash ? 'butt' : 'round'}, opts)).addTo(map);
      a.heads.forEach(function (end) {
        var len = Math.max(10, 4.2 * a.width), s = 2 * len + 4;
        var svg = svgEl('svg', {width: s, height: s, 'aria-hidden': 'true'});
        svg.appendChild(svgEl('polygon', {points: [s / 2, s / 2, s / 2 - len, s / 2 - len / 2, s / 2 - len,
          s / 2 + len / 2].join(' '), fill: a.color, stroke: a.halo, 'stroke-width': 1.6}));
        var ll = end === 'end' ? a.latlngs[a.latlngs.length - 1] : a.latlngs[0];
        var prev = end === 'end' ? a.latlngs[a.latlngs.length - 2] : a.latlngs[1];
        var mk = L.marker(ll, {icon: L.divIcon({className: 'cv-ann-icon cv-arrowhead', html: svg, iconSize: [s, s]}),
                               interactive: false, keyboard: false, pane: 'cvNotes'}).addTo(map);
        heads.push({mk: mk, svg: svg, at: ll, from: prev});
      });
    } else if (a.kind === 'marker') {
      var ic = icon(a);
      var mk = L.marker([a.lat, a.lon], {icon: L.divIcon({className: 'cv-ann-icon', html: ic.el, iconSize: ic.size,
        iconAnchor: ic.anchor}), interactive: false, keyboard: false, pane: 'cvNotes'}).addTo(map);
      els.push(mk);
    }
    if (a.text) {
      var t = a.text, el = block(a, t);
      L.marker([t.lat, t.lon], {icon: L.divIcon({className: 'cv-anchor', html: el, iconSize: [0, 0],
        iconAnchor: [0, t.lift]}), interactive: false, keyboard: false, pane: 'cvNotes'}).addTo(map);
    }
  });
  function orient() {  // each arrowhead along its line's end, as the line runs on screen now
    heads.forEach(function (h) {
      var p = map.latLngToContainerPoint(h.at), q = map.latLngToContainerPoint(h.from);
      var deg = Math.atan2(p.y - q.y, p.x - q.x) * 180 / Math.PI;
      h.svg.style.transformOrigin = '50% 50%'; h.svg.style.transform = 'rotate(' + deg.toFixed(1) + 'deg)';
    });
  }
  map.on('zoomend moveend viewreset', orient);
  orient();
}

window.cvPage = function (map, cfg, groups) {
  var slot = document.getElementById('cv-map');
  if (slot && map.getContainer().parentNode !== slot) { slot.appendChild(map.getContainer()); }
  var narrow = window.matchMedia('(max-width: 720px)');
  var legend = document.getElementById('cv-legend');
  if (legend && narrow.matches) { legend.open = false; }  // phones: the key opens on demand

  var start = cfg.rtl ? 'right' : 'left', end = cfg.rtl ? 'left' : 'right';
  L.control.zoom({position: 'top' + start, zoomInTitle: cfg.words.zoom_in, zoomOutTitle: cfg.words.zoom_out})
    .addTo(map);
  var overlays = {};
  cfg.layers.forEach(function (l) { if (groups[l.id]) { overlays[l.name] = groups[l.id]; } });
  var control = L.control.layers(null, overlays, {collapsed: narrow.matches || cfg.collapse_layers,
                                                   position: 'top' + end}).addTo(map);
  var toggle = control.getContainer().querySelector('.leaflet-control-layers-toggle');
  if (toggle) { toggle.title = cfg.words.layers; toggle.setAttribute('aria-label', cfg.words.layers); }
  var Scale = L.Control.Scale.extend({
    _updateMetric: function (maxMeters) {
      var m = this._getRoundNum(maxMeters), km = m >= 1000;
      var unit = km ? cfg.words.km : cfg.words.m;
      this._updateScale(this._mScale, '', m / maxMeters);
      this._mScale.textContent = (km ? m / 1000 : m) + '\u00a0' + unit;
    }
  });
  var scale = new Scale({position: 'bottom' + start, imperial: false, maxWidth: 140}).addTo(map);
  L.DomUtil.addClass(scale.getContainer(), 'cv-scale');

  if (cfg.annotations && cfg.annotations.length) { cvNotes(map, cfg.annotations); }
  map.createPane('cvLabels');
  var pane = map.getPane('cvLabels');
  pane.style.zIndex = 620; pane.style.pointerEvents = 'none';
  var labels = cfg.labels.map(function (d) {
    var el = document.createElement('span');
    el.className = 'cv-label' + (d.bold ? ' cv-bold' : '') + (d.italic ? ' cv-ital' : '')
      + (d.caps ? ' cv-caps' : '') + (d.wrap ? ' cv-wrap' : '');
    d.runs.forEach(function (r) {  // mixed-direction names: each run isolated, as in the popups
      if (!r[1]) { el.appendChild(document.createTextNode(r[0])); return; }
      var b = document.createElement('bdi');
      b.dir = r[1]; b.textContent = r[0]; el.appendChild(b);
    });
    el.dir = d.dir; el.lang = cfg.lang; el.dataset.fid = d.id;
    el.style.setProperty('--c', d.color); el.style.setProperty('--h', d.halo);
    el.style.setProperty('--s', d.px + 'px'); el.style.setProperty('--g', d.gap + 'px');
    var mk = L.marker([d.lat, d.lon], {icon: L.divIcon({className: 'cv-anchor', html: el, iconSize: [0, 0]}),
                                       pane: 'cvLabels', interactive: false, keyboard: false});
    if (groups[d.layer]) { groups[d.layer].addLayer(mk); }
    return {d: d, el: el, mk: mk, w: 0, h: 0};
  });
  var points = [], shapes = {};
  Object.keys(groups).forEach(function (id) {
    groups[id].eachLayer(function (gj) {
      if (!(gj instanceof L.GeoJSON)) { return; }  // the group's other members are its labels
      gj.eachLayer(function (f) {
        if (!f.feature) { return; }
        if (f.getLatLng) {
          var r = f.getRadius ? f.getRadius() : (f.options.icon && f.options.icon.options.iconSize[0] / 2) || 4;
          points.push({layer: f, r: r, id: f.feature.properties.id});
        } else if (f.getLatLngs) {
          shapes[f.feature.properties.id] = f;
        }
      });
    });
  });

  function flat(lls, out) {  // rings (or lines) of a Leaflet path, however deeply nested
    if (lls.length && lls[0] instanceof L.LatLng) { out.push(lls); return out; }
    lls.forEach(function (x) { flat(x, out); });
    return out;
  }
  function inside(rings, x, y) {  // even-odd rule, so holes count
    var c = false;
    rings.forEach(function (r) {
      for (var i = 0, j = r.length - 1; i < r.length; j = i++) {
        var p = r[i], q = r[j];
        if ((p.y > y) !== (q.y > y) && x < (q.x - p.x) * (y - p.y) / (q.y - p.y) + p.x) { c = !c; }
      }
    });
    return c;
  }
  function projected(id) {
    var f = shapes[id];
    if (!f || !map.hasLayer(f)) { return null; }
    return flat(f.getLatLngs(), []).map(function (r) {
      return r.map(function (ll) { return map.latLngToContainerPoint(ll); });
    });
  }
  // Fallback spots when the label's own anchor is off screen or taken: inside the visible part of an area
  // (a country whose centre is outside the view still gets its name), or along the visible part of a line;
  // nearest to the anchor first.
  function spots(it, a, size) {
    // An umbrella (the Zangezur corridor) is drawn through its parts: its name goes along them.
    var rings = (it.d.parts || [it.d.id]).reduce(function (all, id) { return all.concat(projected(id) || []); }, []);
    var out = [];
    if (!rings.length) { rings = null; }
    if (!rings) { return out; }
    if (it.d.place === 'area') {
      for (var i = 0; i < 16; i++) {
        for (var j = 0; j < 10; j++) {
          var x = size.x * (i + 0.5) / 16, y = size.y * (j + 0.5) / 10, w = it.w / 2, h = it.h / 2;
          if (inside(rings, x, y) && inside(rings, x - w, y - h) && inside(rings, x + w, y - h)
              && inside(rings, x - w, y + h) && inside(rings, x + w, y + h)) { out.push([x, y]); }
        }
      }
    } else {
      rings.forEach(function (r) {
        for (var k = 1; k < r.length; k++) {
          var p = r[k - 1], q = r[k], n = Math.floor(q.distanceTo(p) / 40);
          for (var t = 1; t <= n; t++) { out.push([p.x + (q.x - p.x) * t / (n + 1), p.y + (q.y - p.y) * t / (n + 1)]); }
          out.push([r[k].x, r[k].y]);
        }
      });
    }
    out.sort(function (p, q) { return Math.hypot(p[0] - a.x, p[1] - a.y) - Math.hypot(q[0] - a.x, q[1] - a.y); });
    // A name that must show looks further along its line or area than the others do.
    return out.slice(0, it.d.max >= 1e9 ? 240 : 40).map(function (p) { return [p[0], p[1], 'c']; });
  }

  var OFFSET = {c: [-0.5, -0.5, 0, 0], r: [0, -0.5, 1, 0], l: [-1, -0.5, -1, 0], t: [-0.5, -1, 0, -1],
                b: [-0.5, 0, 0, 1], tr: [0, -1, 0.7, -0.7], tl: [-1, -1, -0.7, -0.7], br: [0, 0, 0.7, 0.7],
                bl: [-1, 0, -0.7, 0.7]};
  function candidates(d, a) {
    if (d.place === 'fixed') { return [[a.x, a.y, 'c']]; }  // moved by the user: exactly there
    if (d.place === 'point') {
      var order = cfg.rtl ? ['l', 'r', 't', 'b', 'tl', 'bl', 'tr', 'br'] : ['r', 'l', 't', 'b', 'tr', 'br', 'tl', 'bl'];
      return order.map(function (k) { return [a.x, a.y, k]; });
    }
    return d.place === 'line' ? [[a.x, a.y, 'c'], [a.x, a.y, 't'], [a.x, a.y, 'b']] : [[a.x, a.y, 'c']];
  }

  // Last resort for a name that must show (the selection, the story's places): an area too small on this
  // screen for its name gets it beside its centre, as a point would.
  function around(a) {
    var order = cfg.rtl ? ['t', 'b', 'l', 'r', 'tl', 'tr', 'bl', 'br'] : ['t', 'b', 'r', 'l', 'tr', 'tl', 'br', 'bl'];
    return order.map(function (k) { return [a.x, a.y, k]; });
  }

  function place() {
    var mpp = metresPerPixel(map), size = map.getSize(), taken = [], obstacles = [];
    var origin = map.getContainer().getBoundingClientRect();
    map.getContainer().querySelectorAll('.leaflet-control').forEach(function (c) {
      var r = c.getBoundingClientRect();
      if (r.width && r.height) {
        obstacles.push({id: null, box: [r.left - origin.left, r.top - origin.top, r.right - origin.left,
                                        r.bottom - origin.top]});
      }
    });
    // The annotations' texts and icons: what the user added is never covered by a map label.
    map.getContainer().querySelectorAll('.cv-ann, .cv-ann-icon').forEach(function (n) {
      var r = n.getBoundingClientRect();
      if (r.width && r.height) {
        obstacles.push({id: null, box: [r.left - origin.left, r.top - origin.top, r.right - origin.left,
                                        r.bottom - origin.top]});
      }
    });
    points.forEach(function (p) {
      if (!map.hasLayer(p.layer)) { return; }
      var c = map.latLngToContainerPoint(p.layer.getLatLng());
      obstacles.push({id: p.id, point: true, x: c.x, y: c.y, box: [c.x - p.r, c.y - p.r, c.x + p.r, c.y + p.r]});
    });
    function fits(d, b, a) {
      if (b[0] < 0 || b[1] < 0 || b[2] > size.x || b[3] > size.y) { return false; }
      if (taken.some(function (t) { return overlaps(t, b); })) { return false; }
      // Point and route labels keep off other point symbols; a big area name may lie across a town dot. A
      // symbol on the label's own spot (a base inside the city it is named after) is the label's own.
      return !obstacles.some(function (ob) {
        var own = ob.point && d.place === 'point' && Math.abs(ob.x - a.x) < 3 && Math.abs(ob.y - a.y) < 3;
        return ob.id !== d.id && !own && (!ob.point || d.place !== 'area') && overlaps(ob.box, b);
      });
    }
    labels.forEach(function (it) {
      var d = it.d, chosen = null;
      if (map.hasLayer(it.mk) && mpp >= d.min && mpp <= d.max) {
        if (!it.w) { it.w = it.el.offsetWidth; it.h = it.el.offsetHeight; }
        var a = map.latLngToContainerPoint([d.lat, d.lon]), w = it.w, h = it.h;
        var box = function (c) {
          var o = OFFSET[c[2]], x = c[0] + o[0] * w + o[2] * d.gap, y = c[1] + o[1] * h + o[3] * d.gap;
          return [x - 2, y - 1, x + w + 2, y + h + 1];
        };
        var test = function (c) {
          var b = box(c);
          if (d.place === 'fixed' || fits(d, b, a)) { chosen = c; taken.push(b); return true; }
          return false;
        };
        var cands = candidates(d, a);
        cands.some(test) || (d.place !== 'point' && d.place !== 'fixed' && spots(it, a, size).some(test))
          || (d.place === 'area' && d.max >= 1e9 && around(a).some(test));
        if (!chosen && d.force) {  // forced on by the user: the first spot inside the map, whatever it crosses
          chosen = cands.find(function (c) { var b = box(c); return b[0] >= 0 && b[1] >= 0 && b[2] <= size.x
            && b[3] <= size.y; }) || null;
          if (chosen) { taken.push(box(chosen)); }
        }
      }
      if (chosen) {
        it.el.className = it.el.className.replace(/ cv-at-\w+/g, '') + ' cv-at-' + chosen[2];
        var at = map.containerPointToLatLng([chosen[0], chosen[1]]);
        if (!at.equals(it.mk.getLatLng())) { it.mk.setLatLng(at); }
      }
      it.el.classList.toggle('cv-off', !chosen);
    });
    document.documentElement.dataset.cvLabels = String(taken.length);
  }
  map.on('popupopen', function (e) {
    var room = Math.max(160, Math.min(460, map.getSize().y - 90));
    if (e.popup.options.maxHeight !== room) { e.popup.options.maxHeight = room; e.popup.update(); }
  });
  var queued = false, alive = true;
  map.on('unload', function () { alive = false; });  // a page that replaces its map (the story's slides)
  function later() {
    if (queued || !alive) { return; }
    queued = true;
    (window.requestAnimationFrame || setTimeout)(function () { queued = false; if (alive) { place(); } });
  }
  map.on('zoomend moveend overlayadd overlayremove resize', later);
  // The grid sizes the map, so it changes size without a window resize (fonts arriving, the key opening on a
  // phone, a header that wraps): tell Leaflet, or its SVG stops short of the new edge.
  if (window.ResizeObserver && slot) {
    var watch = new ResizeObserver(function () { if (alive) { map.invalidateSize({pan: false}); later(); } });
    watch.observe(slot);
    map.on('unload', function () { watch.disconnect(); });
  }
  if (document.fonts && document.fonts.ready) {
    document.fonts.ready.then(function () { labels.forEach(function (it) { it.w = 0; }); later(); });
  }
  map.invalidateSize(false);
  map.fitBounds(cfg.bounds, {animate: false, padding: [6, 6]});
  if (cfg.data_bounds) {
    // Never past the data: panning stops at its edge, zooming out stops where it fills the window.
    var data = L.latLngBounds(cfg.data_bounds);
    map.options.maxBoundsViscosity = 1.0;
    map.setMaxBounds(data);
    var floor = function () { map.setMinZoom(Math.min(map.getBoundsZoom(data, true), map.getZoom())); };
    floor();
    map.on('resize', floor);
  }
  place();
  window.cvPlaceLabels = place;  // for tests and for pages that resize the map themselves
};
})();
"""
