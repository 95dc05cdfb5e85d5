// Solves the sign-in form's proof-of-work challenge (ALTCHA format, see src/platform/auth/pow.ts): finds n with
// SHA-256(salt + n) = challenge and puts it into the hidden field `altcha_number`. Without this script (or without
// crypto.subtle) the form is accepted 30 seconds after it was shown.
/* global document, window, atob, TextEncoder, crypto */
(function () {
  var field = document.querySelector('input[name="altcha_challenge"]');
  var out = document.querySelector('input[name="altcha_number"]');
  var status = document.getElementById('altcha-status');
  if (!field || !out || !window.crypto || !window.crypto.subtle || !window.TextEncoder) return;
  var c;
  try {
    c = JSON.parse(atob(field.value.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    return;
  }
  var enc = new TextEncoder();
  function hex(buf) {
    return Array.prototype.map.call(new Uint8Array(buf), function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }
  var form = field.form;
  var button = form ? form.querySelector('button[type="submit"]') : null;
  if (button) button.disabled = true;
  async function solve() {
    for (var n = 0; n <= c.maxnumber; n++) {
      var h = hex(await crypto.subtle.digest('SHA-256', enc.encode(c.salt + n)));
      if (h === c.challenge) return n;
    }
    return null;
  }
  solve().then(function (n) {
    if (n !== null) out.value = String(n);
    if (button) button.disabled = false;
    if (status && n !== null) status.textContent = status.getAttribute('data-done') || '';
  });
})();
