# Sourced by scripts/setup.sh and scripts/screen-reader.sh: installs Debian packages quietly,
# through sudo when not root.
apt_install() {
  local SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}
