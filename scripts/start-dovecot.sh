#!/usr/bin/env bash
# Starts a throw-away Dovecot for the tests, on 127.0.0.1 only; prints the master pid.
# Usage: IMAP_PORT=10143 IMAPS_PORT=10993 scripts/start-dovecot.sh DIR
# Any user logs in with the password "testpass" (static passdb); mail lives in DIR/home/<user>/Maildir.
# Based on the set-up verified in shared/docs/DOVECOT.md (root needs the dovecot/dovenull users).
set -eu
D=$(mkdir -p "$1" && cd "$1" && pwd)
IMAP_PORT=${IMAP_PORT:-10143}; IMAPS_PORT=${IMAPS_PORT:-0}
if [ "$(id -u)" = 0 ]; then
  U=dovecot; G=dovecot; LOGIN_U=dovenull; UID_=$(id -u dovecot); GID_=$(id -g dovecot)
else
  U=$(id -un); G=$(id -gn); LOGIN_U=$U; UID_=$(id -u); GID_=$(id -g)
fi
mkdir -p "$D/run" "$D/state" "$D/home"
if [ "$(id -u)" = 0 ]; then
  chown "$UID_:$GID_" "$D/home"
  p=$D; while [ "$p" != / ]; do chmod o+x "$p"; p=$(dirname "$p"); done
fi
SSL="ssl = no"
if [ "$IMAPS_PORT" != 0 ]; then
  [ -f "$D/cert.pem" ] || openssl req -x509 -newkey rsa:2048 -nodes -days 2 \
      -subj /CN=localhost -keyout "$D/key.pem" -out "$D/cert.pem" 2>/dev/null
  SSL="ssl = yes
ssl_cert = <$D/cert.pem
ssl_key = <$D/key.pem"
fi
cat > "$D/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $D/run
state_dir = $D/state
instance_name = dovecot-test-$UID_-$IMAP_PORT
log_path = $D/dovecot.log
$SSL
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = $U
default_internal_group = $G
default_login_user = $LOGIN_U
first_valid_uid = $UID_
passdb {
  driver = static
  args = password=testpass
}
userdb {
  driver = static
  args = uid=$UID_ gid=$GID_ home=$D/home/%u
}
mail_location = maildir:~/Maildir
service anvil {
  chroot =
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $IMAPS_PORT
  }
}
CONF
dovecot -c "$D/dovecot.conf" </dev/null >>"$D/dovecot.stderr" 2>&1
i=0; while ! (exec 3<>"/dev/tcp/127.0.0.1/$IMAP_PORT") 2>/dev/null; do i=$((i+1)); [ $i -gt 100 ] && { echo "dovecot did not start, see $D/dovecot.log" >&2; exit 1; }; sleep 0.1; done
# Under load the listener can answer before the master has written its pid file.
i=0; while [ ! -s "$D/run/master.pid" ]; do i=$((i+1)); [ $i -gt 100 ] && { echo "dovecot wrote no pid file, see $D/dovecot.log" >&2; exit 1; }; sleep 0.1; done
cat "$D/run/master.pid"
