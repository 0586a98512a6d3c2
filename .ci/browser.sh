#!/usr/bin/env bash
# Headless Chromium for the browser tests (tests/test_web_browser.py): Debian's chromium and
# chromium-driver, installed only when missing. Silent when they are there already; safe to run or
# to source (from .ci/run) more than once. Apt's output is shown only if the install fails.
if ! { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; }; then
  _browser_sudo=""
  [ "$(id -u)" -eq 0 ] || _browser_sudo=sudo
  _browser_log=$(mktemp "${TMPDIR:-/tmp}/legation-browser.XXXXXX")
  echo "installing Debian's chromium and chromium-driver for the browser tests"
  if ! { $_browser_sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q \
         && $_browser_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver; } \
       >"$_browser_log" 2>&1; then
    cat "$_browser_log" >&2
    rm -f "$_browser_log"
    echo "could not install chromium and chromium-driver (see apt's output above)" >&2
    false
  fi
  rm -f "$_browser_log"
  unset _browser_sudo _browser_log
fi
