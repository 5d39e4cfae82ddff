#!/usr/bin/env bash
# Builds Rihla's own Java runtime (jlink) and its app image or installer (jpackage), from the jar that
# `mvn -DskipTests package` made. Also run by `mvn -Pinstaller package` (type app-image, or -Dinstaller.type=deb).
#
#   installer/build.sh app-image   target/installer/Rihla/          any OS (here: Linux)
#   installer/build.sh deb         target/installer/rihla_*.deb     Linux (needs dpkg-deb and fakeroot)
#   installer/build.sh msi         target/installer/Rihla-*.msi     Windows, in Git Bash (needs WiX 3 on the PATH)
#   installer/build.sh dmg         target/installer/Rihla-*.dmg     macOS
set -euo pipefail
type=${1:-app-image}
cd "$(dirname "$0")/.."

case "$(uname -s)" in
  Linux) os=linux; icon=assets/icon/rihla-256.png ;;
  Darwin) os=macos; icon=assets/icon/rihla.icns ;;
  MINGW* | MSYS* | CYGWIN*) os=windows; icon=assets/icon/rihla.ico ;;
  *) echo "Unknown OS: $(uname -s)" >&2; exit 2 ;;
esac
# The JDK whose jlink, jpackage and runtime make the app: RIHLA_JLINK_JDK (a Temurin 25 for the ahead-of-time
# cache), else JAVA_HOME, else the java on the PATH. The app itself is compiled for Java 17 either way.
java_home=${RIHLA_JLINK_JDK:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}
version=$(sed -n '0,/<version>/s:.*<version>\([0-9.]*\).*</version>.*:\1:p' pom.xml)
out=target/installer
if [ ! -f target/rihla.jar ] || [ ! -d target/lib ]; then
  echo "Build the jar first: mvn -DskipTests package" >&2
  exit 1
fi

echo "== Java runtime (jlink)"
rm -rf "$out/runtime"
mkdir -p "$out"
"$java_home/bin/jlink" @installer/jlink.args --output "$out/runtime"
# The archive for heaps over 32 GB: never used by a desktop app, 11 MB less to install.
rm -f "$out"/runtime/lib/server/classes_nocoops.jsa "$out"/runtime/bin/server/classes_nocoops.jsa

major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$out/runtime/release")
# The start-up cache the launcher maps, and the options that keep its stderr clean. From JDK 25: an
# ahead-of-time cache (JEP 483/514: classes loaded and linked, method profiles), relocatable with the app;
# JavaFX's native libraries and its use of sun.misc.Unsafe allowed without warnings (JEP 472, JEP 471).
# Before: a class-data archive (AppCDS). Either way an unusable cache is ignored silently.
# The JIT compiles a method once it ran ten times as often as by default (-XX:CompileThresholdScaling): at
# start its compiler threads otherwise take most of a two-core laptop from the window (figures: README.md).
if [ "$major" -ge 25 ]; then
  cache=rihla.aot
  java_options="-XX:AOTCache=\$APPDIR/$cache -Xlog:aot=off -Xlog:cds=off --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
else
  cache=rihla.jsa
  java_options="-Xshare:auto -XX:SharedArchiveFile=\$APPDIR/$cache -Xlog:cds=off -Xlog:cds+dynamic=off"
fi
jit_options="-XX:CompileThresholdScaling=10"
java_options="$jit_options $java_options"

echo "== App image (jpackage), Java $major"
rm -rf "$out/input" "$out/Rihla" "$out/Rihla.app"
mkdir -p "$out/input/lib"
cp target/rihla.jar "$out/input/"
cp target/lib/*.jar "$out/input/lib/"
if [ "$os" = linux ]; then
  # JavaFX's native libraries beside its jars, where it looks first (NativeLibLoader: "../lib" from a jar's
  # folder on Linux). Otherwise it unpacks them from its jars into ~/.openjfx/cache at every start and compares
  # their MD5 sums: about 15 ms of CPU on the toolkit's start, and a write into the user's home folder.
  jar_tool="$(cd "$java_home/bin" && pwd)/jar"
  (cd "$out/input/lib" && for jar in javafx-*-linux.jar; do
    "$jar_tool" tf "$jar" | { grep '^lib[^/]*\.so$' || true; } | xargs -r "$jar_tool" xf "$jar"
  done)
fi
"$java_home/bin/jpackage" --type app-image @installer/jpackage.args @installer/jpackage-launcher.args \
  --java-options "$java_options" \
  --app-version "$version" --icon "$icon" --input "$out/input" --runtime-image "$out/runtime" --dest "$out"

image="$out/Rihla"
[ "$os" = macos ] && image="$out/Rihla.app"
case "$os" in
  linux) app="$image/lib/app"; java="$image/lib/runtime/bin/java" ;;
  macos) app="$image/Contents/app"; java="$image/Contents/runtime/Contents/Home/bin/java" ;;
  windows) app="$image/app"; java="$image/runtime/bin/java.exe" ;;
esac

if [ "$os" = linux ]; then
  # jpackage's Linux launcher asks rpm and dpkg which package owns it at every start (its LinuxPackage.c runs
  # `rpm -qf`, `dpkg -S`, then `dpkg -L rihla` when installed), about 150 ms before the JVM even starts. This
  # script starts the same JVM with the same options and class path (those of Rihla.cfg, which stays).
  cfg_options=$(sed -n 's:^java-options=::p' "$app/Rihla.cfg" | sed 's:\$APPDIR:$app:g; s:.*:"&":' | paste -sd ' ' -)
  cfg_classpath=$(sed -n 's:^app.classpath=::p' "$app/Rihla.cfg" | sed 's:\$APPDIR:$app:g' | paste -sd ':' -)
  main_class=$(sed -n 's:^app.mainclass=::p' "$app/Rihla.cfg")
  # `exec -a` keeps the process named Rihla, as jpackage's launcher did (GTK names the app's X11 group by it).
  cat > "$image/bin/Rihla" <<EOF
#!/bin/bash
# Starts Rihla with the runtime beside it (written by installer/build.sh in place of jpackage's launcher,
# which queries the package manager at every start). Options and class path as in lib/app/Rihla.cfg.
# Every program this script runs costs a start several ms: started by its own plain full path, it runs one
# (locale). Started through a link (to it, or to its bin folder), by a relative path or by a path with "//", "."
# or "..", it first asks readlink for its real path, as it always did before.
launcher=\$0
image=\${launcher%/*/*}
case "\$launcher" in
  [!/]* | *//* | */./* | */../*) image= ;;
  *) [ -L "\$launcher" ] && image= ;;
