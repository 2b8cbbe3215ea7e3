// Technician console, limits tab: each charging limit of a pile with its built-in default,
// what the estate file sets, and the value in force; a change applies live to the pile, its
// shed or the whole estate. Door timings the same way, per door or for every door; the fire
// release's timings beside, read-only.
'use strict';

(function () {
  const { t, el, row } = Tech;
  let data = null;
  let doorData = null;

  function fileValue(pile, key) {
    if (pile.pileFile[key] !== undefined) {
      return pile.pileFile[key] + ' (' + t('techScopePile') + ')';
    }
    if (pile.shedFile[key] !== undefined) {
      return pile.shedFile[key] + ' (' + t('techScopeShed') + ')';
    }
    if (data.estateFile[key] !== undefined) {
      return data.estateFile[key] + ' (' + t('techScopeEstate') + ')';
    }
    return '—';
  }

  function showPile() {
    const id = document.getElementById('limits-pile').value;
    const pile = data.piles.find((p) => p.pile === id);
    const rows = document.getElementById('limit-rows');
    rows.replaceChildren();
    if (!pile) {
      rows.appendChild(row([t('techNoPiles')]));
      return;
    }
    data.keys.forEach((key) => {
      const input = el('input');
      input.name = key;
      input.inputMode = 'decimal';
      input.placeholder = pile.effective ? String(pile.effective[key]) : '';
      const inForce = pile.effective ? pile.effective[key] : pile.error;
      const changed = pile.effective && pile.effective[key] !== data.defaults[key];
      rows.appendChild(row([el('span', t('techLimit_' + key)), data.defaults[key], fileValue(pile, key),
        el('strong', inForce, changed ? 'changed' : ''), input]));
    });
  }

  function doorFileValue(door, key) {
    if (door.doorFile[key] !== undefined) {
      return door.doorFile[key] + ' (' + t('techScopeFileDoor') + ')';
    }
    if (doorData.estateFile[key] !== undefined) {
      return doorData.estateFile[key] + ' (' + t('techScopeEstate') + ')';
    }
    return '—';
  }

  function showDoor() {
    const id = document.getElementById('door-timing-door').value;
    const door = doorData.doors.find((d) => d.id === id);
    const rows = document.getElementById('door-timing-rows');
    rows.replaceChildren();
    if (!door) {
      rows.appendChild(row([t('techNoDoors')]));
      return;
    }
    doorData.keys.forEach((key) => {
      const input = el('input');
      input.name = key.name;
      input.inputMode = 'numeric';
      input.placeholder = key.min + '–' + key.max;
      const inForce = door.effective[key.name];
      const changed = inForce !== doorData.defaults[key.name];
      const tr = row([el('span', t('techDoorTiming_' + key.name)), doorData.defaults[key.name],
        doorFileValue(door, key.name), el('strong', inForce, changed ? 'changed' : ''), input]);
      tr.dataset.timing = key.name;
      rows.appendChild(tr);
    });
  }

  function loadDoors() {
    return Doorstep.get('/api/tech/doors/timings').then((r) => {
      doorData = r;
      const select = document.getElementById('door-timing-door');
      const before = select.value;
      select.replaceChildren();
      r.doors.forEach((d) => select.appendChild(Object.assign(el('option', d.id + ' · ' + d.name), { value: d.id })));
      if (before) {
        select.value = before;
      }
      showDoor();
    });
  }

  function applyDoors(event) {
    event.preventDefault();
    const form = event.target;
    const error = document.getElementById('door-timing-error');
    Tech.clearError(form, error);
    document.getElementById('door-timing-done').textContent = '';
    const changes = {};
    doorData.keys.forEach((key) => {
      const v = form.elements[key.name].value.trim();
      if (v !== '') {
        changes[key.name] = v;
      }
    });
    const scope = form.elements.scope.value;
    const target = scope === 'door' ? form.elements.target.value : '';
    Doorstep.put('/api/tech/doors/timings', { scope, target, changes }).then((r) => {
      document.getElementById('door-timing-done').textContent = t('techDoorTimingsApplied', { n: r.applied.length });
      form.querySelectorAll('tbody input').forEach((i) => { i.value = ''; });
      return loadDoors();
    }, (err) => Tech.showError(form, error, err));
  }

  function showDoors(doors) {
    const list = document.getElementById('door-timings');
    list.replaceChildren();
    [['techFireRetryMin', doors.fireRetryMinMs],
      ['techFireRetryMax', doors.fireRetryMaxMs], ['techFireOfflineRetry', doors.fireOfflineRetryMs],
      ['techFireReassert', doors.fireReassertMs]].forEach(([key, ms]) => {
      list.appendChild(el('dt', t(key)));
      list.appendChild(el('dd', t('techSeconds', { n: ms / 1000 })));
    });
  }

  function load() {
    return Doorstep.get('/api/tech/limits').then((r) => {
      data = r;
      const select = document.getElementById('limits-pile');
      const before = select.value;
      select.replaceChildren();
      r.piles.forEach((p) => select.appendChild(Object.assign(el('option', p.pile + ' · ' + p.shedName), { value: p.pile })));
      if (before) {
        select.value = before;
      }
      showPile();
      showDoors(r.doors);
    }).then(loadDoors);
  }

  function apply(event) {
    event.preventDefault();
    const form = event.target;
    const error = document.getElementById('limits-error');
    Tech.clearError(form, error);
    document.getElementById('limits-done').textContent = '';
    const changes = {};
    data.keys.forEach((key) => {
      const v = form.elements[key].value.trim();
      if (v !== '') {
        changes[key] = v;
      }
    });
    const pile = data.piles.find((p) => p.pile === form.elements.pile.value);
    const scope = form.elements.scope.value;
    const target = scope === 'pile' ? pile.pile : scope === 'shed' ? pile.shed : '';
    Doorstep.put('/api/tech/limits', { scope, target, changes }).then((r) => {
      document.getElementById('limits-done').textContent = t('techLimitsApplied', { n: r.applied.length });
      return load();
    }, (err) => Tech.showError(form, error, err));
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('limits-pile').addEventListener('change', showPile);
    document.getElementById('limits-form').addEventListener('submit', apply);
    document.getElementById('door-timing-door').addEventListener('change', showDoor);
    document.getElementById('door-timing-form').addEventListener('submit', applyDoors);
  });

  Tech.tab('limits', load);
})();
