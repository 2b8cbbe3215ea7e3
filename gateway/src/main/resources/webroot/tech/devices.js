// Technician console, devices tab: every configured device with its type, link, door, state and
// last sign of life; a face terminal can be added, changed, moved to another door or removed.
'use strict';

(function () {
  const { t, el, row } = Tech;
  let editing = null;

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
  }

  function setMode(device) {
    editing = device ? device.id : null;
    const form = document.getElementById('device-form');
    form.elements.id.readOnly = editing !== null;
    document.getElementById('device-save').textContent = t(editing ? 'techDeviceSave' : 'techDeviceAdd');
    document.getElementById('device-cancel').hidden = !editing;
    if (device) {
      form.elements.id.value = device.id;
      form.elements.type.value = device.type;
      form.elements.sn.value = device.sn || '';
      form.elements.link.value = device.link || '';
      form.elements.door.value = device.door || '';
    } else {
      form.reset();
    }
  }

  function show() {
    return Doorstep.get('/api/tech/devices').then((r) => {
      fillForm(r);
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
    const body = {};
    ['id', 'type', 'sn', 'link', 'door'].forEach((k) => { body[k] = form.elements[k].value.trim(); });
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
    // A device just added shows online once it is heard, without reloading the page.
    setInterval(() => {
      if (!document.getElementById('tab-devices').hidden) {
        show();
      }
    }, 3000);
  });

  Tech.tab('devices', show);
})();
