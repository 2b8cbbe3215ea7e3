// The guards' board: active alarms on top (loud ones red, blinking and sounding until someone
// acknowledges them), the live stream of passages and events with filters, the estate's map,
// the devices offline, and a status strip. No framework and no build step, so it runs as served
// on any booth PC for weeks; every text comes from js/messages.js, every name is set as text.
// One EventSource; when it (re)connects, what it could not have sent is loaded again.
'use strict';

import { $, fullClock, parse } from './board/dom.js';
import { state, repaint, painter, setEstate } from './board/state.js';
import { setAlarms, loadingAlarms, onAlarmEvent, isLoud } from './board/alarms.js';
import { setUpAck } from './board/ack.js';
import { setUpDoors } from './board/doors.js';
import { addEvent, loadHistory, paintEvents, paintDoorChoices, setUpFilters } from './board/events.js';
import { setDevices, updateDevice } from './board/devices.js';
import './board/map.js';
import { setUpSound, paintSound, chime } from './board/sound.js';
import { setUpStatus, paintStatus } from './board/status.js';

/** When the server refused the stream outright; the browser retries by itself otherwise. */
const RESTART_MS = 5000;

const Doorstep = window.Doorstep;
const t = Doorstep.t;
let conn = 'connecting';

function applyLanguage() {
  const lang = Doorstep.language();
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-msg]').forEach((node) => {
    node.textContent = t(node.dataset.msg);
  });
  $('filter-text').placeholder = t('searchPerson');
  $('lang').textContent = t('switchTo');
  paintTitle();
  paintConn();
  paintClock();
  paintSound();
  paintStatus();
  paintEvents();
  repaint();
}

function switchLanguage() {
  Doorstep.setLanguage(Doorstep.language() === 'zh' ? 'en' : 'zh');
  applyLanguage();
}

function paintClock() {
  $('clock').textContent = fullClock(new Date());
}

function paintTitle() {
  const name = state.estate && state.estate.name ? String(state.estate.name) : '';
  $('estate-name').textContent = name || 'Doorstep';
  document.title = (name ? name + ' · ' : '') + t('boardTitle');
}

function setConn(next) {
  conn = next;
  paintConn();
}

function paintConn() {
  $('conn').className = 'conn conn-' + conn;
  $('conn-text').textContent = t(conn);
}

function loadEstate() {
  Doorstep.get('/api/estate').then((estate) => {
    if (!state.estate) state.estate = estate;
    paintTitle();
  }).catch(() => { /* the title stays generic */ });
  return Doorstep.get('/api/board/map').then((map) => {
    setEstate(map);
    paintTitle();
    paintDoorChoices();
    paintEvents();
    repaint();
  }).catch(() => { /* the map stays empty */ });
}

/** Fills what the stream could not have sent: the page's start, or a gap while disconnected. */
function reload() {
  loadingAlarms();
  Doorstep.get('/api/board/alarms')
    .then((body) => setAlarms(body.alarms || []))
    .catch(() => setAlarms(Array.from(state.alarms.values()))); // keep what is shown
  Doorstep.get('/api/devices').then((body) => setDevices(body.devices || [])).catch(() => {});
  loadHistory();
}

function onEvent(event) {
  if (!event) return;
  if (onAlarmEvent(event) && event.kind === 'alarm.raised' && !isLoud({ type: event.payload.type,
    severity: event.severity })) {
    chime();
  }
  addEvent(event, true);
}

function connect() {
  const source = new EventSource('/api/stream');
  // "open" comes once the server listens for us, so what is loaded now leaves no gap
  source.onopen = () => {
    setConn('live');
    reload();
  };
  source.addEventListener('event', (m) => onEvent(parse(m.data)));
  source.addEventListener('device', (m) => updateDevice(parse(m.data)));
  source.onerror = () => {
    setConn('reconnecting');
    if (source.readyState === EventSource.CLOSED) {
      // the server answered with an error: the browser gives up, so start again ourselves
      source.close();
      setTimeout(connect, RESTART_MS);
    }
  };
}

function start() {
  $('lang').addEventListener('click', switchLanguage);
  setUpFilters();
  setUpAck();
  setUpDoors();
  setUpSound();
  applyLanguage();
  setUpStatus();
  setInterval(paintClock, 1000);
  // "3 min ago" must keep moving even when nothing happens
  setInterval(() => repaint('devices', 'alarms'), 30000);
  loadEstate().finally(connect);
}

painter('title', paintTitle);
start();
