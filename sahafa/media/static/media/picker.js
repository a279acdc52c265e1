// The editor's «Browse…» window (django-prose-editor's Figure dialog opens it with
// ?CKEditorFuncNum=N): a chosen image goes back to the dialog, with its alt text and caption.
(function () {
  "use strict";
  var list = document.querySelector(".library-picker");
  if (!list) return;
  list.addEventListener("click", function (event) {
    var button = event.target.closest(".library-pick");
    if (!button || !window.opener || !window.opener.CKEDITOR) return;
    window.opener.CKEDITOR.tools.callFunction(
      Number(list.dataset.functionNumber),
      button.dataset.url,
      { id: button.dataset.id, alternative_text: button.dataset.alt, caption: button.dataset.caption }
    );
    window.close();
  });
})();
