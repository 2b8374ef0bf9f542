#!/usr/bin/env bash
# Installs the system packages Legend Present needs to build and test, on Debian or
# Ubuntu, as root or with sudo. Does nothing when they are all there already.
set -euo pipefail

packages=(
    build-essential     # a C compiler and linker for crates with C parts
    pkg-config
    mesa-vulkan-drivers # lavapipe: Vulkan on the CPU, for machines without a GPU (and CI)
    libvulkan1          # the Vulkan loader
    libx11-6            # the window on X11 (and XWayland)
    libxcursor1
    libxi6
    libxrandr2
    libxkbcommon-x11-0
    ffmpeg              # legend export encodes videos with it (the tests probe them with ffprobe)
    xvfb                # legend bench times start-up in a window: a private X server when there is no display
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$package")
done

if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
    echo "setup: cargo not found; install Rust 1.95 or newer (https://rustup.rs)" >&2
    exit 1
fi
