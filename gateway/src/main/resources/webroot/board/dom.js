// Small helpers the board's parts share: elements built with text only (never HTML), the
// translation of codes through the sub-tables of js/messages.js, and times as a guard reads them.
'use strict';

export const $ = (id) => document.getElementById(id);

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** A code from one of the sub-tables (reason, method, alarmType, …), or the code itself when unknown. */
export function term(table, code) {
  if (code === null || code === undefined || code === '') {
    return '';
  }
  const texts = window.Doorstep.t(table);
  const text = texts && typeof texts === 'object' ? texts[code] : undefined;
  return text === undefined ? String(code) : text;
}

const pad = (n) => String(n).padStart(2, '0');

function sameDay(a, b) {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** hh:mm:ss today, MM-dd hh:mm:ss before. */
export function clockTime(ms) {
  const d = new Date(ms);
  const time = pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  return sameDay(d, new Date()) ? time : pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + time;
}

export function fullClock(d) {
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' '
    + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
}

export function ago(ms) {
  const t = window.Doorstep.t;
  const s = Math.max(0, Math.floor((Date.now() - ms) / 1000));
  if (s < 60) return t('justNow');
  if (s < 3600) return t('minutesAgo', { n: Math.floor(s / 60) });
  if (s < 86400) return t('hoursAgo', { n: Math.floor(s / 3600) });
  return t('daysAgo', { n: Math.floor(s / 86400) });
}

/** A span of seconds: "< 1 min", "12 min", "3 h", "2 d". */
export function span(seconds) {
  const t = window.Doorstep.t;
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return t('seconds', { n: s });
  if (s < 3600) return t('minutes', { n: Math.floor(s / 60) });
  if (s < 86400) return t('hours', { n: Math.floor(s / 3600) });
  return t('days', { n: Math.floor(s / 86400) });
}

export function duration(ms) {
  const t = window.Doorstep.t;
  const s = Math.max(0, Math.floor((Date.now() - ms) / 1000));
  return s < 60 ? t('lessThanAMinute') : span(s);
}

export function parse(data) {
  try {
    return JSON.parse(data);
  } catch (e) {
    return null;
  }
}

/** A short message at the bottom of the screen; a failure stays until the guard closes it. */
let toastTimer = 0;
export function toast(text, ok) {
  const box = $('toast');
  box.textContent = '';
  box.className = 'toast ' + (ok ? 'toast-ok' : 'toast-bad');
  box.appendChild(el('span', 'toast-text', text));
  const close = el('button', 'toast-close', '×');
  close.type = 'button';
  close.addEventListener('click', () => { box.hidden = true; });
  box.appendChild(close);
  box.hidden = false;
  clearTimeout(toastTimer);
  if (ok) {
    toastTimer = setTimeout(() => { box.hidden = true; }, 6000);
  }
}