esac
if [ ! -x "\$image/lib/runtime/bin/java" ]; then
  launcher=\$(readlink -f "\$launcher")
  image=\${launcher%/*/*}
fi
app="\$image/lib/app"
# The JVM reads file names in the character set of the locale's LC_CTYPE: under one that is not UTF-8
# (LC_ALL=C, as in a bare ssh session or a cron job) it cannot even load its classes from a folder whose name has
# letters outside ASCII. File names are read as UTF-8 then; the language asked for (LC_MESSAGES) stays.
# A locale named but not installed (LANG=fr_FR.UTF-8 on a machine without it; locale says it cannot set it)
# leaves the JVM in C: C.UTF-8 then, also when LC_ALL=C hid it.
case "\$(locale charmap 2>&1)" in
  UTF-8) ;;
  *locale:*) export LC_ALL=C.UTF-8 ;;
  *)
    if [ -n "\${LC_ALL:-}" ]; then export LC_MESSAGES="\$LC_ALL"; unset LC_ALL; fi
    export LC_CTYPE=C.UTF-8
    if [ -n "\$(locale 2>&1 >/dev/null)" ]; then export LC_ALL=C.UTF-8; fi ;;
esac
exec -a "\$image/bin/Rihla" "\$image/lib/runtime/bin/java" $cfg_options -Djpackage.app-path="\$image/bin/Rihla" \\
  -cp "$cfg_classpath" $main_class "\$@"
EOF
  chmod 755 "$image/bin/Rihla"
fi

echo "== Start-up cache ($cache): a start of the window on a seeded store, trained and written at exit"
# The same class path as the launcher, in its order, so that the archive fits the launcher.
app_dir=$(cd "$app" && pwd)
separator=":"
[ "$os" = windows ] && separator=";"
classpath=$(sed -n 's:^app.classpath=\$APPDIR/::p' "$app/Rihla.cfg" | sed "s:^:$app_dir/:" | paste -sd "$separator" -)
training_home=$(mktemp -d)
display=()
if [ "$os" = linux ] && [ -z "${DISPLAY:-}" ]; then
  if command -v xvfb-run >/dev/null; then
    display=(xvfb-run -a)
  else
    display=(skip)
  fi
fi
if [ "${display[0]:-}" = skip ]; then
  echo "   no display and no xvfb-run: no archive (the app starts with the JDK's own archive only)"
else
  if [ "$major" -ge 25 ]; then
    # Trained with the launcher's JIT options: the method profiles it records (JEP 515) then ask for no more
    # compiling at start than the launcher does (same-run A/B, 21 starts each: 0.96x the time to the window).
    training=($jit_options -XX:AOTCacheOutput="$app_dir/$cache" -Xlog:aot=off -Xlog:cds=off
      --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
  else
    training=(-XX:ArchiveClassesAtExit="$app_dir/$cache" -Xlog:cds=off -Xlog:cds+dynamic=off)
  fi
  # Trained on a second start, like every start but the first: what only the first loads (migrations, seed
  # data) would otherwise be in the cache, mapped and linked at every start (installer/README.md). The folder is
  # as a delegate's after a first session, with its search index and a backup: what a start reads only without
  # them (the index itself, to check the store against it) stays out of the cache too.
  "${display[@]}" "$java" -Drihla.exitWhenReady=true -cp "$classpath" ma.etamkeen.rihla.Main \
    --db "$training_home" --lang ar >/dev/null
  "$java" -cp "$classpath" ma.etamkeen.rihla.Main --db "$training_home" search Bruxelles >/dev/null
  "$java" -cp "$classpath" ma.etamkeen.rihla.Main --db "$training_home" backup >/dev/null
  "${display[@]}" "$java" "${training[@]}" -Drihla.exitWhenReady=true -cp "$classpath" ma.etamkeen.rihla.Main \
    --db "$training_home" --lang ar
fi
rm -rf "$training_home"

if [ "$type" != app-image ]; then
  echo "== Installer: $type (jpackage)"
  # Before JDK 20 a class-data archive only fits the class path it was made with, and an installer puts
  # the app in another folder: it ships without the archive rather than with tens of MB it cannot use.
  if [ "$major" -lt 20 ] && [ -f "$app/rihla.jsa" ]; then
    mv "$app/rihla.jsa" "$out/rihla.jsa.aside"
  fi
  "$java_home/bin/jpackage" --type "$type" --app-image "$image" @installer/jpackage.args \
    @installer/jpackage-installer.args @installer/jpackage-$os.args --app-version "$version" --dest "$out"
  if [ -f "$out/rihla.jsa.aside" ]; then
    mv "$out/rihla.jsa.aside" "$app/rihla.jsa"
  fi
fi
du -sh "$image" "$out"/*."$type" 2>/dev/null || true
