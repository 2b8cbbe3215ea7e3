// Technician console, plots tab: a line's utilisation over the last hour, the upstream backlog
// over the last day, and a charging port's power and plug temperature over its session.
'use strict';

(function () {
  const { t, el } = Tech;
  let piles = null;

  function lineTrend() {
    const line = document.getElementById('plot-line').value;
    if (!line) {
      return;
    }
    Doorstep.get('/api/tech/trends/lines/' + encodeURIComponent(line)).then((r) => {
      TechPlot.draw(document.getElementById('plot-utilisation'), r.points.map((p) => [p[0], p[1] * 100]),
        { title: t('techUtilisation'), unit: '%', min: 0, max: 100, empty: t('techNoSamples'), format: (v) => Math.round(v) });
    });
  }

  function backlog() {
    Doorstep.get('/api/tech/trends/backlog').then((r) => {
      TechPlot.draw(document.getElementById('plot-backlog'), r.points,
        { title: t('techBacklog'), unit: t('techEvents'), min: 0, empty: t(r.enabled ? 'techNoSamples' : 'techUpstreamOff'),
          format: (v) => Math.round(v) });
    });
  }

  function port() {
    const pile = document.getElementById('plot-pile').value;
    const n = document.getElementById('plot-port').value;
    if (!pile) {
      return;
    }
    Doorstep.get('/api/tech/trends/ports/' + encodeURIComponent(pile) + '/' + n).then((r) => {
      TechPlot.draw(document.getElementById('plot-power'), r.powerW,
        { title: t('techPower'), unit: 'W', min: 0, empty: t('techNoSession') });
      TechPlot.draw(document.getElementById('plot-plug'), r.plugC,
        { title: t('techPlugTemperature'), unit: '°C', empty: t('techNoSession') });
    });
  }

  function show() {
    Tech.lines().then(lineTrend);
    backlog();
    if (piles === null) {
      piles = Doorstep.get('/api/tech/limits').then((r) => {
        const select = document.getElementById('plot-pile');
        r.piles.forEach((p) => select.appendChild(Object.assign(el('option', p.pile), { value: p.pile })));
        const ports = document.getElementById('plot-port');
        for (let i = 1; i <= 10; i++) {
          ports.appendChild(Object.assign(el('option', t('techPortN', { n: i })), { value: String(i) }));
        }
      });
    }
    piles.then(port);
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('plot-line').addEventListener('change', lineTrend);
    document.getElementById('plot-pile').addEventListener('change', port);
    document.getElementById('plot-port').addEventListener('change', port);
  });

  Tech.tab('plots', show);
})();
