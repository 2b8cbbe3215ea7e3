// Remote open of a door or lane: always through a confirmation, answered with what the door
// service said (opened, or why not, in the guard's language with the gateway's detail).
'use strict';

import { $, toast } from './dom.js';
import { state } from './state.js';

let door = null;
let sending = false;

export function confirmOpen(doorId) {
  const d = state.doors.get(doorId);
  if (!d) return;
  door = d;
  $('open-what').textContent = d.name + ' (' + d.id + ')';
  $('open-error').hidden = true;
  $('open-dialog').showModal();
  $('open-cancel').focus();
}

function submit(e) {
  e.preventDefault();
  if (!door || sending) return;
  const t = window.Doorstep.t;
  const d = door;
  sending = true;
  $('open-submit').disabled = true;
  window.Doorstep.post('/api/board/doors/' + encodeURIComponent(d.id) + '/open')
    .then((opened) => {
      $('open-dialog').close();
      door = null;
      toast(t(opened.heldByFire ? 'openHeldByFire' : 'opened', { door: d.name }), true);
    })
    .catch((err) => {
      const reason = t('openFailedReason');
      const why = err && err.reason && reason[err.reason] ? reason[err.reason] : t('openFailed');
      $('open-dialog').close();
      door = null;
      toast(t('openFailedAt', { door: d.name }) + ' ' + why + (err && err.error ? ' — ' + err.error : ''), false);
    })
    .finally(() => {
      sending = false;
      $('open-submit').disabled = false;
    });
}

export function setUpDoors() {
  $('open-form').addEventListener('submit', submit);
  $('open-cancel').addEventListener('click', () => { $('open-dialog').close(); door = null; });
}
