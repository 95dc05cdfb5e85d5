// The signal pages' live state (issue 16): every 2 seconds the elements marked data-live-id / data-live-field inside
// a data-live-url container are filled from that URL's JSON (the centre's last status per intersection). Without this
// script the pages show the same figures as of their loading; a reload refreshes them.
/* global document, window, fetch, setTimeout */
(function () {
  'use strict';
  var box = document.querySelector('[data-live-url]');
  if (!box || !window.fetch) return;
  var url = box.getAttribute('data-live-url');
  var yes = box.getAttribute('data-yes') || 'yes';
  var no = box.getAttribute('data-no') || 'no';

  function show(v) {
    if (v === undefined || v === null) return '—';
    if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
    if (typeof v === 'boolean') return v ? yes : no;
    return String(v);
  }

  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (states) {
        if (!states) return;
        var els = box.querySelectorAll('[data-live-id]');
        for (var i = 0; i < els.length; i++) {
          var s = states[els[i].getAttribute('data-live-id')];
          var text = show(s ? s[els[i].getAttribute('data-live-field')] : undefined);
          if (els[i].textContent !== text) els[i].textContent = text;
        }
      })
      .catch(function () { return null; })
      .then(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 2000);
})();
