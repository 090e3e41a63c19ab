#!/bin/sh
# PMO Workbook @VERSION@ for the current user: no root, nothing outside your home folder.
#
#   ./install.sh              install (or update) into ~/.local
#   ./install.sh --uninstall  remove what install.sh put there; your workbooks, settings
#                             and recovery copies stay (the folders are printed)
#
# Where things go: the app in ~/.local/lib/pmo-workbook, a command in ~/.local/bin, the menu
# entry, the icons and the .pmowb file type in ${XDG_DATA_HOME:-~/.local/share}.
set -eu

APP=pmo-workbook
MIME_ICON=application-x-pmo-workbook
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
LIB=$HOME/.local/lib/$APP
BIN=$HOME/.local/bin
HERE=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)

say() { printf '%s\n' "$*"; }

# The desktop's caches; each tool is optional (a minimal system may lack them).
refresh() {
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$DATA/mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$DATA/applications" >/dev/null 2>&1 || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t -f "$DATA/icons/hicolor" >/dev/null 2>&1 || true
    fi
}

uninstall() {
    rm -rf "$LIB"
    # Only our own link: a pmo-workbook command from elsewhere (pip) is left alone.
    if [ -L "$BIN/$APP" ] && [ "$(readlink "$BIN/$APP")" = "$LIB/$APP" ]; then
        rm -f "$BIN/$APP"
    fi
    rm -f "$DATA/applications/$APP.desktop" "$DATA/mime/packages/$APP.xml"
    for dir in "$DATA"/icons/hicolor/*; do
        rm -f "$dir/apps/$APP.png" "$dir/apps/$APP.svg" \
              "$dir/mimetypes/$MIME_ICON.png" "$dir/mimetypes/$MIME_ICON.svg"
    done
    refresh
    say "PMO Workbook is removed."
    say "Kept: your workbooks; settings in ${XDG_CONFIG_HOME:-$HOME/.config}/$APP;"
    say "recovery copies in ${XDG_STATE_HOME:-$HOME/.local/state}/$APP. Delete those folders"
    say "too if you want nothing left."
}

install() {
    if [ ! -x "$HERE/$APP/$APP" ]; then
        say "install.sh: $HERE/$APP/$APP is missing; run install.sh from the unpacked archive." >&2
        exit 2
    fi
    mkdir -p "$HOME/.local/lib" "$BIN" "$DATA/applications" "$DATA/mime/packages"
    # Copy next to the old version, then swap: a failed copy leaves the old one working.
    rm -rf "$LIB.new"
    cp -R "$HERE/$APP" "$LIB.new"
    cp "$HERE/install.sh" "$LIB.new/install.sh"
    rm -rf "$LIB"
    mv "$LIB.new" "$LIB"
    ln -sfn "$LIB/$APP" "$BIN/$APP"

    sed -e "s|^Exec=.*|Exec=\"$LIB/$APP\" %f|" -e "s|^TryExec=.*|TryExec=$LIB/$APP|" \
        "$HERE/share/applications/$APP.desktop" > "$DATA/applications/$APP.desktop"
    cp "$HERE/share/mime/packages/$APP.xml" "$DATA/mime/packages/$APP.xml"
    for dir in "$HERE"/share/icons/hicolor/*; do
        size=$(basename "$dir")
        mkdir -p "$DATA/icons/hicolor/$size/apps" "$DATA/icons/hicolor/$size/mimetypes"
        for icon in "$dir"/apps/$APP.*; do
            ext=${icon##*.}
            cp "$icon" "$DATA/icons/hicolor/$size/apps/$APP.$ext"
            cp "$icon" "$DATA/icons/hicolor/$size/mimetypes/$MIME_ICON.$ext"
        done
    done
    refresh
    if command -v xdg-mime >/dev/null 2>&1; then
        xdg-mime default "$APP.desktop" application/x-pmo-workbook >/dev/null 2>&1 || true
    fi

    say "PMO Workbook @VERSION@ is installed in $LIB."
    say "Start it from the applications menu, by opening a .pmowb file, or with $BIN/$APP."
    case ":$PATH:" in
        *":$BIN:"*) ;;
        *) say "($BIN is not on your PATH: the menu entry works anyway.)" ;;
    esac
    say "To remove it: $LIB/install.sh --uninstall"
}

case "${1:-}" in
    --uninstall) uninstall ;;
    "") install ;;
    *) say "usage: install.sh [--uninstall]" >&2; exit 2 ;;
esac
