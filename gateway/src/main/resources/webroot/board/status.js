// The status strip: the store, the local broker, the upstream link with what waits for it (the
// backlog, its oldest event's age, the publish rate, drops) and devices online, from /health.
'use strict';

import { $, el, span } from './dom.js';

const EVERY_MS = 5000;
let health = null;
let failed = false;

function item(id, good, label, value) {
  const box = $(id);
  box.textContent = '';
  box.className = 'strip-item ' + (good === null ? 'strip-plain' : good ? 'strip-ok' : 'strip-bad');
  box.appendChild(el('span', 'strip-dot'));
  box.appendChild(el('span', 'strip-label', label));
  if (value) box.appendChild(el('span', 'strip-value', value));
}

export function paintStatus() {
  const t = window.Doorstep.t;
  if (failed || !health) {
    item('strip-store', false, t('stripGateway'), t(failed ? 'stripUnreachable' : 'connecting'));
    ['strip-broker', 'strip-upstream', 'strip-devices'].forEach((id) => { $(id).textContent = ''; });
    return;
  }
  const store = health.store || {};
  item('strip-store', Boolean(store.ok), t('stripStore'),
    store.ok ? t('stripQueued', { n: store.queued || 0 }) : t('stripFault'));
  const broker = health.broker || {};
  item('strip-broker', Boolean(broker.connected), t('stripBroker'), t(broker.connected ? 'stripUp' : 'stripDown'));
  const up = health.upstream;
  if (!up) {
    item('strip-upstream', null, t('stripUpstream'), t('stripOff'));
  } else {
    const backlog = (up.waitingAlarms || 0) + (up.waitingRoutine || 0);
    const parts = [t(up.connected ? 'stripUp' : 'stripDown'),
      t('stripBacklog', { n: backlog, alarms: up.waitingAlarms || 0 })];
    if (backlog > 0) parts.push(t('stripOldest', { age: span(up.oldestPendingAgeS || 0) }));
    parts.push(t('stripRate', { n: Number(up.publishRatePerS || 0).toFixed(1) }));
    parts.push(t('stripDropped', { n: up.dropped || 0 }));
    item('strip-upstream', up.connected && !up.dropped, t('stripUpstream'), parts.join(' · '));
  }
  const devices = health.devices || {};
  item('strip-devices', devices.online === devices.total, t('stripDevices'),
    t('stripOnline', { online: devices.online || 0, total: devices.total || 0 }));
}

function poll() {
  window.Doorstep.get('/health')
    .then((h) => { health = h; failed = false; })
    .catch(() => { failed = true; })
    .finally(paintStatus);
}

export function setUpStatus() {
  poll();
  setInterval(poll, EVERY_MS);
}
