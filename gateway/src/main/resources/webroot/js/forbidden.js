// The "not allowed" page: in the chosen language, with a way back to the role's start page.
'use strict';

(function () {
  document.documentElement.lang = Doorstep.language() === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-msg]').forEach((n) => { n.textContent = Doorstep.t(n.dataset.msg); });
  Doorstep.get('/api/session/me').then((me) => { document.getElementById('home').href = me.home; }, () => null);
})();
