// The stream of passages and events, with filters by kind, door and person. Each kind keeps its
// own newest events (so a busy gate never pushes the last alarm off the page), every buffer is
// bounded, and the table shows at most MAX_ROWS rows: weeks of running cost no memory.
'use strict';

import { $, el, term, clockTime } from './dom.js';
import { state, placeName, doorOf } from './state.js';
import { confirmOpen } from './doors.js';

/** Events kept per kind. */
const KEEP = 200;
/** Rows in the table; a guard reads the first screen, the rest is for a glance back. */
const MAX_ROWS = 200;

/** The filter's kinds, and which event kinds belong to each. */
export const CATEGORIES = {
  passages: ['passage', 'passage.offline', 'door.remote-open', 'door.exit'],
  alarms: ['alarm.raised', 'alarm.cleared', 'alarm.acked', 'device.alarm', 'fire.alarm', 'fire.clear',
    'fire.mode.started', 'fire.mode.resumed', 'fire.mode.ended', 'fire.reset.refused', 'fire.doors.released',
    'fire.doors.restored', 'doors.all-open.on', 'doors.all-open.off'],
  devices: ['device.online', 'device.offline', 'door.state', 'line.lost', 'line.up', 'sync.failed',
    'bad_message', 'upstream.refused', 'upstream.connected', 'gateway.started'],
  charging: ['charging.alarm', 'charging.alarm.cleared', 'charging.stop', 'charging.session.started',
    'charging.session.ended', 'charging.siren'],
};

const buffers = { passages: [], alarms: [], devices: [], charging: [] }; // newest first
const known = new Map(); // event id -> category, for every event held
const rows = new Map(); // event id -> <tr> shown
const filter = { kind: 'all', door: '', text: '' };

function categoryOf(kind) {
  for (const name of Object.keys(CATEGORIES)) {
    if (CATEGORIES[name].indexOf(kind) >= 0) return name;
  }
  return null;
}

/** Adds an event in time order; repeats (stream and history overlap) and unknown kinds are ignored. */
export function addEvent(event, fresh) {
  if (!event || !event.id || typeof event.ts !== 'number' || known.has(event.id)) return;
  const category = categoryOf(event.kind);
  if (!category) return;
  const buffer = buffers[category];
  let index = 0;
  while (index < buffer.length && buffer[index].ts > event.ts) index++;
  if (index >= KEEP) return; // older than everything kept
  buffer.splice(index, 0, event);
  known.set(event.id, category);
  while (buffer.length > KEEP) {
    drop(buffer.pop());
  }
  if (matches(event)) {
    show(event, fresh);
  }
}

function drop(event) {
  known.delete(event.id);
  const row = rows.get(event.id);
  if (row) {
    row.remove();
    rows.delete(event.id);
  }
}

function matches(event) {
  if (filter.kind !== 'all' && CATEGORIES[filter.kind].indexOf(event.kind) < 0) return false;
  if (filter.door && doorOf(event.device, event.payload) !== filter.door) return false;
  if (filter.text) {
    const p = event.payload || {};
    const who = [p.personName, p.personId, p.by].filter(Boolean).join(' ').toLowerCase();
    if (who.indexOf(filter.text) < 0) return false;
  }
  return true;
}

/** Puts one row where its time belongs among the rows shown, and keeps the table bounded. */
function show(event, fresh) {
  const body = $('passage-rows');
  const row = eventRow(event, fresh);
  row.dataset.ts = event.ts;
  let before = body.firstChild;
  while (before && Number(before.dataset.ts) > event.ts) before = before.nextSibling;
  body.insertBefore(row, before);
  rows.set(event.id, row);
  while (rows.size > MAX_ROWS) {
    const last = body.lastChild;
    rows.delete(last.dataset.id);
    last.remove();
  }
  paintCount();
}

/** Every row again, e.g. when the filter or the language changes. */
export function paintEvents() {
  const body = $('passage-rows');
  body.textContent = '';
  rows.clear();
  const all = filter.kind === 'all'
    ? [].concat(buffers.passages, buffers.alarms, buffers.devices, buffers.charging)
    : buffers[filter.kind].slice();
  all.sort((a, b) => b.ts - a.ts);
  for (const event of all) {
    if (rows.size >= MAX_ROWS) break;
    if (!matches(event)) continue;
    const row = eventRow(event, false);
    row.dataset.ts = event.ts;
    rows.set(event.id, row);
    body.appendChild(row);
  }
  paintCount();
}

function paintCount() {
  const t = window.Doorstep.t;
  const n = rows.size;
  $('passage-count').textContent = n ? t('passageCount', { n }) : '';
  $('passage-empty').hidden = n > 0;
}

function badge(text, good) {
  return el('span', 'badge ' + (good ? 'badge-open' : 'badge-deny'), text);
}

