// The waiting page (src/platform/http/waiting-room-page.tsx) sends the parent's form again by itself when its time
// comes: every field is already in the form as a hidden input, so nothing typed is lost. The pause button stops it
// (WCAG 2.1 SC 2.2.1: a time limit the user can turn off); "Send again now" still works.
/* global document, setTimeout, clearTimeout */
(function () {
  var form = document.querySelector('form[data-retry]');
  if (!form) return;
  var seconds = Number(form.getAttribute('data-retry')) || 5;
  var timer = setTimeout(function () {
    form.submit();
  }, seconds * 1000);
  var pause = form.querySelector('[data-pause]');
  if (!pause) return;
  pause.hidden = false;
  pause.addEventListener('click', function () {
    clearTimeout(timer);
    pause.hidden = true;
  });
})();
