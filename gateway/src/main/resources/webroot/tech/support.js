// Technician console, support tab: the configuration import and the restart that applies it. The
// chosen zip goes to the gateway as it is; the gateway checks it as at start-up and answers with
// every problem (file, line, what is wrong) or with the files it wrote. A restart checks the files
// again, then the gateway leaves and is started again by its supervisor; the page waits for it.
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

  /** The gateway answers /health again after it went away: sessions live in memory, so log in anew. */
  function awaitBack(done) {
    let wentAway = false;
    const poll = () => fetch('/health', { cache: 'no-store' }).then((r) => r.ok, () => false).then((up) => {
      wentAway = wentAway || !up;
      if (up && wentAway) {
        done.textContent = t('techRestarted');
        window.setTimeout(() => window.location.reload(), 1000);
      } else {
        window.setTimeout(poll, 1000);
      }
    });
    window.setTimeout(poll, 1000);
  }

  function restart(event) {
    event.preventDefault();
    const form = event.target;
    const error = document.getElementById('restart-error');
    const problems = document.getElementById('restart-problems');
    const done = document.getElementById('restart-done');
    Tech.clearError(form, error);
    problems.replaceChildren();
    done.textContent = '';
    if (!window.confirm(t('techRestartConfirm'))) {
      return;
    }
    Doorstep.post('/api/tech/support/restart', {}).then(() => {
      done.textContent = t('techRestarting');
      awaitBack(done);
    }).catch((err) => {
      if (err && Array.isArray(err.problems)) {
        Tech.showError(form, error, { error: t('techRestartProblems', { n: err.problems.length }) });
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
    document.getElementById('restart-form').addEventListener('submit', restart);
  });
})();
