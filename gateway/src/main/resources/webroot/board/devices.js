// Every configured device with its presence, offline ones first: those are the ones a guard
// must act on. One entry per configured device, so the map stays bounded by the estate.
'use strict';

import { $, el, term, ago, duration } from './dom.js';
import { state, painter, repaint, placeName } from './state.js';

const newest = (d) => Math.max(d.lastSeenMs || 0, d.changedMs || 0);

/** The registry's list; a change the stream brought while it was on its way is kept. */
export function setDevices(list) {
  const before = state.devices;
  const next = new Map();
  list.forEach((d) => {
    const live = before.get(d.id);
    next.set(d.id, live && newest(live) > newest(d) ? live : d);
  });
  state.devices = next;
  repaint('devices', 'map');
}

export function updateDevice(d) {
  if (d && d.id) {
    state.devices.set(d.id, d);
    repaint('devices', 'map');
  }
}

function seenText(d) {
  const t = window.Doorstep.t;
  if (!d.lastSeenMs) return t('neverSeen');
  if (!d.online && d.changedMs) return t('offlineFor', { d: duration(d.changedMs) });
  return ago(d.lastSeenMs);
}

function paint() {
  const t = window.Doorstep.t;
  const all = Array.from(state.devices.values());
  all.sort((a, b) => (a.online === b.online ? String(a.id).localeCompare(String(b.id)) : a.online ? 1 : -1));
  const online = all.filter((d) => d.online).length;
  $('count-online').textContent = online;
  $('count-offline').textContent = all.length - online;
  $('count-total').textContent = all.length;
  $('device-empty').hidden = all.length > 0;

  const list = $('device-list');
  list.textContent = '';
  all.forEach((d) => {
    const li = el('li', d.online ? 'online' : 'offline');
    const dot = el('span', 'state');
    dot.title = t(d.online ? 'online' : 'offline');
    li.appendChild(dot);
    const names = el('div');
    names.appendChild(el('div', 'device-name', String(d.id)));
    const where = placeName(d.id, { door: d.door }).replace(' · ' + d.id, '');
    const sub = [term('deviceType', d.type), where === d.id ? '' : where].filter(Boolean).join(' · ');
    names.appendChild(el('div', 'device-sub', sub));
    li.appendChild(names);
    li.appendChild(el('div', 'device-seen', seenText(d)));
    list.appendChild(li);
  });
}

painter('devices', paint);
