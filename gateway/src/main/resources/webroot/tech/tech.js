// The technician console's frame: texts, tabs, and what its parts share (the configured lines,
// showing a refused field). Each tab's script registers itself with Tech.tab(name, show).
'use strict';

window.Tech = (function () {
  const t = (key, values) => Doorstep.t(key, values);
  const shown = {};
  let linesLoaded = null;

  function fillTexts(root) {
    root.querySelectorAll('[data-msg]').forEach((el) => {
      el.textContent = t(el.dataset.msg);
    });
  }

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function row(cells) {
    const tr = document.createElement('tr');
    cells.forEach((c) => tr.appendChild(c instanceof Node ? wrap(c) : el('td', c)));
    return tr;
  }

  function wrap(node) {
    if (node.tagName === 'TD') {
      return node;
    }
    const td = document.createElement('td');
    td.appendChild(node);
    return td;
  }

  /** Shows an API error: the message, and the form's field it names marked. */
  function showError(form, target, err) {
    form.querySelectorAll('.bad').forEach((i) => i.classList.remove('bad'));
    target.textContent = err && err.error ? err.error : t('techFailed');
    const field = err && err.field ? form.querySelector('[name="' + CSS.escape(err.field) + '"]') : null;
    if (field) {
      field.classList.add('bad');
      field.focus();
    }
  }

  function clearError(form, target) {
    form.querySelectorAll('.bad').forEach((i) => i.classList.remove('bad'));
    target.textContent = '';
  }

  /** The configured lines, asked once; every line selector is filled from them. */
  function lines() {
    if (linesLoaded === null) {
      linesLoaded = Doorstep.get('/api/tech/serial').then((r) => {
        document.querySelectorAll('select.line-select').forEach((select) => {
          select.replaceChildren();
          r.lines.forEach((l) => select.appendChild(Object.assign(el('option', l.id), { value: l.id })));
        });
        return r;
      });
    }
    return linesLoaded;
  }

  /** After a line is added or removed: the line selectors are filled anew. */
  function reloadLines() {
    linesLoaded = null;
    return lines();
  }

  function age(ms) {
    if (!ms) {
      return t('neverSeen');
    }
    const s = Math.max(0, Math.round((Date.now() - ms) / 1000));
    if (s < 60) {
      return t('justNow');
    }
    if (s < 3600) {
      return t('minutesAgo', { n: Math.floor(s / 60) });
    }
    if (s < 86400) {
      return t('hoursAgo', { n: Math.floor(s / 3600) });
    }
    return t('daysAgo', { n: Math.floor(s / 86400) });
  }

  function tab(name, show) {
    shown[name] = show;
  }

  function select(name) {
    document.querySelectorAll('.tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === name));
    document.querySelectorAll('section.tab').forEach((s) => {
      s.hidden = s.id !== 'tab-' + name;
    });
    if (shown[name]) {
      shown[name]();
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.documentElement.lang = Doorstep.language() === 'en' ? 'en' : 'zh-CN';
    document.title = t('techTitle') + ' · Doorstep';
    fillTexts(document);
    document.querySelectorAll('.tabs button').forEach((b) => b.addEventListener('click', () => {
      window.location.hash = b.dataset.tab;
    }));
    const fromHash = () => select(shown[window.location.hash.substring(1)] ? window.location.hash.substring(1) : 'devices');
    window.addEventListener('hashchange', fromHash);
    // after every tab's script has registered
    setTimeout(fromHash, 0);
  });

  return { t, el, row, showError, clearError, lines, reloadLines, age, tab, fillTexts };
})();
