// The report page's only script: forwards clicks on links and buttons to the extension. It reads nothing from
// the page but data-* attributes the extension wrote, and the extension checks every request again.
(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', event => {
    const target = event.target instanceof Element ? event.target.closest('a.loc, button[data-action]') : null;
    if (!target) {
      return;
    }
    event.preventDefault();
    if (target.matches('a.loc')) {
      vscode.postMessage({
        type: 'open',
        file: target.getAttribute('data-file'),
        line: Number(target.getAttribute('data-line')),
        character: Number(target.getAttribute('data-character')),
      });
      return;
    }
    const action = target.getAttribute('data-action');
    if (action === 'fix') {
      target.disabled = true;
      vscode.postMessage({ type: 'fix', finding: target.getAttribute('data-finding'), index: Number(target.getAttribute('data-index')) });
    } else if (action === 'fixAll' || action === 'copyMarkdown' || action === 'refresh') {
      vscode.postMessage({ type: action });
    }
  });
  window.addEventListener('message', event => {
    if (event.data && event.data.type === 'fixDone') {
      document.querySelectorAll('button[data-action="fix"]').forEach(b => { b.disabled = false; });
    }
  });
})();
