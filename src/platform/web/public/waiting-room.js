// The waiting page (src/platform/http/waiting-room-page.tsx) sends the parent's form again by itself when its time
// comes: every field is already in the form as a hidden input, so nothing typed is lost.
/* global document, setTimeout */
(function () {
  var form = document.querySelector('form[data-retry]');
  if (!form) return;
  var seconds = Number(form.getAttribute('data-retry')) || 5;
  setTimeout(function () {
    form.submit();
  }, seconds * 1000);
})();
