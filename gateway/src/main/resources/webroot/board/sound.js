// The alarm sound, made in the page (Web Audio, no sound files). A browser plays sound only
// after a person has touched the page once, so until then the board shows a button that says so;
// after it, the same button mutes and unmutes. A loud alarm nobody acknowledged sounds a two-tone
// siren every few seconds; any other new alarm sounds one short tone.
'use strict';

import { $ } from './dom.js';
import { loudUnacknowledged } from './alarms.js';

const REPEAT_MS = 3000;
let audio = null;
let muted = false;

function ready() {
  return audio !== null && audio.state === 'running' && !muted;
}

function tone(frequency, start, length, volume) {
  const osc = audio.createOscillator();
  const gain = audio.createGain();
  osc.type = 'square';
  osc.frequency.value = frequency;
  gain.gain.setValueAtTime(0, start);
  gain.gain.linearRampToValueAtTime(volume, start + 0.02);
  gain.gain.setValueAtTime(volume, start + length - 0.03);
  gain.gain.linearRampToValueAtTime(0, start + length);
  osc.connect(gain).connect(audio.destination);
  osc.start(start);
  osc.stop(start + length);
  // the nodes go when they have played: nothing is kept
}

function siren() {
  const now = audio.currentTime;
  for (let i = 0; i < 4; i++) {
    tone(i % 2 ? 660 : 880, now + i * 0.3, 0.28, 0.25);
  }
}

/** One short tone for an alarm that is not loud. */
export function chime() {
  if (ready() && !loudUnacknowledged()) {
    tone(660, audio.currentTime, 0.35, 0.15);
  }
}

function paintButton() {
  const t = window.Doorstep.t;
  const button = $('sound');
  const on = audio !== null && audio.state === 'running';
  button.textContent = !on ? t('soundEnable') : muted ? t('soundMuted') : t('soundOn');
  button.className = 'sound ' + (!on ? 'sound-off' : muted ? 'sound-muted' : 'sound-on');
}

export function paintSound() {
  paintButton();
}

function press() {
  if (audio === null || audio.state !== 'running') {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    audio = audio || new Context();
    audio.resume().then(() => {
      muted = false;
      paintButton();
      if (loudUnacknowledged()) siren();
    });
    return;
  }
  muted = !muted;
  paintButton();
}

export function setUpSound() {
  $('sound').addEventListener('click', press);
  paintButton();
  setInterval(() => {
    if (ready() && loudUnacknowledged()) siren();
  }, REPEAT_MS);
}
