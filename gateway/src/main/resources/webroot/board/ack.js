// The acknowledgement dialog. The note is required (docs/web.md says why); a few ready phrases
// fill it with one click. The server checks the note and names the field when it refuses.
'use strict';

import { $, el, term } from './dom.js';
import { placeName } from './state.js';
import { acknowledged } from './alarms.js';

let current = null;
let sending = false;

export function ackDialog(alarm) {
  const t = window.Doorstep.t;
  current = alarm;
  $('ack-what').textContent = term('alarmType', alarm.type) + ' · ' + placeName(alarm.device, alarm);
  $('ack-note').value = '';
  showError(null);
  const presets = $('ack-presets');
  presets.textContent = '';
  const phrases = t('ackPresets');
  (Array.isArray(phrases) ? phrases : []).forEach((phrase) => {
    const b = el('button', 'preset', phrase);
    b.type = 'button';
    b.addEventListener('click', () => { $('ack-note').value = phrase; $('ack-note').focus(); });
    presets.appendChild(b);
  });
  $('ack-dialog').showModal();
  $('ack-note').focus();
}

function showError(text) {
  const box = $('ack-error');
  box.textContent = text || '';
  box.hidden = !text;
  $('ack-note').classList.toggle('invalid', Boolean(text));
}

function submit(e) {
  e.preventDefault();
  if (!current || sending) return;
  const t = window.Doorstep.t;
  const alarm = current;
  sending = true;
  $('ack-submit').disabled = true;
  window.Doorstep.post('/api/board/alarms/' + encodeURIComponent(alarm.id) + '/ack', { note: $('ack-note').value })
    .then((stored) => {
      acknowledged(stored);
      $('ack-dialog').close();
      current = null;
    })
    .catch((err) => {
      if (err && err.field === 'note') {
        showError(t('ackNoteError', { max: 500 }));
      } else if (err && err.status === 409) {
        showError(t('ackAlready'));
      } else if (err && err.status === 404) {
        showError(t('ackGone'));
      } else {
        showError(t('ackFailed') + (err && err.error ? ' (' + err.error + ')' : ''));
      }
    })
    .finally(() => {
      sending = false;
      $('ack-submit').disabled = false;
    });
}

export function setUpAck() {
  $('ack-form').addEventListener('submit', submit);
  $('ack-cancel').addEventListener('click', () => { $('ack-dialog').close(); current = null; });
}
