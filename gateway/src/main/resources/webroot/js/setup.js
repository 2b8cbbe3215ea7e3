// The first admin, through the one-time link the gateway printed at start-up
// (/setup.html#token=…: after the #, so the token never reaches a log or a proxy).
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const token = new URLSearchParams(window.location.hash.substring(1)).get('token');

  function texts() {
    document.documentElement.lang = Doorstep.language() === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-msg]').forEach((n) => { n.textContent = Doorstep.t(n.dataset.msg); });
    $('lang').textContent = Doorstep.t('switchTo');
  }

  function show(text, ok) {
    $('message').textContent = text;
    $('message').className = 'message ' + (ok ? 'ok' : 'error');
  }

  function mark(field) {
    ['name', 'password', 'repeat'].forEach((f) => $(f).setAttribute('aria-invalid', String(f === field)));
  }

  function finished(text, ok) {
    $('setup-form').querySelectorAll('input, button').forEach((n) => { n.disabled = true; });
    show(text, ok);
    $('to-login').classList.remove('hidden');
  }

  function submit(event) {
    event.preventDefault();
    const name = $('name').value.trim();
    const password = $('password').value;
    if (password !== $('repeat').value) {
      mark('repeat');
      show(Doorstep.t('setupMismatch'));
      return;
    }
    mark(null);
    Doorstep.post('/api/session/setup', { token, name, password }).then(() => {
      // the link is spent: keep it out of the history
      window.history.replaceState(null, '', '/setup.html');
      finished(Doorstep.t('setupDone'), true);
    }, (err) => {
      if (err.status === 409) {
        finished(Doorstep.t('setupNotNeeded'), false);
      } else if (err.field === 'token') {
        finished(Doorstep.t('setupBadToken'), false);
      } else if (err.field === 'name' || err.field === 'password') {
        mark(err.field);
        show(Doorstep.t(err.field === 'name' ? 'nameRule' : 'passwordRule'));
      } else {
        show(Doorstep.t('loginFailed'));
      }
    });
  }

  texts();
  $('lang').addEventListener('click', () => {
    Doorstep.setLanguage(Doorstep.language() === 'zh' ? 'en' : 'zh');
    texts();
  });
  $('setup-form').addEventListener('submit', submit);
  Doorstep.get('/api/session/setup').then((s) => {
    if (!s.needed) {
      finished(Doorstep.t('setupNotNeeded'), false);
    } else if (!token) {
      finished(Doorstep.t('setupNoToken'), false);
    }
  }, () => null);
})();
