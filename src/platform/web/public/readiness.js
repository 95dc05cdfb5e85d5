// The IT-readiness form (issue 14), validated as it is typed: the form's fields are posted (nothing is saved) to its
// check address, which answers with the values that do not parse, the broken validation rules and the provisional
// points per indicator; they are shown beside the fields and in the live region #check-result. Without this script
// the form works the same: the checks come back when the draft is saved.
/* global document, window, fetch, URLSearchParams, FormData, setTimeout, clearTimeout */
(function () {
  'use strict';
  var form = document.getElementById('readiness-form');
  if (!form || !window.fetch || !window.URLSearchParams) return;
  var url = form.getAttribute('data-check-url');
  var result = document.getElementById('check-result');
  var timer = null;
  var seq = 0;

  function text(tag, s) {
    var el = document.createElement(tag);
    el.textContent = s;
    return el;
  }

  function fieldError(code, message) {
    var id = 'f-' + code + '-live';
    var input = document.getElementById('f-' + code);
    var old = document.getElementById(id);
    if (old) old.parentNode.removeChild(old);
    if (!input) return;
    var about = (input.getAttribute('aria-describedby') || '').split(' ').filter(function (x) { return x && x !== id; });
    if (message) {
      var p = text('p', message);
      p.id = id;
      p.className = 'error-message';
      input.parentNode.insertBefore(p, input);
      about.push(id);
    }
    input.setAttribute('aria-describedby', about.join(' '));
  }

  function show(data) {
    var codes = Object.keys(data.points || {});
    codes.forEach(function (code) {
      var out = document.getElementById('p-' + code);
      if (out) out.textContent = data.points[code].points + ' / ' + data.points[code].max;
    });
    var seen = {};
    (data.errors || []).forEach(function (e) { seen[e.field] = e.message; });
    Array.prototype.forEach.call(form.querySelectorAll('[name^="v."]'), function (input) {
      fieldError(input.name.slice(2), seen[input.name.slice(2)] || '');
    });
    while (result.firstChild) result.removeChild(result.firstChild);
    var messages = (data.broken || []).map(function (b) { return b.message; });
    if (messages.length === 0) result.appendChild(text('p', data.allHold));
    else {
      var ul = document.createElement('ul');
      messages.forEach(function (m) { ul.appendChild(text('li', m)); });
      result.appendChild(ul);
    }
    result.appendChild(text('p', data.totalLabel + ': ' + data.total + ' / ' + data.max));
  }

  function check() {
    var mine = ++seq;
    var body = new URLSearchParams(new FormData(form));
    body.delete('action');
    fetch(url, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' }, body: body })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data && mine === seq) show(data); })
      .catch(function () { /* the checks come back on saving */ });
  }

  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  });
  form.addEventListener('change', function () {
    clearTimeout(timer);
    timer = setTimeout(check, 100);
  });
})();
