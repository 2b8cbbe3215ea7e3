// The guards' live board: recent passages and device states, read-only.
// No framework and no build step, so it runs as served on any booth PC for weeks;
// every text comes from MESSAGES, and every name is set as text, never as HTML.
(function () {
  'use strict';

  const MESSAGES = window.DOORSTEP_MESSAGES;

  const PASSAGE_KINDS = ['passage', 'passage.offline'];
  /** Rows kept on the page: enough for a shift's glance, bounded so weeks of running cost nothing. */
  const MAX_ROWS = 200;
  const INITIAL_ROWS = 50;
  /** When the server refused the stream outright; the browser retries by itself otherwise. */
  const RESTART_MS = 5000;
  const LANG_KEY = 'doorstep.lang';

  const state = {
    lang: savedLanguage(),
    conn: 'connecting',
    estate: null,
    passages: [], // newest first
    rows: new Map(), // event id -> <tr>
    devices: new Map(), // device id -> DeviceStatus JSON
    source: null,
  };

  const $ = (id) => document.getElementById(id);

  // ---- texts ---------------------------------------------------------------------------

  function savedLanguage() {
    try {
      const lang = window.localStorage.getItem(LANG_KEY);
      return lang === 'en' || lang === 'zh' ? lang : 'zh';
    } catch (e) {
      return 'zh'; // storage blocked: the default language still works
    }
  }

  function t(key, values) {
    const text = MESSAGES[state.lang][key];
    const template = text === undefined ? MESSAGES.zh[key] : text;
    if (values === undefined) {
      return template;
    }
    return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  }

  /** A code from one of the sub-tables (reason, method, …), or the code itself when unknown. */
  function term(table, code) {
    if (code === null || code === undefined || code === '') {
      return '';
    }
    const text = MESSAGES[state.lang][table][code];
    return text === undefined ? String(code) : text;
  }

  function applyLanguage() {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-msg]').forEach((node) => {
      node.textContent = t(node.dataset.msg);
    });
    $('lang').textContent = t('switchTo');
    renderTitle();
    renderConn();
    renderPassages();
    renderDevices();
    renderClock();
  }

  function switchLanguage() {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    try {
      window.localStorage.setItem(LANG_KEY, state.lang);
    } catch (e) {
      // not remembered, but switched for this visit
    }
    applyLanguage();
  }

  // ---- time ----------------------------------------------------------------------------

  const pad = (n) => String(n).padStart(2, '0');

  function sameDay(a, b) {
    return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
  }

  function passageTime(ms) {
    const d = new Date(ms);
    const time = pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
    return sameDay(d, new Date()) ? time : pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + time;
  }

  function ago(ms) {
    const s = Math.max(0, Math.floor((Date.now() - ms) / 1000));
    if (s < 60) return t('justNow');
    if (s < 3600) return t('minutesAgo', { n: Math.floor(s / 60) });
    if (s < 86400) return t('hoursAgo', { n: Math.floor(s / 3600) });
    return t('daysAgo', { n: Math.floor(s / 86400) });
  }

  function duration(ms) {
    const s = Math.max(0, Math.floor((Date.now() - ms) / 1000));
    if (s < 60) return t('lessThanAMinute');
    if (s < 3600) return t('minutes', { n: Math.floor(s / 60) });
    if (s < 86400) return t('hours', { n: Math.floor(s / 3600) });
    return t('days', { n: Math.floor(s / 86400) });
  }

  function renderClock() {
    const d = new Date();
    $('clock').textContent = d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' '
      + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  }

  // ---- header --------------------------------------------------------------------------

  function renderTitle() {
    const name = state.estate && state.estate.name ? String(state.estate.name) : '';
    $('estate-name').textContent = name || 'Doorstep';
    document.title = (name ? name + ' · ' : '') + t('boardTitle');
  }

  function setConn(conn) {
    state.conn = conn;
    renderConn();
  }

  function renderConn() {
    $('conn').className = 'conn conn-' + state.conn;
    $('conn-text').textContent = t(state.conn);
  }

  // ---- passages ------------------------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function passageRow(event, fresh) {
    const p = event.payload || {};
    const open = p.decision === 'open';
    const tr = el('tr', (open ? 'open' : 'deny') + (fresh ? ' fresh' : ''));

    tr.appendChild(el('td', 'time', passageTime(event.ts)));
    const door = p.doorName || p.door || event.device;
    const doorCell = el('td', 'door', door);
    doorCell.title = door;
    tr.appendChild(doorCell);

    const way = [term('direction', p.direction), term('method', p.method)].filter(Boolean).join(' · ');
    const wayCell = el('td', 'way', way);
    if (p.bodyType && p.bodyType !== 'pedestrian') {
      wayCell.appendChild(el('span', 'tag', term('bodyType', p.bodyType)));
    }
    tr.appendChild(wayCell);

    const known = p.personName || p.personId;
    const person = el('td', 'person' + (known ? '' : ' stranger'), known ? String(known) : t('stranger'));
    tr.appendChild(person);

    const decision = el('td', 'decision');
    decision.appendChild(el('span', 'badge ' + (open ? 'badge-open' : 'badge-deny'), t(open ? 'open' : 'deny')));
    // "OK" beside "open" says nothing new; every other reason is why the door did what it did
    if (p.reason && p.reason !== 'OK') {
      decision.appendChild(el('span', open ? 'reason-open' : 'reason-deny', term('reason', p.reason)));
    }
    if (event.kind === 'passage.offline') {
      decision.appendChild(el('span', 'tag', t('offlineRecord')));
    }
    tr.appendChild(decision);
    return tr;
  }

  /** Adds one passage in time order; a repeat (stream and history overlap) is ignored. */
  function addPassage(event, fresh) {
    if (!event || !event.id || state.rows.has(event.id) || PASSAGE_KINDS.indexOf(event.kind) < 0
        || typeof event.ts !== 'number') {
      return;
    }
    let index = 0;
    while (index < state.passages.length && state.passages[index].ts > event.ts) {
      index++;
    }
    if (index >= MAX_ROWS) {
      return; // older than everything kept
    }
    const row = passageRow(event, fresh);
    const body = $('passage-rows');
    body.insertBefore(row, index < state.passages.length ? state.rows.get(state.passages[index].id) : null);
    state.passages.splice(index, 0, event);
    state.rows.set(event.id, row);
    while (state.passages.length > MAX_ROWS) {
      const dropped = state.passages.pop();
      state.rows.get(dropped.id).remove();
      state.rows.delete(dropped.id);
    }
    renderPassageCount();
  }

  function renderPassages() {
    const body = $('passage-rows');
    body.textContent = '';
    state.rows.clear();
    state.passages.forEach((event) => {
      const row = passageRow(event, false);
      state.rows.set(event.id, row);
      body.appendChild(row);
    });
    renderPassageCount();
  }

  function renderPassageCount() {
    const n = state.passages.length;
    $('passage-count').textContent = n ? t('passageCount', { n: n }) : '';
    $('passage-empty').hidden = n > 0;
  }

  // ---- devices -------------------------------------------------------------------------

  function renderDevices() {
    const all = Array.from(state.devices.values());
    // offline first: those are the ones a guard must act on
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
      const sub = [term('deviceType', d.type), d.door].filter(Boolean).join(' · ');
      names.appendChild(el('div', 'device-sub', sub));
      li.appendChild(names);
      li.appendChild(el('div', 'device-seen', seenText(d)));
      list.appendChild(li);
    });
  }

  function seenText(d) {
    if (!d.lastSeenMs) return t('neverSeen');
    if (!d.online && d.changedMs) return t('offlineFor', { d: duration(d.changedMs) });
    return ago(d.lastSeenMs);
  }

  function setDevices(list) {
    state.devices.clear();
    list.forEach((d) => state.devices.set(d.id, d));
    renderDevices();
  }

  function updateDevice(d) {
    if (d && d.id) {
      state.devices.set(d.id, d);
      renderDevices();
    }
  }

  // ---- server --------------------------------------------------------------------------

  function getJson(url) {
    return fetch(url, { cache: 'no-store' }).then((r) => {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      return r.json();
    });
  }

  function loadEstate() {
    getJson('api/estate').then((estate) => {
      state.estate = estate;
      renderTitle();
    }).catch(() => { /* the title stays generic */ });
  }

  /** Fills what the stream could not have sent: the page's start, or a gap while disconnected. */
  function loadRecent() {
    getJson('api/events?limit=' + INITIAL_ROWS + '&kind=' + PASSAGE_KINDS.join(','))
      .then((body) => (body.events || []).forEach((event) => addPassage(event, false)))
      .catch(() => { /* the stream still shows what comes next */ });
    getJson('api/devices').then((body) => setDevices(body.devices || [])).catch(() => {});
  }

  function parse(data) {
    try {
      return JSON.parse(data);
    } catch (e) {
      return null;
    }
  }

  function connect() {
    const source = new EventSource('api/stream?kind=' + PASSAGE_KINDS.join(','));
    state.source = source;
    // "open" comes once the server listens for us, so history loaded now leaves no gap
    source.onopen = () => {
      setConn('live');
      loadRecent();
    };
    source.addEventListener('event', (m) => addPassage(parse(m.data), true));
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
    applyLanguage();
    setInterval(renderClock, 1000);
    // "3 min ago" must keep moving even when nothing happens
    setInterval(renderDevices, 30000);
    loadEstate();
    connect();
  }

  start();
})();
