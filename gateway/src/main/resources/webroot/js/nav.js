// The header every page shares: the estate's name, who is logged in and as what, links to the
// areas their role may enter, the language switch and logout. Fills <header id="nav">; names
// from the gateway are set as text, never as markup.
'use strict';

(function () {
  const LINKS = [
    { area: 'board', href: '/', key: 'navBoard' },
    { area: 'tech', href: '/tech/', key: 'navTech' },
    { area: 'office', href: '/office/', key: 'navOffice' },
    { area: 'admin', href: '/admin/', key: 'navAdmin' },
  ];

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function current(href) {
    const path = window.location.pathname;
    return href === '/' ? path === '/' || path === '/index.html' : path.startsWith(href);
  }

  function render(nav, me, estate) {
    nav.replaceChildren();
    if (estate) nav.appendChild(el('span', 'nav-estate', estate));
    const links = el('nav', 'nav-links');
    LINKS.filter((l) => me.areas.includes(l.area)).forEach((l) => {
      const a = el('a', current(l.href) ? 'current' : '', Doorstep.t(l.key));
      a.href = l.href;
      links.appendChild(a);
    });
    nav.appendChild(links);
    const role = (Doorstep.t('role') || {})[me.role] || me.role;
    nav.appendChild(el('span', 'nav-user', me.name + ' · ' + role));
    const lang = el('button', 'nav-lang', Doorstep.t('switchTo'));
    lang.type = 'button';
    lang.id = 'nav-lang';
    lang.addEventListener('click', () => {
      Doorstep.setLanguage(Doorstep.language() === 'zh' ? 'en' : 'zh');
      window.location.reload();
    });
    nav.appendChild(lang);
    const logout = el('button', 'nav-logout', Doorstep.t('navLogout'));
    logout.type = 'button';
    logout.id = 'nav-logout';
    logout.addEventListener('click', () => {
      Doorstep.post('/api/session/logout').catch(() => null).then(() => window.location.assign('/login.html'));
    });
    nav.appendChild(logout);
  }

  function start() {
    const nav = document.getElementById('nav');
    if (!nav) return;
    Doorstep.get('/api/session/me').then((me) => {
      window.Doorstep.me = me;
      render(nav, me, '');
      if (me.areas.includes('board')) {
        Doorstep.get('/api/estate').then((e) => render(nav, me, e && e.name ? String(e.name) : ''), () => null);
      }
    }, (err) => {
      if (err && err.status === 401) {
        window.location.assign('/login.html?next=' + encodeURIComponent(window.location.pathname));
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
