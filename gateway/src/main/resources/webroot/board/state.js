// What the board knows now, in one place, each collection bounded so the page can run for weeks.
// Parts change it and ask for a repaint; repaints are coalesced into one task. Not an animation
// frame: a board in a background tab gets none, and must still show (and sound) a new alarm.
'use strict';

/** The server sends at most 500 alarms needing a person; more would be a fault elsewhere. */
export const MAX_ALARMS = 500;

export const state = {
  estate: null, // /api/board/map
  doors: new Map(), // door id -> {id, name, kind, devices}
  placeOfDevice: new Map(), // device id -> {door} or {shed}
  sheds: new Map(), // shed id -> {id, name, piles}
  devices: new Map(), // device id -> DeviceStatus JSON (one per configured device)
  alarms: new Map(), // alarm id -> alarm JSON, open or not yet acknowledged
};

const painters = new Map();
let pending = new Set();
let frame = 0;

/** Registers what repaints a part of the page. */
export function painter(name, paint) {
  painters.set(name, paint);
}

/** Asks for a repaint of the named parts (all when none given) once the current work is done. */
export function repaint(...names) {
  (names.length ? names : Array.from(painters.keys())).forEach((n) => pending.add(n));
  if (!frame) {
    frame = setTimeout(() => {
      frame = 0;
      const now = pending;
      pending = new Set();
      now.forEach((n) => painters.get(n)());
    }, 0);
  }
}

export function setEstate(map) {
  state.estate = map;
  state.doors.clear();
  state.placeOfDevice.clear();
  state.sheds.clear();
  const addDoor = (d) => {
    state.doors.set(d.id, d);
    (d.devices || []).forEach((dev) => state.placeOfDevice.set(dev, { door: d.id }));
  };
  (map.gates || []).forEach(addDoor);
  (map.buildings || []).forEach((b) => (b.doors || []).forEach(addDoor));
  (map.sheds || []).forEach((s) => {
    state.sheds.set(s.id, s);
    (s.piles || []).forEach((p) => state.placeOfDevice.set(p, { shed: s.id }));
  });
}

/** The device part of an alarm's or event's device: a pile's port is "pile/port". */
export function baseDevice(device) {
  const text = String(device || '');
  const slash = text.indexOf('/');
  return slash < 0 ? text : text.substring(0, slash);
}

/** The door of an event or alarm: named in it, or the door of its device. */
export function doorOf(device, payload) {
  if (payload && payload.door && state.doors.has(payload.door)) return payload.door;
  const place = state.placeOfDevice.get(baseDevice(device));
  if (place && place.door) return place.door;
  const status = state.devices.get(baseDevice(device));
  return status && status.door ? status.door : (payload && payload.door) || null;
}

/** Where something happened, as a guard names it: the door, the shed, else the device. */
export function placeName(device, payload) {
  if (payload && payload.doorName) return String(payload.doorName);
  const door = doorOf(device, payload);
  if (door && state.doors.has(door)) return state.doors.get(door).name;
  const base = baseDevice(device);
  const place = state.placeOfDevice.get(base);
  const shed = state.sheds.get(place && place.shed ? place.shed : base);
  if (shed) return shed.name + (base === shed.id ? '' : ' · ' + device);
  return door || String(device || '');
}
