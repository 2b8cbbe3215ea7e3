// Technician console, devices tab: every configured device with its type, link, door, state and
// last sign of life; a device of a type the gateway changes live can be added, changed, moved to
// another door or removed. The form shows the fields the chosen type takes.
'use strict';

(function () {
  const { t, el, row } = Tech;
  /** The fields each type takes, as the estate file names them; the others are left out of the entry. */
  const FIELDS = {
    'face-terminal': ['sn', 'door'],
    'barrier': ['lane', 'door'],
    'charging-pile': ['link', 'address', 'profile', 'shed', 'breaker'],
    'gpio-door': ['channel', 'door'],
    'wiegand-reader': ['channel', 'door'],
    'fire-panel': ['channel'],
    'siren': ['channel'],
    'key-switch': ['channel'],
  };
  /** The link of a type that has one only; a pile's link is its line, typed on the form. */
  const LINKS = {
    'face-terminal': 'mqtt', 'barrier': 'mqtt', 'gpio-door': 'gpio', 'wiegand-reader': 'gpio',
    'fire-panel': 'gpio', 'siren': 'gpio', 'key-switch': 'gpio',
  };
  let editing = null;
  let channels = {};

  function linkText(d) {
    if (d.unit !== undefined) {
      return t('techLinkUnit', { line: d.link, unit: d.unit });
    }
    return d.link || '';
  }

  function typeText(type) {
    const types = t('techDeviceType');
    return (typeof types === 'object' && types[type]) || type;
  }

  function button(key, onClick) {
    const b = el('button', t(key));
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function fillForm(r) {
    const type = document.getElementById('device-type');
    if (type.options.length === 0) {
      r.editableTypes.forEach((ty) => type.appendChild(Object.assign(el('option', typeText(ty)), { value: ty })));
    }
    const door = document.getElementById('device-door');
    const chosen = door.value;
    door.replaceChildren(Object.assign(el('option', t('techDeviceNoDoor')), { value: '' }));
    r.doors.forEach((d) => door.appendChild(Object.assign(el('option', d.id + ' · ' + d.name), { value: d.id })));
    door.value = chosen;
    channels = r.gpioChannels || {};
  }

  /** Shows the chosen type's fields and hint; a GPIO type's channels with their factory pins. */
  function showFields() {
    const form = document.getElementById('device-form');
    const type = form.elements.type.value;
    const fields = FIELDS[type] || [];
    form.querySelectorAll('label[data-field]').forEach((label) => {
      label.hidden = !fields.includes(label.dataset.field);
    });
    const channel = document.getElementById('device-channel');
    const chosen = channel.value;
    channel.replaceChildren();
    (channels[type] || []).forEach((pins, i) => {
      const text = t('techDeviceChannelPins', { channel: i + 1, pins: Object.values(pins).join(', ') });
      channel.appendChild(Object.assign(el('option', text), { value: String(i + 1) }));
    });
    if ([...channel.options].some((o) => o.value === chosen)) {
      channel.value = chosen;
    }
    const hints = t('techDeviceHint');
    document.getElementById('device-hint').textContent = (typeof hints === 'object' && hints[type]) || '';
  }

  /** The entry's values in the form, each field as the estate file (with edits) has it. */
  function fillEntry(entry) {
    const form = document.getElementById('device-form');
    form.elements.id.value = entry.id;
    form.elements.type.value = entry.type;
    showFields();
    ['sn', 'lane', 'link', 'address', 'profile', 'shed', 'breaker', 'door'].forEach((k) => {
      form.elements[k].value = entry[k] === undefined || entry[k] === null ? '' : String(entry[k]);
    });
    form.elements.channel.value = String(entry.channel || 1);
  }

  function setMode(device) {
    editing = device ? device.id : null;
    const form = document.getElementById('device-form');
    form.elements.id.readOnly = editing !== null;
    document.getElementById('device-save').textContent = t(editing ? 'techDeviceSave' : 'techDeviceAdd');
    document.getElementById('device-cancel').hidden = !editing;
    if (device) {
      const error = document.getElementById('device-error');
      Doorstep.get('/api/tech/devices/' + encodeURIComponent(device.id))
        .then((r) => fillEntry(r.entry), (err) => Tech.showError(form, error, err));
    } else {
      form.reset();
      showFields();
    }
  }

  function show() {
    return Doorstep.get('/api/tech/devices').then((r) => {
      const first = document.getElementById('device-type').options.length === 0;
      fillForm(r);
      if (first) {
        showFields();
      }
      const rows = document.getElementById('device-rows');
      rows.replaceChildren();
      r.devices.forEach((d) => {
        const state = el('span', t(d.online ? 'online' : 'offline'), d.online ? 'pill ok' : 'pill bad');
        const actions = el('span');
        if (d.editable) {
          actions.appendChild(button('techDeviceEdit', () => setMode(d)));
          actions.appendChild(button('techDeviceRemove', () => remove(d.id)));
        }
        const tr = row([d.id, typeText(d.type), linkText(d), d.door || '', state, Tech.age(d.lastSeenMs), actions]);
        tr.dataset.device = d.id;
        rows.appendChild(tr);
      });
    });
  }

  function done(key, id) {
    document.getElementById('device-done').textContent = t(key, { id });
    setMode(null);
    return show();
  }

  function save(event) {
    event.preventDefault();
    const form = event.target;
    const error = document.getElementById('device-error');
    Tech.clearError(form, error);
    document.getElementById('device-done').textContent = '';
    const type = form.elements.type.value;
    const body = { id: form.elements.id.value.trim(), type, link: LINKS[type] || '' };
    (FIELDS[type] || []).forEach((k) => { body[k] = form.elements[k].value.trim(); });
    const sent = editing
      ? Doorstep.put('/api/tech/devices/' + encodeURIComponent(editing), body)
      : Doorstep.post('/api/tech/devices', body);
    sent.then(() => done(editing ? 'techDeviceChanged' : 'techDeviceAdded', body.id),
      (err) => Tech.showError(form, error, err));
  }

  function remove(id) {
    if (!window.confirm(t('techDeviceConfirmRemove', { id }))) {
      return;
    }
    const form = document.getElementById('device-form');
    const error = document.getElementById('device-error');
    Tech.clearError(form, error);
    Doorstep.del('/api/tech/devices/' + encodeURIComponent(id))
      .then(() => done('techDeviceRemoved', id), (err) => Tech.showError(form, error, err));
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('device-form').addEventListener('submit', save);
    document.getElementById('device-cancel').addEventListener('click', () => setMode(null));
    document.getElementById('device-type').addEventListener('change', showFields);
    // A device just added shows online once it is heard, without reloading the page.
    setInterval(() => {
      if (!document.getElementById('tab-devices').hidden) {
        show();
      }
    }, 3000);
  });

  Tech.tab('devices', show);
})();
