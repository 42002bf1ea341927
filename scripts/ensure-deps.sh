#!/bin/sh
# ensure-deps.sh — installs the Debian packages migstat needs when they are
# missing (as root), or says exactly what to install and exits 3 (the
# "missing dependency" exit code) when not root.
#   scripts/ensure-deps.sh            build and run dependencies
#   scripts/ensure-deps.sh --test     also the test dependencies (Criterion, Chromium
#                                     for the browser test) and locales
#   scripts/ensure-deps.sh --fuzz     also clang (libFuzzer) for make fuzz
set -eu

packages="build-essential cmake pkg-config libgsl-dev libcjson-dev gnuplot-nox libstemmer-dev libutf8proc-dev"
locales_needed=""
if [ "${1:-}" = "--test" ]; then
    packages="$packages libcriterion-dev locales parallel valgrind chromium"
    locales_needed="ru_RU.UTF-8 de_DE.UTF-8"
fi
if [ "${1:-}" = "--fuzz" ]; then
    packages="$packages clang"   # libFuzzer comes with clang
fi

missing=""
for p in $packages; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

am_root() { [ "$(id -u)" = 0 ]; }

if [ -n "$missing" ]; then
    if am_root; then
        echo "migstat: installing:$missing" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        # shellcheck disable=SC2086
        apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
        echo "migstat: missing Debian packages:$missing" >&2
        echo "migstat: install them with: sudo apt-get install$missing" >&2
        exit 3
    fi
fi

# Locales for the locale-independence tests (the tests fail, not skip,
# without them).
for loc in $locales_needed; do
    norm=$(echo "$loc" | sed 's/UTF-8/utf8/')
    if ! locale -a 2>/dev/null | grep -qx "$norm"; then
        if am_root; then
            sed -i "s/^# *\($loc UTF-8\)/\1/" /etc/locale.gen
            grep -q "^$loc UTF-8" /etc/locale.gen || echo "$loc UTF-8" >> /etc/locale.gen
            locale-gen >/dev/null
        else
            echo "migstat: locale $loc is not installed; as root: add '$loc UTF-8' to /etc/locale.gen and run locale-gen" >&2
            exit 3
        fi
    fi
done
