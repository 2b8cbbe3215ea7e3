// Technician console, serial tab: the lines and the machine's ports, each line's settings
// (changed, added, removed live), a scan for unit addresses, raw register reads, and a single
// register write that the technician confirms first.
'use strict';

(function () {
  const { t, el, row } = Tech;
  let polling = null;
  /** The line whose settings the form shows; null when it adds one. */
  let editing = null;

  function hex(n) {
    return '0x' + n.toString(16).toUpperCase().padStart(4, '0');
  }

  function formValues(form) {
    const values = {};
    new FormData(form).forEach((v, k) => {
      values[k] = v;
    });
    return values;
  }

  function showLines(r) {
    const rows = document.getElementById('line-rows');
    rows.replaceChildren();
    r.lines.forEach((l) => {
      const state = el('span', t(l.open ? 'techOpen' : 'techClosed'), l.open ? 'pill ok' : 'pill bad');
      const settings = l.port + ' · ' + l.baud + ' · ' + t('techParityShort_' + l.parity) + l.stopBits
        + ' · ' + t('techLineEvery', { ms: l.cycleMs });
      const actions = el('td');
      const edit = el('button', t('techDeviceEdit'));
      edit.type = 'button';
      edit.addEventListener('click', () => editLine(l));
      const remove = el('button', t('techDeviceRemove'), 'danger');
      remove.type = 'button';
      remove.addEventListener('click', () => removeLine(l.id));
      actions.append(edit, remove);
      const tr = row([l.id, settings, state, l.transactions, l.timeouts, l.crcErrors,
        Math.round(l.utilisation * 100) + ' %', actions]);
      tr.dataset.line = l.id;
      rows.appendChild(tr);
    });
    const ports = document.getElementById('machine-ports');
    ports.replaceChildren();
    if (r.ports.length === 0) {
      ports.appendChild(el('li', t('techNoPorts'), 'muted'));
    }
    r.ports.forEach((p) => ports.appendChild(el('li', p.path + (p.description ? ' — ' + p.description : ''))));
    const offered = document.getElementById('line-ports');
    offered.replaceChildren();
    r.ports.forEach((p) => offered.appendChild(Object.assign(el('option', p.description || ''), { value: p.path })));
  }

  /** The form for a line's settings, or for a new line (null) with the estate file's defaults. */
  function editLine(line) {
    editing = line ? line.id : null;
    const form = document.getElementById('line-form');
    Tech.clearError(form, document.getElementById('line-error'));
    document.getElementById('line-done').textContent = '';
    form.elements.id.value = line ? line.id : '';
    form.elements.id.readOnly = !!line;
    form.elements.port.value = line ? line.port : '';
    form.elements.baud.value = String(line ? line.baud : 9600);
    form.elements.parity.value = line ? line.parity : 'none';
    form.elements.stopBits.value = String(line ? line.stopBits : 1);
    form.elements.cycleMs.value = String(line ? line.cycleMs : 1000);
    form.hidden = false;
    (line ? form.elements.port : form.elements.id).focus();
  }

  function lineDone(key, id) {
    document.getElementById('line-form').hidden = true;
    editing = null;
    document.getElementById('line-done').textContent = t(key, { id });
    Tech.reloadLines();
    return Doorstep.get('/api/tech/serial').then(showLines);
  }

  function saveLine(event) {
    event.preventDefault();
    const form = event.target;
    const error = document.getElementById('line-error');
    Tech.clearError(form, error);
    document.getElementById('line-done').textContent = '';
    const v = formValues(form);
    v.id = v.id.trim();
    v.port = v.port.trim();
    const sent = editing
      ? Doorstep.put('/api/tech/lines/' + encodeURIComponent(editing), v)
      : Doorstep.post('/api/tech/lines', v);
    sent.then(() => lineDone(editing ? 'techLineChanged' : 'techLineAdded', v.id),
      (err) => Tech.showError(form, error, err));
  }

  function removeLine(id) {
    if (!window.confirm(t('techLineConfirmRemove', { id }))) {
      return;
    }
    const form = document.getElementById('line-form');
    const error = document.getElementById('line-error');
    Tech.clearError(form, error);
    document.getElementById('line-done').textContent = '';
    Doorstep.del('/api/tech/lines/' + encodeURIComponent(id))
      .then(() => lineDone('techLineRemoved', id), (err) => Tech.showError(form, error, err));
  }

  function refresh() {
    if (!document.getElementById('tab-serial').hidden) {
      Doorstep.get('/api/tech/serial').then(showLines);
    }
  }

  function show() {
    refresh();
    Tech.lines().then(() => scanStatus());
  }

  function scanLine() {
    return document.querySelector('#scan-form select[name=line]').value;
  }

  function showScan(scan) {
    const found = document.getElementById('scan-found');
    found.replaceChildren();
    (scan.found || []).forEach((f) => {
      found.appendChild(el('li', t('techFoundUnit', { unit: f.unit }) + ' · ' + t('techAnswer_' + f.answer)));
    });
    const progress = document.getElementById('scan-progress');
    if (scan.total === undefined) {
      progress.textContent = '';
    } else if (scan.running) {
      progress.textContent = t('techScanRunning', { done: scan.done, total: scan.total, unit: scan.next });
    } else {
      progress.textContent = t('techScanDone', { n: scan.found.length, from: scan.from, to: scan.to });
    }
    if (scan.error) {
      document.getElementById('scan-error').textContent = scan.error;
    }
    document.getElementById('scan-cancel').hidden = !scan.running;
    document.querySelector('#scan-form button[type=submit]').disabled = !!scan.running;
    clearTimeout(polling);
    if (scan.running) {
      polling = setTimeout(scanStatus, 500);
    }
  }

  function scanStatus() {
    const line = scanLine();
    if (line) {
      Doorstep.get('/api/tech/lines/' + encodeURIComponent(line) + '/scan').then(showScan);
    }
  }

  function startScan(event) {
    event.preventDefault();
    const form = event.target;
    const error = document.getElementById('scan-error');
    Tech.clearError(form, error);
    const v = formValues(form);
    Doorstep.post('/api/tech/lines/' + encodeURIComponent(v.line) + '/scan', { from: v.from, to: v.to })
      .then(showScan, (err) => Tech.showError(form, error, err));
  }

  function read(event) {
    event.preventDefault();
    const form = event.target;
    const error = document.getElementById('read-error');
    Tech.clearError(form, error);
    const v = formValues(form);
    const query = new URLSearchParams({ unit: v.unit, table: v.table, address: v.address, count: v.count });
    Doorstep.get('/api/tech/lines/' + encodeURIComponent(v.line) + '/registers?' + query).then((r) => {
      const rows = document.getElementById('read-rows');
      rows.replaceChildren();
      r.registers.forEach((reg) => rows.appendChild(row([reg.address, hex(reg.address), reg.value, hex(reg.value)])));
      document.getElementById('read-table').hidden = false;
    }, (err) => Tech.showError(form, error, err));
  }

  function write(event) {
    event.preventDefault();
    const form = event.target;
    const error = document.getElementById('write-error');
    Tech.clearError(form, error);
    document.getElementById('write-done').textContent = '';
    const v = formValues(form);
    const dialog = document.getElementById('confirm-write');
    document.getElementById('confirm-text').textContent =
      t('techConfirmText', { value: v.value, address: v.address, unit: v.unit, line: v.line });
    const yes = document.getElementById('confirm-yes');
    const no = document.getElementById('confirm-no');
    const done = () => {
      yes.onclick = null;
      no.onclick = null;
      dialog.close();
    };
    no.onclick = done;
    yes.onclick = () => {
      done();
      Doorstep.post('/api/tech/lines/' + encodeURIComponent(v.line) + '/registers',
        { unit: v.unit, address: v.address, value: v.value, confirm: true })
        .then((r) => {
          document.getElementById('write-done').textContent =
            t('techWritten', { value: r.value, address: r.address, before: r.before === null ? '?' : r.before });
        }, (err) => Tech.showError(form, error, err));
    };
    dialog.showModal();
  }

  document.addEventListener('DOMContentLoaded', () => {
    // the gateway samples the lines' counters every 5 s
    setInterval(refresh, 5000);
    document.getElementById('scan-form').addEventListener('submit', startScan);
    document.getElementById('scan-cancel').addEventListener('click', () => {
      Doorstep.del('/api/tech/lines/' + encodeURIComponent(scanLine()) + '/scan').then(showScan);
    });
    document.querySelector('#scan-form select[name=line]').addEventListener('change', scanStatus);
    document.getElementById('line-form').addEventListener('submit', saveLine);
    document.getElementById('line-new').addEventListener('click', () => editLine(null));
    document.getElementById('line-cancel').addEventListener('click', () => {
      document.getElementById('line-form').hidden = true;
      editing = null;
    });
    document.getElementById('read-form').addEventListener('submit', read);
    document.getElementById('write-form').addEventListener('submit', write);
  });

  Tech.tab('serial', show);
})();
