// The login page: name and password, then on to the page asked for (or the role's start page).
// The gateway's answer never says whether a name exists; the page does not guess either.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);

  function texts() {
    document.documentElement.lang = Doorstep.language() === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-msg]').forEach((n) => { n.textContent = Doorstep.t(n.dataset.msg); });
    $('lang').textContent = Doorstep.t('switchTo');
    document.title = Doorstep.t('loginTitle') + ' · Doorstep';
  }

  /** Only a path on this gateway: never another site, whatever the link said. */
  function next() {
    const n = new URLSearchParams(window.location.search).get('next');
    return n && n.startsWith('/') && !n.startsWith('//') && !n.includes('\\') ? n : null;
  }

  function show(text) {
    $('message').textContent = text;
  }

  function mark(field) {
    ['name', 'password'].forEach((f) => $(f).setAttribute('aria-invalid', String(f === field)));
  }

  function submit(event) {
    event.preventDefault();
    const name = $('name').value.trim();
    const password = $('password').value;
    if (!name || !password) {
      mark(!name ? 'name' : 'password');
      show(Doorstep.t('required'));
      return;
    }
    mark(null);
    show('');
    Doorstep.post('/api/session/login', { name, password }).then((me) => {
      window.location.assign(next() || me.home || '/');
    }, (err) => {
      $('password').value = '';
      if (err.status === 429) {
        show(Doorstep.t('loginThrottled', { s: err.retryAfterS }));
      } else if (err.status === 401) {
        mark('password');
        show(Doorstep.t('loginWrong'));
      } else if (err.status === 400 && err.field) {
        mark(err.field);
        show(Doorstep.t('required'));
      } else {
        show(Doorstep.t('loginFailed'));
      }
      $('password').focus();
    });
  }

  texts();
  $('lang').addEventListener('click', () => {
    Doorstep.setLanguage(Doorstep.language() === 'zh' ? 'en' : 'zh');
    texts();
  });
  $('login-form').addEventListener('submit', submit);
  Doorstep.get('/api/session/setup').then((s) => $('setup-hint').classList.toggle('hidden', !s.needed), () => null);
})();
