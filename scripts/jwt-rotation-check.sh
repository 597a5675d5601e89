#!/usr/bin/env bash
# Checks the JWT signing-key rotation of docs/operations.md end to end against the packaged app (prod profile, the
# local PostgreSQL and Redis): four configurations in turn, each a fresh start on the same database, and the access
# tokens issued along the way sent to each. Nothing here changes the app; it proves what its configuration allows.
#   0  PEM key k1 (today's setup)                 -> token T0, no kid
#   1  sign: JWK k1 (kid k1); verify: JWKS {k1}    -> T0 still accepted (one key); T1 carries kid k1
#   2  sign: JWK k1;          verify: JWKS {k1,k2} -> T1 accepted; T0 refused (no kid, two keys) — why step 1 waits
#   3  sign: JWK k2 (kid k2); verify: JWKS {k1,k2} -> T1 and T2 accepted
#   4  sign: JWK k2;          verify: JWKS {k2}    -> T2 accepted, T1 refused
# Usage: scripts/jwt-rotation-check.sh  (ROT_PORT, ROT_DB, ROT_REDIS to override; needs openssl, python3 with
# the cryptography package, curl, psql tools and a built bootstrap/target/quarkus-app).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PORT=${ROT_PORT:-18510}
DB=${ROT_DB:-hexcore_jwt_rotation}
REDIS=${ROT_REDIS:-redis://127.0.0.1:6379/0}
JAR=$ROOT/bootstrap/target/quarkus-app/quarkus-run.jar
# shellcheck source=jdk.sh
source "$ROOT/scripts/jdk.sh"
select_jdk || exit 1
[[ -f "$JAR" ]] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 1; }

DIR=$(mktemp -d)
APP=""
cleanup() { [[ -n "$APP" ]] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null; rm -rf "$DIR"; }
trap cleanup EXIT

for k in k1 k2; do
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$DIR/$k.pem" 2>/dev/null
done
# JWKs: each private key with its kid (what the app signs with), and the public sets the app verifies against.
python3 - "$DIR" <<'PY'
import base64, json, sys
from cryptography.hazmat.primitives import serialization
d = sys.argv[1]
def b64(n):
    return base64.urlsafe_b64encode(n.to_bytes((n.bit_length() + 7) // 8, "big")).rstrip(b"=").decode()
public = {}
for kid in ("k1", "k2"):
    key = serialization.load_pem_private_key(open(f"{d}/{kid}.pem", "rb").read(), None)
    pn, n = key.public_key().public_numbers(), key.private_numbers()
    public[kid] = {"kty": "RSA", "kid": kid, "use": "sig", "alg": "RS256", "n": b64(pn.n), "e": b64(pn.e)}
    private = dict(public[kid], d=b64(n.d), p=b64(n.p), q=b64(n.q), dp=b64(n.dmp1), dq=b64(n.dmq1), qi=b64(n.iqmp))
    json.dump(private, open(f"{d}/{kid}.jwk", "w"))
for name, kids in (("jwks-k1", ["k1"]), ("jwks-k1-k2", ["k1", "k2"]), ("jwks-k2", ["k2"])):
    json.dump({"keys": [public[k] for k in kids]}, open(f"{d}/{name}.json", "w"))
PY
openssl pkey -in "$DIR/k1.pem" -pubout -out "$DIR/k1.pub"

dropdb -h 127.0.0.1 -U postgres --if-exists --force "$DB"
createdb -h 127.0.0.1 -U postgres "$DB"

start() {  # start <verify location> <sign location>
  env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_REDIS_HOSTS="$REDIS" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" HEXCORE_DATA_DIR="$DIR/data" \
    HEXCORE_BOOTSTRAP_ADMIN_USERNAME=rotation HEXCORE_BOOTSTRAP_ADMIN_PASSWORD=rotation-password-1 \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$1" SMALLRYE_JWT_SIGN_KEY_LOCATION="file:$2" \
    "$JAVA_HOME/bin/java" -Xmx256m -jar "$JAR" >"$DIR/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 120); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && return 0
    kill -0 "$APP" 2>/dev/null || break
    sleep 1
  done
  tail -n 20 "$DIR/app.log" >&2; echo "the app did not start" >&2; exit 1
}
stop() { kill "$APP"; wait "$APP" 2>/dev/null || true; APP=""; }
token() {
  curl -fsS -X POST -H 'Content-Type: application/json' -d '{"username":"rotation","password":"rotation-password-1"}' \
    "http://127.0.0.1:$PORT/api/v1/auth/login" | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}
kid() { python3 -c 'import base64, json, sys; h = sys.argv[1].split(".")[0]; print(json.loads(base64.urlsafe_b64decode(h + "=" * (-len(h) % 4))).get("kid", "none"))' "$1"; }
FAILED=0
expect() {  # expect <step> <token name> <token> <status>
  local got
  got=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $3" "http://127.0.0.1:$PORT/api/v1/auth/me")
  if [[ "$got" == "$4" ]]; then echo "  step $1: $2 (kid $(kid "$3")) -> $got, as expected"
  else echo "  step $1: $2 (kid $(kid "$3")) -> $got, expected $4"; FAILED=1; fi
}

echo "step 0: PEM k1";                                start "$DIR/k1.pub" "$DIR/k1.pem"; T0=$(token); expect 0 T0 "$T0" 200; stop
echo "step 1: sign JWK k1, verify {k1}";              start "$DIR/jwks-k1.json" "$DIR/k1.jwk"; T1=$(token)
expect 1 T0 "$T0" 200; expect 1 T1 "$T1" 200; stop
echo "step 2: sign JWK k1, verify {k1, k2}";          start "$DIR/jwks-k1-k2.json" "$DIR/k1.jwk"
expect 2 T1 "$T1" 200; expect 2 T0 "$T0" 401; stop
echo "step 3: sign JWK k2, verify {k1, k2}";          start "$DIR/jwks-k1-k2.json" "$DIR/k2.jwk"; T2=$(token)
expect 3 T1 "$T1" 200; expect 3 T2 "$T2" 200; stop
echo "step 4: sign JWK k2, verify {k2}";              start "$DIR/jwks-k2.json" "$DIR/k2.jwk"
expect 4 T2 "$T2" 200; expect 4 T1 "$T1" 401; stop
dropdb -h 127.0.0.1 -U postgres --if-exists --force "$DB"
if (( FAILED )); then echo "JWT rotation check FAILED"; exit 1; fi
echo "JWT rotation check passed"
