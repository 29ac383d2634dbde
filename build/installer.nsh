; Included by electron-builder at the end of the NSIS script header (nsis.include in
; electron-builder.yml), before installer.nsi loads the Modern UI and adds the languages.
;
; electron-builder 26 names Persian (fa_IR) "Persian" and so emits
; `!insertmacro MUI_LANGUAGE "Persian"`, but NSIS ships Persian as "Farsi" (Farsi.nlf, language id
; 1065, the id electron-builder's own Persian strings use). Without this file makensis stops with
; "Can't open language file ... Persian.nlf". Loading the Modern UI here (MUI2.nsh guards against a
; second include) lets us redefine MUI_LANGUAGE so that it maps that one name and passes every
; other language through unchanged.

!include "MUI2.nsh"

!macroundef MUI_LANGUAGE
!macro MUI_LANGUAGE NLFID
  !if "${NLFID}" == "Persian"
    !insertmacro MUI_LANGUAGEEX "${NSISDIR}\Contrib\Language files" "Farsi"
  !else
    !insertmacro MUI_LANGUAGEEX "${NSISDIR}\Contrib\Language files" "${NLFID}"
  !endif
!macroend

; Uninstalling removes the login item the app registered (Settings → "Start when I sign in"):
; Electron's app.setLoginItemSettings writes it under HKCU\...\Run with the value name it is
; given, here the AppUserModelID (main/desktop/lifecycle/login-item.ts), and records its enabled state
; under Explorer\StartupApproved\Run. Left behind, Windows would try to start a program that is
; gone at every sign-in. Not on an update: electron-builder runs the old uninstaller then too,
; and the user's choice must survive it.
!macro customUnInstall
  ${ifNot} ${isUpdated}
    DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "com.amootsms.contactsync"
    DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run" "com.amootsms.contactsync"
  ${endIf}
!macroend