/** The row's middle columns and result for each kind of event. */
function describe(event) {
  const t = window.Doorstep.t;
  const p = event.payload || {};
  const kind = event.kind;
  const d = { way: '', person: '', result: null, stranger: false, deny: false };
  if (kind === 'passage' || kind === 'passage.offline') {
    const open = p.decision === 'open';
    d.way = [term('direction', p.direction), term('method', p.method)].filter(Boolean).join(' · ');
    d.tag = p.bodyType && p.bodyType !== 'pedestrian' ? term('bodyType', p.bodyType) : null;
    const known = p.personName || p.personId;
    d.person = known ? String(known) : t('stranger');
    d.stranger = !known;
    d.deny = !open;
    d.result = el('span');
    d.result.appendChild(badge(t(open ? 'open' : 'deny'), open));
    // "OK" beside "open" says nothing new; every other reason is why the door did what it did
    if (p.reason && p.reason !== 'OK') {
      d.result.appendChild(el('span', open ? 'reason-open' : 'reason-deny', term('reason', p.reason)));
    }
    if (kind === 'passage.offline') d.result.appendChild(el('span', 'tag', t('offlineRecord')));
    return d;
  }
  d.way = term('eventKind', kind);
  if (kind === 'door.remote-open') {
    d.person = p.by || '';
    d.deny = p.ok === false;
    d.result = badge(t(p.ok === false ? 'openFailed' : 'opened', { door: '' }).trim(), p.ok !== false);
  } else if (kind.startsWith('alarm.')) {
    d.way += ': ' + term('alarmType', p.type);
    d.deny = kind === 'alarm.raised';
    if (kind === 'alarm.acked') {
      d.person = p.by || '';
      d.result = el('span', 'alarm-note', p.note || '');
    }
  } else if (kind === 'device.alarm') {
    d.way += ': ' + String(p.type || '');
    d.deny = true;
  } else if (kind === 'door.state') {
    d.way += ': ' + term('doorState', p.state) + (p.forced ? ' · ' + t('forced') : '');
    d.deny = Boolean(p.forced);
  } else if (kind === 'charging.alarm') {
    const text = window.Doorstep.language() === 'en' ? p.textEn : p.textZh;
    d.way += ': ' + (text || term('alarmType', p.type));
    d.deny = true;
  } else if (kind === 'charging.alarm.cleared') {
    d.way += ': ' + term('alarmType', p.type);
  } else if (kind === 'charging.session.ended' && typeof p.energyWh === 'number') {
    d.result = el('span', 'muted', (p.energyWh / 1000).toFixed(2) + ' kWh');
  } else if (kind.startsWith('fire.') || kind === 'device.offline' || kind === 'line.lost'
      || kind === 'upstream.refused' || kind === 'sync.failed') {
    d.deny = true;
  }
  if (p.by && !d.person) d.person = String(p.by);
  return d;
}

function eventRow(event, fresh) {
  const d = describe(event);
  const tr = el('tr', (d.deny ? 'deny' : 'open') + (fresh ? ' fresh' : '') + ' kind-' + event.kind.replace(/\./g, '-'));
  tr.dataset.id = event.id;
  tr.appendChild(el('td', 'time', clockTime(event.ts)));
  const place = placeName(event.device, event.payload);
  const doorCell = el('td', 'door', place);
  doorCell.title = place;
  tr.appendChild(doorCell);
  const way = el('td', 'way', d.way);
  way.title = d.way;
  if (d.tag) way.appendChild(el('span', 'tag', d.tag));
  tr.appendChild(way);
  tr.appendChild(el('td', 'person' + (d.stranger ? ' stranger' : ''), d.person));
  const result = el('td', 'decision');
  if (d.result) result.appendChild(d.result);
  // a refused passage at a door the board can open: the guard may let the person in
  const door = doorOf(event.device, event.payload);
  if (event.kind === 'passage' && d.deny && door && state.doors.has(door)) {
    const open = el('button', 'row-open', window.Doorstep.t('openDoor'));
    open.type = 'button';
    open.addEventListener('click', () => confirmOpen(door));
    result.appendChild(open);
  }
  tr.appendChild(result);
  return tr;
}

/** The door filter's choices, from the estate's map. */
export function paintDoorChoices() {
  const select = $('filter-door');
  const chosen = select.value;
  while (select.options.length > 1) select.remove(1);
  state.doors.forEach((d) => {
    const option = el('option', null, d.name);
    option.value = d.id;
    select.appendChild(option);
  });
  select.value = chosen;
}

export function setUpFilters() {
  const kind = $('filter-kind');
  const door = $('filter-door');
  const text = $('filter-text');
  kind.addEventListener('change', () => { filter.kind = kind.value; paintEvents(); });
  door.addEventListener('change', () => { filter.door = door.value; paintEvents(); });
  text.addEventListener('input', () => { filter.text = text.value.trim().toLowerCase(); paintEvents(); });
}

/** The history of every kind, newest first: the page's start, or a gap while disconnected. */
export function loadHistory() {
  Object.keys(CATEGORIES).forEach((category) => {
    window.Doorstep.get('/api/events?limit=100&kind=' + CATEGORIES[category].join(','))
      .then((body) => (body.events || []).forEach((event) => addEvent(event, false)))
      .catch(() => { /* the stream still shows what comes next */ });
  });
}

