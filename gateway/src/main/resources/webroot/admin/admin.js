// The admin area: the people who may log in (create, change role, reset password, disable) and
// the audit log. Every check is the gateway's; this page only shows its answers. Names are set
// as text, never as markup.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const ROLES = ['guard', 'technician', 'office', 'admin'];
  const PAGE = 50;
  const audit = { actor: '', action: '', next: null };

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function roleName(code) {
    return (Doorstep.t('role') || {})[code] || code;
  }

  const pad = (n) => String(n).padStart(2, '0');
  function time(ms) {
    if (ms === null || ms === undefined) return Doorstep.t('never');
    const d = new Date(ms);
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' '
      + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  }

  function say(text, ok) {
    $('user-message').textContent = text;
    $('user-message').className = 'message ' + (ok ? 'ok' : 'error');
  }

  function refused(err) {
    say(err.error || Doorstep.t('loginFailed'), false);
  }

  function roleSelect(selected) {
    const select = el('select');
    ROLES.forEach((r) => {
      const option = el('option', roleName(r));
      option.value = r;
      option.selected = r === selected;
      select.appendChild(option);
    });
    return select;
  }

  function button(key, onClick) {
    const b = el('button', Doorstep.t(key));
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function userRow(u) {
    const tr = el('tr');
    tr.dataset.name = u.name;
    if (u.disabled) tr.className = 'disabled';
    tr.appendChild(el('td', u.name, 'user-name'));
    const roleCell = el('td');
    const role = roleSelect(u.role);
    role.className = 'user-role';
    role.addEventListener('change', () => {
      Doorstep.put('/api/admin/users/' + encodeURIComponent(u.name), { role: role.value })
        .then(() => { say(Doorstep.t('userChanged', { name: u.name }), true); reload(); }, (e) => { refused(e); reload(); });
    });
    roleCell.appendChild(role);
    tr.appendChild(roleCell);
    tr.appendChild(el('td', time(u.created)));
    tr.appendChild(el('td', time(u.lastLogin)));
    tr.appendChild(el('td', Doorstep.t(u.disabled ? 'statusDisabled' : 'statusActive'), 'user-status'));
    const actions = el('div', null, 'row-actions');
    actions.appendChild(button(u.disabled ? 'userEnable' : 'userDisable', () => {
      Doorstep.put('/api/admin/users/' + encodeURIComponent(u.name), { disabled: !u.disabled })
        .then(() => { say(Doorstep.t('userChanged', { name: u.name }), true); reload(); }, refused);
    }));
    const password = el('input');
    password.type = 'password';
    password.autocomplete = 'new-password';
    password.placeholder = Doorstep.t('userNewPassword');
    password.className = 'reset-password';
    actions.appendChild(password);
    actions.appendChild(button('userResetPassword', () => {
      Doorstep.post('/api/admin/users/' + encodeURIComponent(u.name) + '/password', { password: password.value })
        .then(() => { password.value = ''; say(Doorstep.t('userPasswordReset', { name: u.name }), true); },
          (e) => (e.field === 'password' ? say(Doorstep.t('passwordRule'), false) : refused(e)));
    }));
    const cell = el('td');
    cell.appendChild(actions);
    tr.appendChild(cell);
    return tr;
  }

  function reload() {
    Doorstep.get('/api/admin/users').then((r) => {
      $('user-rows').replaceChildren(...r.users.map(userRow));
    }, refused);
    loadAudit(true);
  }

  function create(event) {
    event.preventDefault();
    const body = { name: $('new-name').value.trim(), role: $('new-role').value, password: $('new-password').value };
    ['new-name', 'new-role', 'new-password'].forEach((id) => $(id).setAttribute('aria-invalid', 'false'));
    Doorstep.post('/api/admin/users', body).then((u) => {
      $('create-form').reset();
      say(Doorstep.t('userCreated', { name: u.name }), true);
      reload();
    }, (err) => {
      if (err.field) $('new-' + err.field) && $('new-' + err.field).setAttribute('aria-invalid', 'true');
      if (err.field === 'name' && err.status === 400) say(Doorstep.t('nameRule'), false);
      else if (err.field === 'password') say(Doorstep.t('passwordRule'), false);
      else refused(err);
    });
  }

  function json(text) {
    return text === null || text === undefined ? '' : text;
  }

  function loadAudit(fresh) {
    const params = new URLSearchParams({ limit: String(PAGE) });
    if (audit.actor) params.set('actor', audit.actor);
    if (audit.action) params.set('action', audit.action);
    if (!fresh && audit.next !== null) params.set('before', String(audit.next));
    Doorstep.get('/api/admin/audit?' + params.toString()).then((r) => {
      const rows = r.rows.map((a) => {
        const tr = el('tr');
        tr.appendChild(el('td', time(a.ts)));
        tr.appendChild(el('td', a.actor, 'audit-actor'));
        // known actions in the page's language, the code itself for those of other areas
        const action = el('td', (Doorstep.t('auditActions') || {})[a.action] || a.action, 'audit-action');
        action.title = a.action;
        tr.appendChild(action);
        tr.appendChild(el('td', a.subject));
        tr.appendChild(el('td', json(a.before), 'json'));
        tr.appendChild(el('td', json(a.after), 'json'));
        return tr;
      });
      if (fresh) $('audit-rows').replaceChildren(...rows);
      else rows.forEach((tr) => $('audit-rows').appendChild(tr));
      audit.next = r.next;
      $('audit-more').classList.toggle('hidden', r.next === null);
      $('audit-empty').classList.toggle('hidden', $('audit-rows').children.length > 0);
    }, refused);
  }

  function texts() {
    document.documentElement.lang = Doorstep.language() === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-msg]').forEach((n) => { n.textContent = Doorstep.t(n.dataset.msg); });
    document.title = Doorstep.t('adminTitle') + ' · Doorstep';
    $('filter-actor').placeholder = Doorstep.t('anyActor');
    $('filter-action').placeholder = Doorstep.t('anyAction');
    $('new-role').replaceChildren(...roleSelect('guard').children);
  }

  texts();
  $('create-form').addEventListener('submit', create);
  $('audit-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    audit.actor = $('filter-actor').value.trim();
    audit.action = $('filter-action').value.trim();
    loadAudit(true);
  });
  $('audit-more').addEventListener('click', () => loadAudit(false));
  reload();
})();
