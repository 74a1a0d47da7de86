;;; eglot-client.el --- Emacs 28 + eglot as the go-env-doctor client, headless  -*- lexical-binding: t -*-
;; Opens the workspace's settings.json, starts the server with eglot, waits for the expected diagnostic,
;; requests code actions, applies the preferred one with eglot's own workspace-edit code, saves, and waits for
;; the diagnostic to clear. Environment: SERVER_CMD (JSON array), WORKSPACE, SETTINGS, EXPECT_CODE, RESULT (a
;; file this script writes "OK ..." or the error to). Run: emacs --batch -Q -l eglot-client.el
(require 'cl-lib)
(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (add-to-list 'load-path dir))
(require 'eglot)

(defvar ged-published nil "Every publishDiagnostics for the settings file, newest first.")

(defun ged-finish (text)
  (with-temp-file (getenv "RESULT") (insert text "\n"))
  (kill-emacs 0))

(defun ged-wait (what predicate)
  (let ((deadline (+ (float-time) 20)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (unless (funcall predicate)
      (error "No %s within 20 s; last: %S" what (car ged-published)))))

(condition-case err
    (let* ((command (json-parse-string (getenv "SERVER_CMD") :array-type 'list))
           (workspace (file-name-as-directory (getenv "WORKSPACE")))
           (settings (getenv "SETTINGS"))
           (code (getenv "EXPECT_CODE"))
           (uri (eglot--path-to-uri settings))
           diagnostic action)
      (setq eglot-sync-connect 30
            eglot-connect-timeout 60
            eglot-autoshutdown nil
            make-backup-files nil)
      (add-hook 'project-find-functions (lambda (_dir) (cons 'transient workspace)))
      (add-to-list 'eglot-server-programs (cons 'js-mode command))
      (cl-defmethod eglot-handle-notification :before
        (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics &allow-other-keys)
        (when (equal (file-truename (eglot--uri-to-path uri)) (file-truename settings))
          (push (append diagnostics nil) ged-published)))
      (find-file settings)
      (apply #'eglot (eglot--guess-contact))
      (ged-wait (concat code " diagnostic")
                (lambda ()
                  (setq diagnostic (cl-find-if (lambda (d) (equal (plist-get d :code) code)) (car ged-published)))))
      (unless (equal (plist-get diagnostic :source) "go-env-doctor")
        (error "Source %S" (plist-get diagnostic :source)))
      (setq action (cl-find-if (lambda (a) (eq (plist-get a :isPreferred) t))
                               (eglot-code-actions (point-min) (point-max))))
      (unless action (error "No preferred code action"))
      (eglot--apply-workspace-edit (plist-get action :edit))
      (save-buffer)
      (ged-wait "cleared diagnostics" (lambda () (and ged-published (null (car ged-published)))))
      (eglot-shutdown (eglot-current-server))
      (ged-finish (concat "OK " (plist-get action :title))))
  (error (ged-finish (format "FAILED %S" err))))
