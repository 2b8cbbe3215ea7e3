// Technician console, support tab: the configuration import. The chosen zip goes to the gateway
// as it is; the gateway checks it as at start-up and answers with every problem (file, line,
// what is wrong) or with the files it wrote, which a restart applies.
'use strict';

(function () {
  const { t, el } = Tech;

  function problemLine(p) {
    const item = el('li');
    item.appendChild(el('code', p.file + (p.line > 0 ? ':' + p.line : '')));
    item.appendChild(document.createTextNode(' ' + (p.path ? p.path + ': ' : '') + p.message));
    return item;
  }

  function submit(event) {
    event.preventDefault();
    const form = event.target;
    const file = document.getElementById('import-file');
    const error = document.getElementById('import-error');
    const problems = document.getElementById('import-problems');
    const done = document.getElementById('import-done');
    Tech.clearError(form, error);
    problems.replaceChildren();
    done.textContent = '';
    if (!file.files.length) {
      Tech.showError(form, error, { error: t('techImportChoose'), field: 'file' });
      return;
    }
    Doorstep.put('/api/tech/support/config', file.files[0]).then((r) => {
      const changed = r.written.concat(r.removed);
      done.textContent = changed.length ? t('techImportDone', { files: changed.join(', ') }) : t('techImportUnchanged');
    }).catch((err) => {
      if (err && Array.isArray(err.problems)) {
        Tech.showError(form, error, { error: t('techImportProblems', { n: err.problems.length }), field: 'file' });
        err.problems.forEach((p) => problems.appendChild(problemLine(p)));
      } else {
        Tech.showError(form, error, err);
      }
    });
  }

  // Registered so the tab can be chosen at all: the frame shows only tabs that registered.
  Tech.tab('support', () => {});

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('import-form').addEventListener('submit', submit);
  });
})();
