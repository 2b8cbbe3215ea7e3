// The residents office: persons and households, face photos and their sync to the terminals,
// the CSV import with its report, printable visitor passes and the list of those issued. Every name from the database is
// set as text, never as markup; every form is checked by the server, whose refusal names the
// field, shown beside it.
'use strict';

(function () {
  const D = window.Doorstep;
  const t = D.t;
  const API = '/api/office';
  const PAGE = 50;
  const $ = (id) => document.getElementById(id);

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (cls) {
      node.className = cls;
    }
    return node;
  }

  function translateStatic() {
    document.documentElement.lang = D.language() === 'en' ? 'en' : 'zh-CN';
    document.title = t('officeTitle') + ' · Doorstep';
    document.querySelectorAll('[data-msg]').forEach((n) => { n.textContent = t(n.dataset.msg); });
    document.querySelectorAll('[data-msg-placeholder]').forEach((n) => { n.placeholder = t(n.dataset.msgPlaceholder); });
  }

  // ---- field errors: the server names the field, the form shows the reason beside it ----

  function clearErrors(scope) {
    scope.querySelectorAll('.field-error').forEach((n) => { n.textContent = ''; });
    scope.querySelectorAll('.invalid').forEach((n) => n.classList.remove('invalid'));
    scope.querySelectorAll('.form-error').forEach((n) => { n.hidden = true; n.textContent = ''; });
  }

  function showErrors(scope, err) {
    const problems = err.problems || (err.field ? [{ field: err.field, error: err.error }] : []);
    let placed = false;
    problems.forEach((p) => {
      const slot = scope.querySelector('[data-error-for="' + p.field + '"]');
      if (slot) {
        slot.textContent = slot.textContent ? slot.textContent + '；' + p.error : p.error;
        const input = scope.querySelector('[name="' + p.field + '"]');
        if (input) {
          input.classList.add('invalid');
        }
        placed = true;
      }
    });
    if (!placed) {
      const box = scope.querySelector('.form-error');
      const text = t('officeRowError', { error: err.error || err.text || err.message || err.status });
      if (box) {
        box.textContent = text;
        box.hidden = false;
      }
    }
  }

  // ---- tabs ----

  function showTab(name) {
    document.querySelectorAll('.tab').forEach((b) => b.classList.toggle('active', b.dataset.tab === name));
    document.querySelectorAll('.tab-body').forEach((s) => { s.hidden = s.id !== 'tab-' + name; });
    if (name === 'households') {
      loadHouseholds();
    } else if (name === 'pass') {
      loadDoors();
      loadPasses();
    }
  }

  // ---- persons ----

  const persons = { offset: 0, household: '', current: null, photo: null, proposedId: '' };

  function kindName(kind) {
    return t('officeKind' + kind.charAt(0).toUpperCase() + kind.slice(1));
  }

  function loadPersons() {
    const q = new URLSearchParams({ q: $('person-q').value, kind: $('person-kind').value,
      household: persons.household, offset: persons.offset, limit: PAGE });
    return D.get(API + '/persons?' + q).then((page) => {
      const rows = $('person-rows');
      rows.replaceChildren();
      page.persons.forEach((p) => {
        const tr = el('tr');
        tr.dataset.id = p.id;
        tr.append(el('td', p.id, 'mono'), el('td', p.name, 'name'), el('td', kindName(p.kind)),
          el('td', p.household || '—', 'mono'),
          el('td', [p.cards.length, p.vehicles.length + p.ebikeTags.length].join(' / ')),
          el('td', p.face ? '✓' : '—', p.face ? 'ok' : 'muted'));
        tr.addEventListener('click', () => openPerson(p.id));
        rows.append(tr);
      });
      $('person-empty').hidden = page.persons.length > 0;
      $('person-page').textContent = page.persons.length === 0 ? ''
        : t('officePageOf', { from: page.offset + 1, to: page.offset + page.persons.length });
      $('person-prev').disabled = page.offset === 0;
      $('person-next').disabled = !page.more;
      const chip = $('person-household-filter');
      chip.hidden = !persons.household;
      chip.textContent = persons.household + ' ✕';
    }).catch((err) => showErrors(document.querySelector('#tab-persons .list-pane'), err));
  }

  function formValues(form) {
    const v = {};
    Array.from(form.elements).filter((e) => e.name).forEach((e) => { v[e.name] = e.value; });
    return v;
  }

  function fillForm(p) {
    const f = $('person-form');
    f.elements.id.value = p ? p.id : '';
    f.elements.id.readOnly = Boolean(p);
    f.elements.name.value = p ? p.name : '';
    f.elements.kind.value = p ? p.kind : 'resident';
    f.elements.household.value = p ? (p.household || '') : (persons.household || '');
    f.elements.validFrom.value = p ? p.validFromText : '';
    f.elements.validTo.value = p ? p.validToText : '';
    f.elements.cards.value = p ? p.cards.map((c) => c.text).join('\n') : '';
    f.elements.plates.value = p ? p.vehicles.filter((x) => x.kind === 'car').map((x) => x.plate).join('\n') : '';
    f.elements.ebikePlates.value = p ? p.vehicles.filter((x) => x.kind === 'ebike').map((x) => x.plate).join('\n') : '';
    f.elements.ebikeTags.value = p ? p.ebikeTags.join('\n') : '';
  }

  function newPerson() {
    persons.current = null;
    clearErrors($('editor'));
    fillForm(null);
    $('editor-title').textContent = t('officeNewPerson');
    $('person-remove').hidden = true;
    $('photo-box').hidden = true;
    $('editor').hidden = false;
    proposeId();
    $('person-form').elements.name.focus();
  }

  // A new person's id: the server proposes the next free one of the kind; the clerk may type
  // another, and a typed id is never overwritten. Adding checks the id again either way.
  function proposeId() {
    const f = $('person-form');
    if (persons.current) {
      return;
    }
    D.get(API + '/person-ids/next?kind=' + encodeURIComponent(f.elements.kind.value)).then((answer) => {
      const id = f.elements.id;
      if (!persons.current && (id.value === '' || id.value === persons.proposedId)) {
        id.value = answer.id;
        persons.proposedId = answer.id;
      }
    }).catch(() => {});
  }

  function openPerson(id) {
    return D.get(API + '/persons/' + encodeURIComponent(id)).then((answer) => {
      persons.current = answer.person;
      clearErrors($('editor'));
      fillForm(answer.person);
      $('editor-title').textContent = t('officeEditPerson', { id: answer.person.id });
      $('person-remove').hidden = false;
      $('editor').hidden = false;
      showPhotoBox(answer.person, answer.sync);
    }).catch((err) => showErrors($('editor'), err));
  }

  function savePerson(event) {
    event.preventDefault();
    const editor = $('editor');
    clearErrors(editor);
    const values = formValues($('person-form'));
    const call = persons.current
      ? D.put(API + '/persons/' + encodeURIComponent(persons.current.id), values)
      : D.post(API + '/persons', values);
    call.then((answer) => {
      loadPersons();
      return openPerson(answer.person.id);
    }).catch((err) => showErrors(editor, err));
  }

  function removePerson() {
    const p = persons.current;
    if (!p || !window.confirm(t('officeConfirmRemove', { name: p.name, id: p.id }))) {
      return;
    }
    D.del(API + '/persons/' + encodeURIComponent(p.id)).then(() => {
      $('editor').hidden = true;
      persons.current = null;
      loadPersons();
    }).catch((err) => showErrors($('editor'), err));
  }

  // ---- face photo: the chosen picture, what the gateway checks, and each terminal's state ----

  function showPhotoBox(person, sync) {
    $('photo-box').hidden = false;
    $('photo-file').value = '';
    $('photo-preview').removeAttribute('src');
    persons.photo = null;
    $('photo-upload').disabled = true;
    $('photo-remove').disabled = !person.face;
    const checks = $('photo-check');
    checks.replaceChildren(el('li', t('officePhoto') + ': ' + t(person.face ? 'officeHasFace' : 'officeNoFace')));
    showSync(sync);
  }

  function showSync(sync) {
    const list = $('sync-list');
    list.replaceChildren();
    if (!sync || sync.length === 0) {
      list.append(el('li', t('officeSyncNone'), 'muted'));
      return;
    }
    sync.forEach((s) => {
      const li = el('li', null, 'sync-' + s.state.toLowerCase());
      li.append(el('span', s.device, 'mono'), el('span', t('officeSync' + s.state), 'state'));
      const why = s.error || (s.state === 'PENDING' || s.state === 'REMOVING' ? t('officeTerminal' + s.terminal) : '');
      if (why) {
        li.append(el('span', why, 'why'));
      }
      list.append(li);
    });
  }

  function choosePhoto() {
    const file = $('photo-file').files[0];
    const checks = $('photo-check');
    clearErrors($('photo-box'));
    if (!file) {
      return;
    }
    persons.photo = file;
    const reader = new FileReader();
    reader.onload = () => { $('photo-preview').src = reader.result; };
    reader.readAsDataURL(file);
    D.post(API + '/photo-check', file).then((c) => {
      checks.replaceChildren(
        el('li', t(c.jpeg ? 'officeCheckJpeg' : 'officeCheckNotJpeg'), c.jpeg ? 'ok' : 'bad'),
        el('li', c.width > 0 ? t('officeCheckPixels', { w: c.width, h: c.height }) : t('officeCheckUnknownPixels')),
        el('li', t('officeCheckSize', { kb: Math.ceil(c.bytes / 1024), max: c.maxBytes / 1024 }),
          c.bytes <= c.maxBytes ? 'ok' : 'bad'));
      c.problems.forEach((p) => checks.append(el('li', p, 'bad')));
      if (c.ok) {
        checks.append(el('li', t('officeCheckOk'), 'ok'));
      }
      $('photo-upload').disabled = !c.ok;
    }).catch((err) => showErrors($('photo-box'), err));
  }

  function uploadPhoto() {
    const p = persons.current;
    D.put(API + '/persons/' + encodeURIComponent(p.id) + '/photo', persons.photo).then(() => {
      openPerson(p.id).then(() => $('photo-check').append(el('li', t('officePhotoSaved'), 'ok')));
      loadPersons();
    }).catch((err) => showErrors($('photo-box'), err));
  }

  function removePhoto() {
    const p = persons.current;
    D.del(API + '/persons/' + encodeURIComponent(p.id) + '/photo').then(() => {
      openPerson(p.id);
      loadPersons();
    }).catch((err) => showErrors($('photo-box'), err));
  }

  // ---- households ----

  const households = { offset: 0 };

  function loadHouseholds() {
    const q = new URLSearchParams({ q: $('household-q').value, offset: households.offset, limit: PAGE });
    D.get(API + '/households?' + q).then((page) => {
      const rows = $('household-rows');
      rows.replaceChildren();
      page.households.forEach((h) => {
        const tr = el('tr');
        tr.append(el('td', h.id, 'mono'), el('td', h.building), el('td', h.unit), el('td', h.room), el('td', h.persons));
        tr.addEventListener('click', () => {
          persons.household = h.id;
          persons.offset = 0;
          showTab('persons');
          loadPersons();
        });
        rows.append(tr);
      });
      $('household-page').textContent = page.total === 0 ? ''
        : t('officePageTotal', { from: page.offset + 1, to: page.offset + page.households.length, total: page.total });
      $('household-prev').disabled = page.offset === 0;
      $('household-next').disabled = page.offset + page.households.length >= page.total;
    }).catch((err) => showErrors($('tab-households'), err));
  }

  // ---- CSV import ----

  function runImport(dryRun) {
    const box = $('tab-import');
    clearErrors(box);
    const file = $('import-file').files[0];
    if (!file) {
      showErrors(box, { field: 'file', error: t('officeChooseFile') });
      return;
    }
    D.post(API + '/import' + (dryRun ? '?dryRun=true' : ''), file).then((report) => {
      showReport(report);
      if (report.applied) {
        loadPersons();
      }
    }).catch((err) => showErrors(box, err));
  }

  function showReport(r) {
    $('import-report').hidden = false;
    let summary;
    if (r.applied) {
      summary = t('officeImportApplied', r);
    } else if (r.dryRun) {
      summary = t('officeImportDry', r);
    } else if (r.ok) {
      summary = t('officeImportNothing');
    } else {
      summary = t('officeImportRefused', { refused: r.refused + r.fileProblems.length });
    }
    const s = $('import-summary');
    s.textContent = summary;
    s.className = 'summary ' + (r.ok ? 'ok' : 'bad');
    const fileProblems = $('import-file-problems');
    fileProblems.replaceChildren(...r.fileProblems.map((p) => el('li', p, 'bad')));
    const rows = $('import-rows');
    rows.replaceChildren();
    // Rows with problems first: those are what the office has to fix.
    const sorted = r.rows.slice().sort((a, b) => (b.problems.length > 0) - (a.problems.length > 0) || a.line - b.line);
    sorted.forEach((row) => {
      const tr = el('tr', null, row.problems.length ? 'refused' : '');
      const outcome = 'officeOutcome' + row.outcome.charAt(0).toUpperCase() + row.outcome.slice(1);
      const problems = el('td');
      row.problems.forEach((p) => problems.append(el('div', (p.column ? p.column + '：' : '') + p.reason)));
      tr.append(el('td', row.line, 'mono'), el('td', row.personId || '—', 'mono'), el('td', row.name || '—', 'name'),
        el('td', t(outcome)), problems);
      rows.append(tr);
    });
  }

  // ---- visitor passes ----

  let doorsLoaded = false;
  const doorNames = {};

  function loadDoors() {
    if (doorsLoaded) {
      return;
    }
    D.get(API + '/doors').then((answer) => {
      doorsLoaded = true;
      const list = $('pass-doors');
      list.replaceChildren();
      answer.doors.forEach((d) => {
        doorNames[d.id] = d.name;
        const label = el('label', null, 'door');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = 'door';
        box.value = d.id;
        label.append(box, el('span', d.name));
        list.append(label);
      });
    }).catch((err) => showErrors($('pass-form'), err));
  }

  function defaultPassTimes() {
    const f = $('pass-form');
    const now = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    const local = (d) => d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T'
      + pad(d.getHours()) + ':' + pad(d.getMinutes());
    f.elements.validFrom.value = local(now);
    f.elements.validTo.value = local(new Date(now.getTime() + 8 * 3600 * 1000));
  }

  function issuePass(event) {
    event.preventDefault();
    const form = $('pass-form');
    clearErrors(form);
    const doors = Array.from(form.querySelectorAll('input[name=door]:checked')).map((b) => b.value);
    const values = { visitorName: form.elements.visitorName.value, host: form.elements.host.value, doors,
      validFrom: form.elements.validFrom.value, validTo: form.elements.validTo.value, uses: form.elements.uses.value };
    D.post(API + '/passes', values).then((answer) => {
      showPass(answer);
      passes.offset = 0;
      loadPasses();
    }).catch((err) => showErrors(form, err));
  }

  function when(ms) {
    return new Date(ms).toLocaleString(D.language() === 'en' ? 'en-GB' : 'zh-CN',
      { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  }

  function doorList(doors) {
    return doors.map((d) => doorNames[d] || d).join('、');
  }

  function showPass(answer) {
    const p = answer.pass;
    $('pass-card').hidden = false;
    $('pass-card').dataset.pass = p.id;
    $('pass-qr').src = API + '/passes/qr.svg?code=' + encodeURIComponent(answer.code);
    $('pass-visitor').textContent = p.visitorName;
    $('pass-door-names').textContent = doorList(p.doors);
    $('pass-valid').textContent = when(p.validFrom) + ' – ' + when(p.validTo);
    $('pass-uses').textContent = p.uses === 0 ? t('officeUnlimited') : String(p.uses);
  }

  // ---- passes issued ----

  const passes = { offset: 0 };
  const STATE_MSG = {
    'valid': 'officePassStateValid',
    'not-yet-valid': 'officePassStateNotYetValid',
    'used-up': 'officePassStateUsedUp',
    'expired': 'officePassStateExpired',
    'revoked': 'officePassStateRevoked',
  };

  function loadPasses() {
    const pane = document.querySelector('#tab-pass .pass-list');
    clearErrors(pane);
    const state = $('pass-state').value;
    const query = '?limit=' + PAGE + '&offset=' + passes.offset + (state ? '&state=' + encodeURIComponent(state) : '');
    D.get(API + '/passes' + query).then((answer) => {
      const rows = $('pass-rows');
      rows.replaceChildren(...answer.passes.map(passRow));
      $('pass-empty').hidden = answer.passes.length > 0;
      $('pass-prev').disabled = passes.offset === 0;
      $('pass-next').disabled = !answer.more;
    }).catch((err) => showErrors(pane, err));
  }

  function passRow(p) {
    const tr = el('tr');
    tr.dataset.pass = p.id;
    tr.append(el('td', p.visitorName, 'name'));
    tr.append(el('td', p.host ? (p.hostName ? p.host + ' ' + p.hostName : p.host) : '—', 'name'));
    tr.append(el('td', doorList(p.doors)));
    tr.append(el('td', when(p.validFrom) + ' – ' + when(p.validTo)));
    tr.append(el('td', p.used + ' / ' + (p.uses === 0 ? t('officeUnlimited') : p.uses)));
    tr.append(el('td', (p.issuedBy || '—') + ' · ' + when(p.issuedAt), 'name'));
    const state = el('td');
    state.append(el('span', t(STATE_MSG[p.state]), 'pill pill-' + p.state));
    if (p.state === 'revoked') {
      state.append(el('div', t('officePassRevokedBy', { who: p.revokedBy, when: when(p.revokedAt) }), 'muted'));
    }
    tr.append(state);
    const actions = el('td', null, 'actions-cell');
    if (p.state === 'valid' || p.state === 'not-yet-valid') {
      const show = el('button', t('officePassShow'), 'pass-show');
      show.type = 'button';
      show.addEventListener('click', () => showIssued(p.id));
      actions.append(show);
    }
    if (p.state !== 'revoked' && p.state !== 'expired') {
      const revoke = el('button', t('officePassRevoke'), 'danger pass-revoke');
      revoke.type = 'button';
      revoke.addEventListener('click', () => revokePass(p));
      actions.append(revoke);
    }
    tr.append(actions);
    return tr;
  }

  function showIssued(id) {
    const pane = document.querySelector('#tab-pass .pass-list');
    clearErrors(pane);
    D.get(API + '/passes/' + encodeURIComponent(id)).then((answer) => {
      if (answer.code) {
        showPass(answer);
      } else {
        loadPasses();
      }
    }).catch((err) => showErrors(pane, err));
  }

  function revokePass(p) {
    if (!window.confirm(t('officePassConfirmRevoke', { name: p.visitorName }))) {
      return;
    }
    const pane = document.querySelector('#tab-pass .pass-list');
    clearErrors(pane);
    D.post(API + '/passes/' + encodeURIComponent(p.id) + '/revoke', {}).then(() => {
      if ($('pass-card').dataset.pass === p.id) {
        $('pass-card').hidden = true;
      }
      loadPasses();
    }).catch((err) => {
      showErrors(pane, err);
      loadPasses();
    });
  }

  function estateName() {
    return D.get('/api/estate').then((e) => { $('pass-estate').textContent = e.name; }).catch(() => {});
  }

  // ---- wiring ----

  function debounce(fn) {
    let timer;
    return () => {
      clearTimeout(timer);
      timer = setTimeout(fn, 250);
    };
  }

  function start() {
    translateStatic();
    document.querySelectorAll('.tab').forEach((b) => b.addEventListener('click', () => showTab(b.dataset.tab)));
    $('person-q').addEventListener('input', debounce(() => { persons.offset = 0; loadPersons(); }));
    $('person-kind').addEventListener('change', () => { persons.offset = 0; loadPersons(); });
    $('person-household-filter').addEventListener('click', () => { persons.household = ''; persons.offset = 0; loadPersons(); });
    $('person-prev').addEventListener('click', () => { persons.offset = Math.max(0, persons.offset - PAGE); loadPersons(); });
    $('person-next').addEventListener('click', () => { persons.offset += PAGE; loadPersons(); });
    $('person-new').addEventListener('click', newPerson);
    $('person-form').addEventListener('submit', savePerson);
    $('person-form').elements.kind.addEventListener('change', proposeId);
    $('person-cancel').addEventListener('click', () => { $('editor').hidden = true; });
    $('person-remove').addEventListener('click', removePerson);
    $('photo-file').addEventListener('change', choosePhoto);
    $('photo-upload').addEventListener('click', uploadPhoto);
    $('photo-remove').addEventListener('click', removePhoto);
    $('household-q').addEventListener('input', debounce(() => { households.offset = 0; loadHouseholds(); }));
    $('household-prev').addEventListener('click', () => { households.offset = Math.max(0, households.offset - PAGE); loadHouseholds(); });
    $('household-next').addEventListener('click', () => { households.offset += PAGE; loadHouseholds(); });
    $('import-check').addEventListener('click', () => runImport(true));
    $('import-run').addEventListener('click', () => runImport(false));
    $('pass-form').addEventListener('submit', issuePass);
    $('pass-print').addEventListener('click', () => window.print());
    $('pass-state').addEventListener('change', () => { passes.offset = 0; loadPasses(); });
    $('pass-prev').addEventListener('click', () => { passes.offset = Math.max(0, passes.offset - PAGE); loadPasses(); });
    $('pass-next').addEventListener('click', () => { passes.offset += PAGE; loadPasses(); });
    defaultPassTimes();
    estateName();
    showTab('persons');
    loadPersons();
  }

  document.addEventListener('DOMContentLoaded', start);
})();
