#!/usr/bin/env bash
# The end-to-end tests drive three browser engines from Debian's packages
# (Playwright's own browser downloads can't reach their servers from here):
#   chromium            Chromium, driven by Playwright
#   firefox-esr         Firefox, driven by puppeteer-core over WebDriver BiDi
#   webkit2gtk-driver   WebKit: WebKitWebDriver and MiniBrowser (from libwebkit2gtk-4.1-0)
#   xvfb                the display MiniBrowser draws into (it has no headless mode)
#   openssl             the run's throwaway TLS certificate
# Installs whichever is missing, in one apt-get call.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
FIREFOX="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
MINIBROWSER=/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser

missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium fonts-liberation)
[ -x "$FIREFOX" ] || missing+=(firefox-esr)
{ command -v WebKitWebDriver >/dev/null && [ -x "$MINIBROWSER" ]; } || missing+=(webkit2gtk-driver)
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v openssl >/dev/null || missing+=(openssl)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

echo "Installing Debian packages for the browser tests: ${missing[*]}"
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
"$CHROMIUM" --version
"$FIREFOX" --version
# WebKitWebDriver has no --version: it prints its usage and exits 1.
command -v WebKitWebDriver
