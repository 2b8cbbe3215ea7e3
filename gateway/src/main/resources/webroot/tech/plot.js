// A line plot drawn as SVG in plain script: time along the bottom, the value up the side, the
// last value written beside the title. Enough for a technician's look at a trend; no library.
'use strict';

window.TechPlot = (function () {
  const NS = 'http://www.w3.org/2000/svg';
  const W = 420;
  const H = 170;
  const PAD = { left: 44, right: 10, top: 10, bottom: 24 };

  function node(tag, attrs, text) {
    const n = document.createElementNS(NS, tag);
    Object.entries(attrs).forEach(([k, v]) => n.setAttribute(k, String(v)));
    if (text !== undefined) {
      n.textContent = text;
    }
    return n;
  }

  function clock(ms) {
    const d = new Date(ms);
    return String(d.getHours()).padStart(2, '0') + ':' + String(d.getMinutes()).padStart(2, '0');
  }

  /**
   * Draws points ([[timeMs, value], …], oldest first) into container.
   * options: {title, unit, min, max (fixed bounds, else from the data), format(value)}.
   */
  function draw(container, points, options) {
    container.replaceChildren();
    const title = document.createElement('div');
    title.className = 'plot-title';
    const format = options.format || ((v) => (Math.round(v * 10) / 10).toString());
    const last = points.length ? format(points[points.length - 1][1]) + ' ' + (options.unit || '') : '';
    title.textContent = options.title + (last ? ' · ' + last : '');
    container.appendChild(title);
    const svg = node('svg', { viewBox: '0 0 ' + W + ' ' + H, class: 'plot-svg', role: 'img' });
    svg.appendChild(node('title', {}, options.title));
    container.appendChild(svg);
    if (points.length === 0) {
      svg.appendChild(node('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'plot-empty' },
        options.empty || ''));
      return;
    }
    const t0 = points[0][0];
    const t1 = Math.max(points[points.length - 1][0], t0 + 1);
    const values = points.map((p) => p[1]);
    let lo = options.min !== undefined ? options.min : Math.min(...values);
    let hi = options.max !== undefined ? options.max : Math.max(...values);
    if (hi - lo < 1e-9) {
      hi = lo + 1;
    }
    const x = (tm) => PAD.left + ((tm - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
    const y = (v) => H - PAD.bottom - ((v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
    [lo, (lo + hi) / 2, hi].forEach((v) => {
      svg.appendChild(node('line', { x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v), class: 'plot-grid' }));
      svg.appendChild(node('text', { x: PAD.left - 4, y: y(v) + 4, 'text-anchor': 'end', class: 'plot-axis' }, format(v)));
    });
    svg.appendChild(node('text', { x: PAD.left, y: H - 6, class: 'plot-axis' }, clock(t0)));
    svg.appendChild(node('text', { x: W - PAD.right, y: H - 6, 'text-anchor': 'end', class: 'plot-axis' }, clock(t1)));
    const path = points.map((p, i) => (i === 0 ? 'M' : 'L') + x(p[0]).toFixed(1) + ' ' + y(p[1]).toFixed(1)).join(' ');
    svg.appendChild(node('path', { d: path, class: 'plot-line' }));
    if (points.length === 1) {
      svg.appendChild(node('circle', { cx: x(points[0][0]), cy: y(points[0][1]), r: 3, class: 'plot-dot' }));
    }
  }

  return { draw };
})();
