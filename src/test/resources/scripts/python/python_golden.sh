#!/usr/bin/env bash
# The `# expect:` lines of these scripts are what CPython prints for the same file: this
# re-checks them against /usr/bin/python3 (3.11 was used). Not run by the test suite (it
# needs Python); run it after editing one of the files. statements.tdsl differs on purpose
# in one line (b"bytes" prints as bytes: tdsl has no bytes type, see docs/CHOICES.md).
set -u
cd "$(dirname "$0")"
status=0
for f in indentation.tdsl exceptions.tdsl functions.tdsl comprehensions.tdsl statements.tdsl; do
  expected=$(sed -n 's/^# expect: \{0,1\}//p' "$f")
  actual=$(python3 "$f" 2>&1 | sed "s/^b'bytes'/bytes/; s/ b'bytes' / bytes /")
  if [ "$expected" != "$actual" ]; then
    echo "differs from python3: $f"
    diff <(echo "$expected") <(echo "$actual")
    status=1
  fi
done
exit $status
