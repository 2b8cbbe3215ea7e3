// Alarms that need a person, at the top of the board: open or not yet acknowledged, loud ones
// first. They come from /api/board/alarms when the stream (re)connects and live from the stream's
// alarm.raised / alarm.cleared / alarm.acked events, so an acknowledgement made at one screen
// shows at every screen.
'use strict';

import { $, el, term, clockTime, ago } from './dom.js';
import { state, repaint, painter, placeName, doorOf, MAX_ALARMS } from './state.js';
import { confirmOpen } from './doors.js';
import { ackDialog } from './ack.js';

/** Alarms no guard may miss: red, blinking and sounding until acknowledged. */
const LOUD_TYPES = ['fire', 'charging.smoke', 'charging.relay-welded', 'charging.stop-unconfirmed', 'door-forced'];
const SEVERITY_RANK = { critical: 0, alarm: 1, warning: 2, info: 3 };

export function isLoud(alarm) {
  return alarm.severity === 'critical' || LOUD_TYPES.indexOf(alarm.type) >= 0;
}

/** A loud alarm nobody has acknowledged yet: the board keeps sounding while there is one. */
export function loudUnacknowledged() {
  for (const a of state.alarms.values()) {
    if (!a.ackedTs && isLoud(a)) return true;
  }
  return false;
}

function order(a, b) {
  const acked = (a.ackedTs ? 1 : 0) - (b.ackedTs ? 1 : 0);
  if (acked) return acked;
  const loud = (isLoud(a) ? 0 : 1) - (isLoud(b) ? 0 : 1);
  if (loud) return loud;
  const sev = (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9);
  return sev || b.raisedTs - a.raisedTs || b.id - a.id;
}

/**
 * Alarm events that arrive while the list is being loaded: the list may have been read before
 * them, so they are applied again on top of it. Bounded like the list.
 */
let replay = null;

export function loadingAlarms() {
  replay = [];
}

export function setAlarms(list) {
  state.alarms.clear();
  list.slice(0, MAX_ALARMS).forEach((a) => state.alarms.set(a.id, a));
  const since = replay || [];
  replay = null;
  since.forEach(onAlarmEvent);
  repaint('alarms', 'map');
}

/** Applies what the alarm service recorded; returns true when it was about an alarm. */
export function onAlarmEvent(event) {
  const p = event.payload || {};
  const id = p.alarmId;
  if (typeof id !== 'number') return false;
  if (replay !== null && replay.length < MAX_ALARMS) replay.push(event);
  if (event.kind === 'alarm.raised') {
    if (!state.alarms.has(id)) {
      state.alarms.set(id, { id, device: event.device, type: p.type, severity: event.severity,
        raisedTs: event.ts, clearedTs: null, ackedTs: null, ackedBy: null, note: null, door: p.door || null });
      trim();
    }
  } else if (event.kind === 'alarm.cleared') {
    update(id, (a) => { a.clearedTs = event.ts; });
  } else if (event.kind === 'alarm.acked') {
    update(id, (a) => { a.ackedTs = event.ts; a.ackedBy = p.by; a.note = p.note; });
  } else {
    return false;
  }
  repaint('alarms', 'map');
  return true;
}

/** The acknowledgement as the server answered it, shown before its event arrives. */
export function acknowledged(alarm) {
  update(alarm.id, (a) => Object.assign(a, alarm));
  repaint('alarms', 'map');
}

function update(id, change) {
  const alarm = state.alarms.get(id);
  if (!alarm) return;
  change(alarm);
  if (alarm.clearedTs && alarm.ackedTs) {
    state.alarms.delete(id); // over and seen: it stays in the event stream
  }
}

function trim() {
  while (state.alarms.size > MAX_ALARMS) {
    const oldest = Array.from(state.alarms.values()).sort(order).pop();
    state.alarms.delete(oldest.id);
  }
}

/** Devices with an alarm that needs a person, for the map. */
export function alarmedDevices() {
  const devices = new Set();
  state.alarms.forEach((a) => {
    if (!a.ackedTs || !a.clearedTs) devices.add(String(a.device));
  });
  return devices;
}

function alarmRow(alarm) {
  const t = window.Doorstep.t;
  const loud = isLoud(alarm);
  const li = el('li', 'alarm sev-' + alarm.severity + (loud ? ' loud' : '') + (alarm.ackedTs ? ' acked' : ''));
  li.dataset.alarmId = alarm.id;
  li.appendChild(el('span', 'alarm-type', term('alarmType', alarm.type)));
  li.appendChild(el('span', 'alarm-place', placeName(alarm.device, alarm)));
  li.appendChild(el('span', 'alarm-time', clockTime(alarm.raisedTs) + ' · ' + ago(alarm.raisedTs)));

  const status = el('span', 'alarm-status');
  status.appendChild(el('span', 'alarm-state', t(alarm.clearedTs ? 'alarmCleared' : 'alarmOngoing')));
  if (alarm.ackedTs) {
    status.appendChild(el('span', 'alarm-ack', t('ackedBy', { by: alarm.ackedBy || '' })));
    if (alarm.note) status.appendChild(el('span', 'alarm-note', alarm.note));
  }
  li.appendChild(status);

  const actions = el('span', 'alarm-actions');
  const door = doorOf(alarm.device, alarm);
  if (door && state.doors.has(door)) {
    const open = el('button', 'open-door', t('openDoor'));
    open.type = 'button';
    open.addEventListener('click', () => confirmOpen(door));
    actions.appendChild(open);
  }
  if (!alarm.ackedTs) {
    const ack = el('button', 'ack primary', t('ack'));
    ack.type = 'button';
    ack.addEventListener('click', () => ackDialog(alarm));
    actions.appendChild(ack);
  }
  li.appendChild(actions);
  return li;
}

function paint() {
  const t = window.Doorstep.t;
  const list = $('alarm-list');
  list.textContent = '';
  const all = Array.from(state.alarms.values()).sort(order);
  all.forEach((a) => list.appendChild(alarmRow(a)));
  const waiting = all.filter((a) => !a.ackedTs).length;
  $('alarms').hidden = all.length === 0;
  $('alarm-count').textContent = t('alarmCount', { n: waiting, total: all.length });
  document.body.classList.toggle('alarm-loud', loudUnacknowledged());
}

painter('alarms', paint);
