// The guards' live board: recent passages and device states, read-only.
// No framework and no build step, so it runs as served on any booth PC for weeks;
// every text comes from MESSAGES, and every name is set as text, never as HTML.
(function () {
  'use strict';

  const MESSAGES = {
    zh: {
      boardTitle: '值班看板',
      switchTo: 'English',
      connecting: '连接中',
      live: '实时',
      reconnecting: '重新连接中…',
      passages: '实时通行',
      passageCount: '最近 {n} 条',
      colTime: '时间',
      colDoor: '门',
      colWay: '方向 · 方式',
      colPerson: '人员',
      colDecision: '结果',
      noPassages: '暂无通行记录',
      stranger: '陌生人',
      open: '开门',
      deny: '拒绝',
      offlineRecord: '离线记录',
      devices: '设备',
      online: '在线',
      offline: '离线',
      total: '总数',
      noDevices: '暂无设备',
      neverSeen: '从未上线',
      justNow: '刚刚',
      minutesAgo: '{n} 分钟前',
      hoursAgo: '{n} 小时前',
      daysAgo: '{n} 天前',
      offlineFor: '已离线 {d}',
      lessThanAMinute: '不到 1 分钟',
      minutes: '{n} 分钟',
      hours: '{n} 小时',
      days: '{n} 天',
      direction: { in: '进', out: '出' },
      method: { face: '人脸', card: '刷卡', qr: '二维码' },
      bodyType: { ebike: '电动车', bicycle: '自行车', stroller: '婴儿车', wheelchair: '轮椅' },
      reason: {
        OK: '通过',
        UNKNOWN_FACE: '未登记人员',
        UNKNOWN_CARD: '未登记卡片',
        UNKNOWN_PERSON: '未登记人员',
        EXPIRED: '已过期',
        NOT_YET_VALID: '尚未生效',
        QR_INVALID: '二维码无效',
        QR_EXPIRED: '二维码已过期',
        QR_USED: '二维码已使用',
        NOT_ALLOWED: '无权限',
        EBIKE_NOT_ALLOWED: '电动车禁止通行',
        LIVENESS_FAILED: '活体检测未通过',
        LOW_SCORE: '人脸比对分数过低',
        OUTSIDE_HOURS: '不在通行时段',
        BLOCKED: '已禁止通行',
        UNKNOWN_DOOR: '未配置的门',
        REMOTE: '远程开门',
        FIRE: '消防放行',
        OFFLINE: '终端离线判定',
      },
      deviceType: {
        'face-terminal': '人脸终端',
        'card-reader': '读卡器',
        'barrier': '道闸',
        'plate-camera': '车牌相机',
        'charger': '充电桩',
        'fire-water': '消防水压',
        'solar-lamp': '太阳能路灯',
        'camera': '摄像机',
      },
    },
    en: {
      boardTitle: 'Live board',
      switchTo: '中文',
      connecting: 'Connecting',
      live: 'Live',
      reconnecting: 'Reconnecting…',
      passages: 'Live passages',
      passageCount: 'last {n}',
      colTime: 'Time',
      colDoor: 'Door',
      colWay: 'Direction · method',
      colPerson: 'Person',
      colDecision: 'Result',
      noPassages: 'No passages yet',
      stranger: 'Stranger',
      open: 'Open',
      deny: 'Denied',
      offlineRecord: 'offline',
      devices: 'Devices',
      online: 'Online',
      offline: 'Offline',
      total: 'Total',
      noDevices: 'No devices',
      neverSeen: 'never seen',
      justNow: 'just now',
      minutesAgo: '{n} min ago',
      hoursAgo: '{n} h ago',
      daysAgo: '{n} d ago',
      offlineFor: 'offline for {d}',
      lessThanAMinute: '< 1 min',
      minutes: '{n} min',
      hours: '{n} h',
      days: '{n} d',
      direction: { in: 'In', out: 'Out' },
      method: { face: 'Face', card: 'Card', qr: 'QR code' },
      bodyType: { ebike: 'e-bike', bicycle: 'bicycle', stroller: 'stroller', wheelchair: 'wheelchair' },
      reason: {
        OK: 'Passed',
        UNKNOWN_FACE: 'Unregistered person',
        UNKNOWN_CARD: 'Unregistered card',
        UNKNOWN_PERSON: 'Unregistered person',
        EXPIRED: 'Expired',
        NOT_YET_VALID: 'Not yet valid',
        QR_INVALID: 'Invalid QR code',
        QR_EXPIRED: 'QR code expired',
        QR_USED: 'QR code already used',
        NOT_ALLOWED: 'No permission',
        EBIKE_NOT_ALLOWED: 'E-bikes not allowed',
        LIVENESS_FAILED: 'Liveness check failed',
        LOW_SCORE: 'Face match too weak',
        OUTSIDE_HOURS: 'Outside permitted hours',
        BLOCKED: 'Blocked',
        UNKNOWN_DOOR: 'Door not configured',
        REMOTE: 'Opened remotely',
        FIRE: 'Fire release',
        OFFLINE: 'Decided by the terminal offline',
      },
      deviceType: {
        'face-terminal': 'Face terminal',
        'card-reader': 'Card reader',
        'barrier': 'Barrier',
        'plate-camera': 'Plate camera',
        'charger': 'Charging pile',
        'fire-water': 'Fire water',
        'solar-lamp': 'Solar lamp',
        'camera': 'Camera',
      },
    },
  };

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
