// What every page shares: the chosen language and its texts, and calls to the gateway's JSON API.
// A change (POST, PUT, DELETE) carries the anti-forgery token the server set in the XSRF-TOKEN
// cookie back as the X-XSRF-TOKEN header; a call without a session sends the browser to the
// login page. Errors come back as {"error": "...", "field": "..."} and reject with that object.
'use strict';

window.Doorstep = (function () {
  const LANG_KEY = 'doorstep.lang';
  const MESSAGES = window.DOORSTEP_MESSAGES;

  function language() {
    try {
      const lang = window.localStorage.getItem(LANG_KEY);
      return lang === 'en' || lang === 'zh' ? lang : 'zh';
    } catch (e) {
      return 'zh'; // storage blocked: the default language still works
    }
  }

  function setLanguage(lang) {
    try {
      window.localStorage.setItem(LANG_KEY, lang);
    } catch (e) {
      // storage blocked: the choice lasts for this page only
    }
  }

  /** The text for key in the current language, with {name} filled from values. */
  function t(key, values) {
    const lang = language();
    const text = MESSAGES[lang][key];
    const template = text === undefined ? MESSAGES.zh[key] : text;
    if (template === undefined) {
      return key;
    }
    if (values === undefined) {
      return template;
    }
    return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  }

  function cookie(name) {
    const found = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
    return found === undefined ? '' : decodeURIComponent(found.substring(name.length + 1));
  }

  function call(method, path, body) {
    const headers = { Accept: 'application/json' };
    const init = { method, headers, cache: 'no-store', credentials: 'same-origin' };
    if (method !== 'GET') {
      headers['X-XSRF-TOKEN'] = cookie('XSRF-TOKEN');
    }
    if (body instanceof FormData || body instanceof Blob) {
      init.body = body; // a file goes as it is, with its own type
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then((r) => {
      // a refused login is an answer for the login form, not a lost session
      if (r.status === 401 && !path.startsWith('/api/session/')) {
        window.location.assign('/login.html?next=' + encodeURIComponent(window.location.pathname));
        return Promise.reject({ error: 'not logged in', status: 401 });
      }
      const type = r.headers.get('Content-Type') || '';
      const parsed = type.startsWith('application/json') ? r.json() : r.text().then((text) => ({ text }));
      return parsed.then((json) => (r.ok ? json : Promise.reject(Object.assign({ status: r.status }, json))));
    });
  }

  return {
    language,
    setLanguage,
    t,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body === undefined ? {} : body),
    put: (path, body) => call('PUT', path, body),
    del: (path) => call('DELETE', path),
  };
})();
