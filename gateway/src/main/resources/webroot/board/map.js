// The estate at a glance: gates and lanes, buildings with their unit doors, charging sheds with
// their piles, each coloured by its devices: green online, grey offline, red (blinking for a loud
// alarm) when an alarm needs a person. A click on a door or lane offers to open it.
'use strict';

import { $, el } from './dom.js';
import { state, painter, baseDevice } from './state.js';
import { alarmedDevices, isLoud } from './alarms.js';
import { confirmOpen } from './doors.js';

/** online, offline, alarm, loud or none (a place without devices). */
function stateOf(devices, alarmed, loud) {
  if (devices.some((d) => loud.has(d))) return 'loud';
  if (devices.some((d) => alarmed.has(d))) return 'alarm';
  if (devices.length === 0) return 'none';
  const known = devices.map((d) => state.devices.get(d)).filter(Boolean);
  if (known.length === 0) return 'none';
  return known.every((s) => s.online) ? 'online' : 'offline';
}

function doorTile(door, alarmed, loud) {
  const t = window.Doorstep.t;
  const s = stateOf(door.devices || [], alarmed, loud);
  const tile = el('button', 'tile door-tile st-' + s);
  tile.type = 'button';
  tile.dataset.door = door.id;
  tile.title = door.name + ' · ' + t('mapState')[s] + ((door.devices || []).length ? ' · ' + t('clickToOpen') : '');
  tile.appendChild(el('span', 'tile-name', door.name));
  if ((door.devices || []).length) {
    tile.addEventListener('click', () => confirmOpen(door.id));
  } else {
    tile.disabled = true;
  }
  return tile;
}

function paint() {
  const t = window.Doorstep.t;
  const map = $('estate-map');
  map.textContent = '';
  const estate = state.estate;
  if (!estate) return;
  const alarmed = new Set();
  const loud = new Set();
  alarmedDevices().forEach((d) => alarmed.add(baseDevice(d)));
  state.alarms.forEach((a) => {
    if (!a.ackedTs && isLoud(a)) loud.add(baseDevice(a.device));
  });

  if ((estate.gates || []).length) {
    const gates = el('div', 'map-group gates');
    gates.appendChild(el('h3', null, t('mapGates')));
    const tiles = el('div', 'tiles');
    estate.gates.forEach((g) => tiles.appendChild(doorTile(g, alarmed, loud)));
    gates.appendChild(tiles);
    map.appendChild(gates);
  }
  if ((estate.buildings || []).length) {
    const group = el('div', 'map-group buildings');
    group.appendChild(el('h3', null, t('mapBuildings')));
    const grid = el('div', 'building-grid');
    estate.buildings.forEach((b) => {
      const box = el('div', 'building');
      box.appendChild(el('span', 'building-name', b.name));
      const units = el('div', 'units');
      (b.doors || []).forEach((d) => {
        const tile = doorTile(d, alarmed, loud);
        tile.querySelector('.tile-name').textContent = d.name.replace(b.name, '') || d.name;
        units.appendChild(tile);
      });
      box.appendChild(units);
      grid.appendChild(box);
    });
    group.appendChild(grid);
    map.appendChild(group);
  }
  if ((estate.sheds || []).length) {
    const group = el('div', 'map-group sheds');
    group.appendChild(el('h3', null, t('mapSheds')));
    const grid = el('div', 'shed-grid');
    estate.sheds.forEach((s) => {
      const shedState = stateOf([s.id], alarmed, loud);
      const box = el('div', 'shed st-' + (shedState === 'none' ? 'plain' : shedState));
      box.dataset.shed = s.id;
      box.appendChild(el('span', 'shed-name', s.name));
      const piles = el('div', 'piles');
      (s.piles || []).forEach((p) => {
        const dot = el('span', 'pile st-' + stateOf([p], alarmed, loud));
        dot.title = p + ' · ' + t('mapState')[stateOf([p], alarmed, loud)];
        piles.appendChild(dot);
      });
      box.appendChild(piles);
      grid.appendChild(box);
    });
    group.appendChild(grid);
    map.appendChild(group);
  }
}

painter('map', paint);
