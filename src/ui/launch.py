"""Start the GUI: font, translation, crash path, first-run wizard or login, main window.

The login dialog appears before the data layer is imported; the workspace opens in a background
thread while the user types (DESIGN.md section 8).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from yichao.app.core import Settings, data_dir_forced, db_path, logs_dir, resolve_data_dir
from yichao.resources import ICON_PATH
from yichao.ui.background_imports import BACKGROUND_IMPORT
from yichao.ui.crash import install_crash_handlers, setup_logging
from yichao.ui.fonts import install_cjk_font
from yichao.ui.i18n import install_translators

if TYPE_CHECKING:
    from concurrent.futures import Future

log = logging.getLogger(__name__)

VIEWER_SWEEP_MS = 3 * 60 * 1000  # how often attachment copies their viewer let go are removed
APP_USER_MODEL_ID = "Yichao.Yichao"  # the same in installer/yichao.iss (the shortcuts' AppUserModelID)


def make_application(data_dir: Path | None = None) -> QApplication:
    """The QApplication with the CJK font and the chosen language."""
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Yichao")
    app.setOrganizationName("Yichao")
    app.setWindowIcon(QIcon(str(ICON_PATH)))  # read when first drawn
    if sys.platform == "win32":  # the taskbar groups the windows under the shortcut's icon
        # Windows only
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_USER_MODEL_ID)  # type: ignore[attr-defined]
    install_cjk_font(app)
    language = Settings(data_dir).get("language") if data_dir and data_dir.exists() else "zh_CN"
    install_translators(app, language)
    return app


def _error(message: str, interactive: bool = True) -> None:
    """One sentence on stderr, and in a message box unless nobody is there to close it."""
    print(f"yichao: {message}", file=sys.stderr)
    if interactive:
        QMessageBox.warning(None, QCoreApplication.translate("Launch", "Yichao"), message)


def _open_with_recovery(data_dir: Path, opener: Future[Any] | None = None, interactive: bool = True) -> Any:
    """Open the workspace; a corrupt or foreign file offers to restore the newest backup."""
    # staged start-up: loaded when this step comes (DESIGN.md section 8)
    from yichao.app.core import DatabaseProblem, backups_dir, list_backups, open_workspace, restore_database

    try:
        return opener.result() if opener else open_workspace(data_dir)
    except DatabaseProblem as exc:
        backups = list_backups(backups_dir(data_dir))
        if not backups or not interactive:
            raise
        answer = QMessageBox.question(
            None, QCoreApplication.translate("Launch", "Yichao"),
            exc.message + "\n\n" + QCoreApplication.translate("Launch", "Restore the newest backup from %1?").replace(
                "%1", backups[0].made_at.strftime("%Y-%m-%d %H:%M")),
        )
        if answer != QMessageBox.StandardButton.Yes:
            raise
        restore_database(data_dir, backups[0].path)
        return open_workspace(data_dir)


def _wizard(data_dir: Path, choose_folder: bool) -> Any:
    # staged start-up: loaded when this step comes (DESIGN.md section 8)
    from yichao.ui.dialogs.setup_wizard import SetupWizard

    wizard = SetupWizard(data_dir, choose_folder=choose_folder)
    if wizard.exec() != SetupWizard.DialogCode.Accepted:
        return None
    if wizard.workspace is None:  # the chosen folder already held data: sign in to it
        return _login(wizard.data_dir)
    ws = wizard.workspace
    # staged start-up: loaded when this step comes (DESIGN.md section 8)
    from yichao.app.core import login

    login(ws, *wizard.credentials())
    return ws


def _login(data_dir: Path) -> Any:
    """Show the login dialog at once; open the data layer behind it."""
    # staged start-up: loaded when this step comes (DESIGN.md section 8)
    from concurrent.futures import ThreadPoolExecutor

    from yichao.ui import icons
    from yichao.ui.dialogs.login import LoginDialog

    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="open-workspace")
    holder: dict[str, Any] = {}

    def start_loading() -> Future[Any]:
        """Open the data layer (and import the icon font) behind the dialog, once."""
        if "opener" not in holder:
            holder["opener"] = executor.submit(_open_in_background, data_dir)
            icons.preload()
        return holder["opener"]

    def authenticate(username: str, password: str) -> str | None:
        # staged start-up: loaded when this step comes (DESIGN.md section 8)
        from yichao.app.core import USER_ERRORS, message_of

        opener = start_loading()
        _wait_for(opener)
        ws = holder.get("ws")
        if ws is None:
            ws = _open_with_recovery(data_dir, opener)
            holder["ws"] = ws
        # staged start-up: loaded when this step comes (DESIGN.md section 8)
        from yichao.app.core import login

        try:
            login(ws, username, password)
        except USER_ERRORS as exc:
            return message_of(exc)
        return None

    dialog = LoginDialog(Settings(data_dir).get("site_label") or str(data_dir), authenticate)
    dialog.show()
    # the dialog is painted first: the data layer's imports would compete with it for the GIL
    QTimer.singleShot(0, start_loading)
    try:
        accepted = dialog.exec() == LoginDialog.DialogCode.Accepted
    finally:
        executor.shutdown(wait=True)
    opener = holder.get("opener")
    ws = holder.get("ws")
    if ws is None and opener is not None and opener.exception() is None:
        ws = opener.result()
    if not accepted:
        if ws is not None:
            ws.close()
        return None
    return ws


def _wait_for(future: Future[Any]) -> None:
    """Keep the dialog painting while the data layer finishes opening (usually it already has)."""
    if future.done():
        return
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if future.done() else None)
    timer.start(20)
    loop.exec()
    timer.stop()


def _open_in_background(data_dir: Path) -> Any:
    # staged start-up: loaded when this step comes (DESIGN.md section 8)
    from yichao.app.core import open_workspace

    ws = open_workspace(data_dir)
    try:
        _import_main_window(prepare_first_page=True)
    except Exception:  # noqa: BLE001 - only a head start: the GUI thread imports (and reports) again
        log.warning("could not import the main window ahead of time", exc_info=True)
    return ws


def _import_main_window(prepare_first_page: bool = False) -> None:
    """Import (not build) the main window and its first page: code only, safe off the GUI thread.

    With ``prepare_first_page`` (while the user types), also the page module's ``prepare()``:
    what its first load would import anyway, such as the dashboard's figures and their models.
    """
    # staged start-up: loaded when this step comes (DESIGN.md section 8)
    import importlib

    from yichao.ui.pages import ordered_pages

    with BACKGROUND_IMPORT:  # PySide6's lazy types: never built by two threads at once
        importlib.import_module(".main_window", __package__)
        pages = ordered_pages()
        if pages:
            module = importlib.import_module(pages[0].target.split(":")[0])
            prepare = getattr(module, "prepare", None)
            if prepare_first_page and callable(prepare):
                prepare()


def _login_with_password_file(data_dir: Path, user: str, password_file: str, interactive: bool) -> Any:
    # staged start-up: loaded when this step comes (DESIGN.md section 8)
    from concurrent.futures import ThreadPoolExecutor

    from yichao.app.core import login, read_password_file

    password = read_password_file(password_file)
    ws = _open_with_recovery(data_dir, interactive=interactive)
    try:
        # the password hash (scrypt) runs without the GIL: import the window's code meanwhile
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sign-in") as executor:
            signing_in = executor.submit(login, ws, user, password)
            _import_main_window()
            signing_in.result()
    except BaseException:
        ws.close()
        raise
    return ws


def show_main_window(ws: Any, remember_geometry: bool = True) -> Any:
    """Build and show the main window; icons not loaded yet follow once it is up."""
    # staged start-up: loaded when this step comes (DESIGN.md section 8)
    from yichao.ui import icons
    from yichao.ui.first_paint import after_first_paint
    from yichao.ui.main_window import MainWindow
    from yichao.ui.screen_fit import fit_window, install_screen_fit

    icons.defer()
    window = MainWindow(ws, remember_geometry=remember_geometry)
    if window.first_start:
        window.showMaximized()  # a first start fills the screen, whatever its size
    else:
        fit_window(window)  # the size the clerk left it at, fitted into today's screen
        window.show()
    # every dialog from now on fits the screen too (a filter on every event: not before the first paint)
    after_first_paint(window, lambda: install_screen_fit(QApplication.instance()))
    return window


def launch(args: argparse.Namespace) -> int:
    """Entry of `yichao gui` and of `yichao` with no command."""
    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    setup_logging(logs_dir(data_dir) if _writable(data_dir) else None)
    app = make_application(data_dir)
    install_crash_handlers()
    # staged start-up: loaded when this step comes (DESIGN.md section 8)
    from yichao.app.core import USER_ERRORS, message_of

    interactive = not getattr(args, "screenshot", None)
    try:
        if getattr(args, "user", None) and getattr(args, "password_file", None):
            ws = _login_with_password_file(data_dir, args.user, args.password_file, interactive)
        elif not _is_initialized(data_dir):
            if getattr(args, "screenshot", None):
                _error(
                    QCoreApplication.translate("Launch", "This data folder is not set up yet; run yichao init first."),
                    interactive,
                )
                return 1
            ws = _wizard(data_dir, choose_folder=not data_dir_forced(getattr(args, "data_dir", None)))
        else:
            ws = _login(data_dir)
    except USER_ERRORS as exc:
        _error(message_of(exc), interactive)
        return 1
    if ws is None:
        return 0
    window = show_main_window(ws, remember_geometry=not getattr(args, "screenshot", None))
    if interactive and getattr(ws, "location_warning", None):  # a share, a stick or a synced folder
        QTimer.singleShot(0, lambda: QMessageBox.warning(
            window, QCoreApplication.translate("Launch", "Yichao"), ws.location_warning))
    if getattr(args, "screenshot", None):
        # staged start-up: loaded when this step comes (DESIGN.md section 8)
        from yichao.ui import icons
        from yichao.ui.operations import pool

        icons.wait_loaded()
        for _ in range(3):  # let pages finish what they load off the GUI thread, then paint
            app.processEvents()
            pool().waitForDone(10_000)
            app.processEvents()
        ok = window.grab().save(args.screenshot)
        window.close()
        ws.close()
        _cleanup_temp()
        if not ok:
            _error(QCoreApplication.translate("Launch", "Could not save the screenshot to %1.").replace(
                "%1", args.screenshot), interactive=False)
            return 1
        return 0
    QTimer.singleShot(3000, _sweep_temp_in_background)  # long after the first paint
    start_viewer_sweep(window)
    code = app.exec()
    _second_backup_at_exit(ws)
    ws.close()
    _cleanup_temp()
    return code


def _second_backup_at_exit(ws: Any) -> None:
    """When due, copy a backup to the second folder (USB stick, other drive) as Yichao closes; if
    the stick is not in, say so and offer to try again once it is."""
    # staged start-up: loaded when this step comes (DESIGN.md section 8)
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog

    from yichao.app.core import USER_ERRORS, message_of, run_second_backup, second_backup_due

    if not second_backup_due(ws):
        return
    title = QCoreApplication.translate("Launch", "Second backup")
    while True:
        busy = QProgressDialog(QCoreApplication.translate("Launch", "Copying a backup to the second folder..."),
                               "", 0, 0)
        busy.setCancelButton(None)
        busy.setWindowTitle(title)
        busy.setWindowModality(Qt.WindowModality.ApplicationModal)
        busy.show()
        QApplication.processEvents()
        try:
            result = run_second_backup(ws)
        except USER_ERRORS as exc:
            busy.close()
            QMessageBox.warning(None, title, message_of(exc))
            return
        busy.close()
        if not result.absent:
            return
        again = QMessageBox.question(
            None, title, result.message + "\n\n" + QCoreApplication.translate(
                "Launch", "Plug the USB stick in and choose Retry, or Ignore to close without it."),
            QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Ignore, QMessageBox.StandardButton.Retry)
        if again != QMessageBox.StandardButton.Retry:
            return


def _sweep_temp_in_background() -> None:
    """Remove the temporary folders of runs that ended (attachment copies, print files)."""
    # staged start-up: loaded when this step comes (DESIGN.md section 8)
    import threading

    from yichao.app.core import sweep_stale_temp

    threading.Thread(target=sweep_stale_temp, name="sweep-temp", daemon=True).start()


def start_viewer_sweep(window: QObject) -> QTimer:
    """Every few minutes, remove the attachment copies (ID scans) that no viewer holds any more,
    instead of leaving them in %TEMP% until Yichao closes."""
    # staged start-up: loaded when this step comes (DESIGN.md section 8)
    from yichao.app.core import sweep_viewer_copies

    timer = QTimer(window)
    timer.setObjectName("viewer_sweep")
    timer.timeout.connect(lambda: sweep_viewer_copies())
    timer.start(VIEWER_SWEEP_MS)
    return timer


def _cleanup_temp() -> None:
    """This run's copies and print files go with it; what a viewer still holds, the next start takes."""
    # staged start-up: loaded when this step comes (DESIGN.md section 8)
    from yichao.app.core import cleanup_run_temp

    try:
        cleanup_run_temp()
    except OSError:
        log.warning("temporary folder not removed", exc_info=True)


def _writable(data_dir: Path) -> bool:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        return True
    except OSError:
        return False


def _is_initialized(data_dir: Path) -> bool:
    settings = Settings(data_dir) if data_dir.exists() else None
    if settings is not None and (settings.damaged or settings.get("database_url")):
        return True  # a damaged settings file is said when the folder opens, never taken for a new site
    return db_path(data_dir).exists()


def main() -> int:
    """The `yichao-gui` entry point (a windowed program on Windows)."""
    # staged start-up: loaded when this step comes (DESIGN.md section 8)
    from yichao.app.cli import main as cli_main

    return cli_main(sys.argv[1:] or ["gui"])
