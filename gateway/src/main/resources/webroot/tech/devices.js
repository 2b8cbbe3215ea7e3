// Technician console, devices tab: every configured device with its type, link, state and last sign of life.
'use strict';

(function () {
  const { t, el, row } = Tech;

  function linkText(d) {
    if (d.unit !== undefined) {
      return t('techLinkUnit', { line: d.link, unit: d.unit });
    }
    return d.link || '';
  }

  function show() {
    Doorstep.get('/api/tech/devices').then((r) => {
      const rows = document.getElementById('device-rows');
      rows.replaceChildren();
      r.devices.forEach((d) => {
        const state = el('span', t(d.online ? 'online' : 'offline'), d.online ? 'pill ok' : 'pill bad');
        const types = t('techDeviceType');
        const type = (typeof types === 'object' && types[d.type]) || d.type;
        rows.appendChild(row([d.id, type, linkText(d), state, Tech.age(d.lastSeenMs)]));
      });
    });
  }

  Tech.tab('devices', show);
})();
