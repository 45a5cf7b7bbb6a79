// Actor network: a small force layout in SVG with drag and hover. No libraries; data comes from the page
// as JSON, and every label is set with textContent, never as markup.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var svg = document.getElementById("network");
  var tip = document.getElementById("network-tip");
  if (!svg) { return; }
  var data = JSON.parse(document.getElementById("network-data").textContent);
  var colours = JSON.parse(document.getElementById("network-colours").textContent);
  var W = 960, H = 640;
  var nodes = data.nodes.map(function (n, i) {
    // Start on a circle so the layout is the same on every load (no randomness).
    var a = 2 * Math.PI * i / Math.max(data.nodes.length, 1);
    return { id: n.id, name: n.name, kind: n.kind, events: n.events,
             x: W / 2 + 220 * Math.cos(a), y: H / 2 + 220 * Math.sin(a), vx: 0, vy: 0, fixed: false };
  });
  var byId = {};
  nodes.forEach(function (n) { byId[n.id] = n; });
  var most = Math.max.apply(null, nodes.map(function (n) { return n.events; }).concat([1]));
  var heaviest = Math.max.apply(null, data.edges.map(function (e) { return e.count; }).concat([1]));
  var edges = data.edges.filter(function (e) { return byId[e.source] && byId[e.target]; }).map(function (e) {
    var quad = 0, best = -1;
    Object.keys(e.by_quad).forEach(function (q) { if (e.by_quad[q] >= best) { best = e.by_quad[q]; quad = q; } });
    return { s: byId[e.source], t: byId[e.target], count: e.count, colour: colours[quad] || "#777777", raw: e };
  });
  function radius(n) { return 6 + 12 * Math.sqrt(n.events / most); }

  function step(alpha) {
    var i, j, a, b, dx, dy, d2, d, f;
    for (i = 0; i < nodes.length; i++) {
      for (j = i + 1; j < nodes.length; j++) {
        a = nodes[i]; b = nodes[j];
        dx = b.x - a.x; dy = b.y - a.y; d2 = dx * dx + dy * dy + 0.01;
        f = 16000 * alpha / d2; d = Math.sqrt(d2);
        a.vx -= f * dx / d; a.vy -= f * dy / d; b.vx += f * dx / d; b.vy += f * dy / d;
      }
    }
    edges.forEach(function (e) {
      dx = e.t.x - e.s.x; dy = e.t.y - e.s.y; d = Math.sqrt(dx * dx + dy * dy) || 1;
      f = (d - 190) * 0.03 * alpha;
      e.s.vx += f * dx / d; e.s.vy += f * dy / d; e.t.vx -= f * dx / d; e.t.vy -= f * dy / d;
    });
    nodes.forEach(function (n) {
      n.vx += (W / 2 - n.x) * 0.005 * alpha; n.vy += (H / 2 - n.y) * 0.008 * alpha;
      if (!n.fixed) { n.x += n.vx; n.y += n.vy; }
      n.vx *= 0.6; n.vy *= 0.6;
      var r = radius(n) + 4;
      n.x = Math.max(r, Math.min(W - r, n.x)); n.y = Math.max(r, Math.min(H - r, n.y));
    });
  }
  for (var k = 0; k < 300; k++) { step(1 - k / 300); }

  function el(name, attrs) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (key) { e.setAttribute(key, attrs[key]); });
    return e;
  }
  svg.appendChild(el("rect", { width: W, height: H, fill: "#ffffff" }));
  var defs = el("defs", {});
  Object.keys(colours).concat(["0"]).forEach(function (q) {
    var m = el("marker", { id: "arrow-" + q, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 11,
                           markerHeight: 11, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" });
    m.appendChild(el("path", { d: "M0,0 L10,5 L0,10 z", fill: colours[q] || "#777777" }));
    defs.appendChild(m);
  });
  svg.appendChild(defs);
  var edgeLayer = el("g", { "class": "nw-edges" });
  var nodeLayer = el("g", { "class": "nw-nodes" });
  svg.appendChild(edgeLayer); svg.appendChild(nodeLayer);
  edges.forEach(function (e) {
    var quad = Object.keys(colours).filter(function (q) { return colours[q] === e.colour; })[0] || "0";
    e.line = el("line", { "class": "nw-edge", stroke: e.colour, "stroke-width": 1 + 5 * e.count / heaviest,
                          "marker-end": "url(#arrow-" + quad + ")", "stroke-opacity": 0.8 });
    edgeLayer.appendChild(e.line);
  });
  nodes.forEach(function (n) {
    n.circle = el("circle", { "class": "nw-node", r: radius(n), fill: n.kind === "person" ? "#f2c14e" :
                              n.kind === "state" ? "#8fb3ff" : "#b8d8a8", "data-id": n.id });
    n.label = el("text", { "class": "nw-label", "text-anchor": "middle" });
    n.label.textContent = n.name;
    nodeLayer.appendChild(n.circle); nodeLayer.appendChild(n.label);
  });

  // A pair of actors acting on each other gets two parallel lines, not one line drawn twice.
  var pairs = {};
  edges.forEach(function (e) { pairs[e.s.id + "\u0000" + e.t.id] = true; });
  edges.forEach(function (e) { e.shift = pairs[e.t.id + "\u0000" + e.s.id] ? 4 : 0; });
  function draw() {
    edges.forEach(function (e) {
      var dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      var rs = radius(e.s), rt = radius(e.t) + 3;
      var ox = -dy / d * e.shift, oy = dx / d * e.shift;
      e.line.setAttribute("x1", e.s.x + dx / d * rs + ox); e.line.setAttribute("y1", e.s.y + dy / d * rs + oy);
      e.line.setAttribute("x2", e.t.x - dx / d * rt + ox); e.line.setAttribute("y2", e.t.y - dy / d * rt + oy);
    });
    nodes.forEach(function (n) {
      n.circle.setAttribute("cx", n.x); n.circle.setAttribute("cy", n.y);
      n.label.setAttribute("x", n.x); n.label.setAttribute("y", n.y - radius(n) - 4);
    });
  }
  draw();

  function point(evt) {
    var box = svg.getBoundingClientRect();
    return { x: (evt.clientX - box.left) * W / box.width, y: (evt.clientY - box.top) * H / box.height };
  }
  function highlight(n) {
    var near = {};
    near[n.id] = true;
    edges.forEach(function (e) {
      var on = e.s === n || e.t === n;
      if (on) { near[e.s.id] = true; near[e.t.id] = true; }
      e.line.classList.toggle("dim", !on);
    });
    nodes.forEach(function (m) {
      m.circle.classList.toggle("dim", !near[m.id]); m.label.classList.toggle("dim", !near[m.id]);
    });
  }
  function clear() {
    edges.forEach(function (e) { e.line.classList.remove("dim"); });
    nodes.forEach(function (m) { m.circle.classList.remove("dim"); m.label.classList.remove("dim"); });
    tip.hidden = true;
  }
  function describe(n) {
    var lines = [n.name + " (" + n.kind + ", " + n.events + " events)"];
    edges.forEach(function (e) {
      var carried = e.raw.outlets ? " (" + e.raw.outlets + " outlets)" : "";
      if (e.s === n) { lines.push("→ " + e.t.name + ": " + e.count + " " + Object.keys(e.raw.by_type).join(", ") + carried); }
      if (e.t === n) { lines.push("← " + e.s.name + ": " + e.count + " " + Object.keys(e.raw.by_type).join(", ") + carried); }
    });
    return lines.join("\n");
  }
  var dragged = null;
  nodes.forEach(function (n) {
    n.circle.addEventListener("pointerenter", function (evt) {
      if (dragged) { return; }
      highlight(n);
      tip.textContent = describe(n);
      tip.hidden = false;
      var box = svg.getBoundingClientRect(), outer = svg.parentNode.getBoundingClientRect();
      tip.style.left = (evt.clientX - outer.left + 12) + "px";
      tip.style.top = (evt.clientY - outer.top + 12) + "px";
      void box;
    });
    n.circle.addEventListener("pointerleave", function () { if (!dragged) { clear(); } });
    n.circle.addEventListener("pointerdown", function (evt) {
      dragged = n; n.fixed = true; n.circle.classList.add("dragging");
      n.circle.setPointerCapture(evt.pointerId);
      tip.hidden = true;
    });
    n.circle.addEventListener("pointermove", function (evt) {
      if (dragged !== n) { return; }
      var p = point(evt);
      n.x = Math.max(0, Math.min(W, p.x)); n.y = Math.max(0, Math.min(H, p.y));
      draw();
    });
    n.circle.addEventListener("pointerup", function (evt) {
      if (dragged !== n) { return; }
      n.circle.releasePointerCapture(evt.pointerId);
      n.circle.classList.remove("dragging");
      dragged = null;
      clear();
    });
  });
  svg.setAttribute("data-ready", String(nodes.length));
})();
