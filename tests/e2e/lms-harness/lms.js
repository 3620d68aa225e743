/*
 * A tiny LMS for the end-to-end tests: scorm-again's run-time as window.API (SCORM 1.2) or
 * window.API_1484_11 (SCORM 2004), started with what the LMS stored last time, logging every call,
 * and the package's index.html in a frame — as Moodle or SCORM Cloud would launch it.
 *
 *   index.html?version=1.2&package=pkg12/   (or version=2004)
 *   window.LMS_INITIAL_CMI   (set by the test before load): data to load before launch
 *   window.LMS_REFUSE_COMMITS (set by the test before load): how many commits to refuse first
 *
 * Settings as the strict LMSs behave: nothing is sent anywhere (no commit URL, no autocommit);
 * LMSFinish without a status records «completed» (as SCORM 1.2 run-times like Moodle's do); and in
 * 1.2 a score with the LMS's mastery score decides passed or failed at the end.
 */
(function () {
  /** @type {any} scorm-again's UMD build and the test's hooks live on window. */
  var w = window;
  var params = new URLSearchParams(location.search);
  var version = params.get('version') === '1.2' ? '1.2' : '2004';
  var pkg = params.get('package') || '';
  var settings = { logLevel: 4, autocommit: false, lmsCommitUrl: false, autoCompleteLessonStatus: true, mastery_override: true };
  var api = version === '1.2' ? new w.Scorm12API(settings) : new w.Scorm2004API(settings);
  if (w.LMS_INITIAL_CMI) api.loadFromJSON(w.LMS_INITIAL_CMI);

  /** Every call in order, and the last value set per element (exit and session_time cannot be read back). */
  /** @type {string[]} */
  var calls = [];
  /** @type {Record<string, string>} */
  var sent = {};
  var prefix = version === '1.2' ? 'LMS' : '';
  ['Initialize', 'Commit', version === '1.2' ? 'Finish' : 'Terminate'].forEach(function (name) {
    api.on(prefix + name, function () {
      calls.push(prefix + name);
    });
  });
  api.on(prefix + 'SetValue.cmi.*', function (/** @type {string} */ element, /** @type {string} */ value) {
    calls.push('set ' + element);
    sent[element] = value;
  });
  // A commit the LMS refuses, as a server that did not answer: "false", and error 101 (general).
  var refuse = Number(w.LMS_REFUSE_COMMITS) || 0;
  var commitName = prefix + 'Commit';
  var commit = api[commitName].bind(api);
  var lastError = api[prefix + 'GetLastError'].bind(api);
  var refusedNow = false;
  api[commitName] = function (/** @type {string} */ arg) {
    if (refuse > 0) {
      refuse--;
      refusedNow = true;
      calls.push(commitName + ' refused');
      return 'false';
    }
    refusedNow = false;
    return commit(arg);
  };
  api[prefix + 'GetLastError'] = function () {
    return refusedNow ? '101' : lastError();
  };

  w.LMS_CALLS = calls;
  w.LMS_SENT = sent;
  w.LMS_API = api;
  w[version === '1.2' ? 'API' : 'API_1484_11'] = api;

  document.addEventListener('DOMContentLoaded', function () {
    var frame = document.createElement('iframe');
    frame.title = 'Курс';
    frame.src = pkg + 'index.html';
    document.body.appendChild(frame);
  });
})();
