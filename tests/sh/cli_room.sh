#!/bin/sh
# CLI golden tests for running the room (issue 10): `kollen edit` for the session's own records,
# `kollen set` with --dissent, --agreed, --park and --unpark, `kollen check --json --answers`,
# and `kollen follow`'s refusals. Bad input is refused with a message and the file is left
# byte for byte as it was. KOLLEN_UPDATE_GOLDEN=1 rewrites the golden files.
. tests/lib.sh

G=tests/golden/cli
LAYER=cli-room
private_tmp cliroom
export SOURCE_DATE_EPOCH=1764316800 # 2025-11-28T08:00:00Z
K() { "$KOLLEN" --questions tests/fixtures/good "$@"; }

S="$T/s.ini"
K new "$S" --org "Rum kommun" --group kommun --bank mini --participant "Bo Berg: CISO" >/dev/null

# --- kollen edit ---
golden room-edit 0 K edit "$S" --org "Nya Rum kommun" --facilitator "Anna Ö" --date 2025-11-27 \
    --participant "Cia: IT-chef" --participant "Dan" --participant "Bo Berg: Säkerhetschef" \
    --period 2023-11-27..2025-11-26 --summary "Gruppen var överens; två frågor parkerades.
Nästa möte i januari." --management-seen 2025-12-10 --agenda 90 --agenda alfa=30
golden room-edit-file 0 cat "$S"
golden room-edit-nothing 0 K edit "$S" --org "Nya Rum kommun"
golden room-edit-remove 0 K edit "$S" --remove-participant Dan
golden room-edit-none 1 K edit "$S"
unchanged "edit bad period" 2 "$S" K edit "$S" --org Ny --period 2025-01-01..2024-01-01
unchanged "edit half a period" 2 "$S" K edit "$S" --period 2025-01-01
unchanged "edit bad date" 2 "$S" K edit "$S" --date 2025-02-30
unchanged "edit empty organisation" 2 "$S" K edit "$S" --org "  "
unchanged "edit unknown participant" 2 "$S" K edit "$S" --remove-participant Örjan
unchanged "edit unknown area" 2 "$S" K edit "$S" --agenda gamma=10
unchanged "edit minutes past the limit" 2 "$S" K edit "$S" --agenda alfa=1441
unchanged "edit over-long facilitator" 2 "$S" K edit "$S" --facilitator "$(head -c 201 /dev/zero | tr '\0' f)"
unchanged "edit over-long summary" 2 "$S" K edit "$S" --summary "$(head -c 65537 /dev/zero | tr '\0' s)"
golden room-edit-unknown-area 2 K edit "$S" --agenda gamma=10
# at the limits: a 64 KiB summary and 1440 minutes are kept
K edit "$S" --summary "$(head -c 65536 /dev/zero | tr '\0' s)" --agenda 1440 >/dev/null 2>&1
got=$(K check "$S" --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["summary"]), d["minutes"], sum(a["minutes"] for a in d["agenda"]))' 2>&1)
expect_eq "cli-room: edit at the limits round-trips" "65536 1440 1440" "$got"
K edit "$S" --summary "Gruppen var överens; två frågor parkerades." --agenda 90 --agenda alfa=30 >/dev/null

# --- kollen set: agreed, dissent, parking ---
golden room-set-decide 0 K set "$S" 2 3 --agreed --dissent "IT-chefen: Rutinen följs inte" \
    --dissent "Bo Berg: Bara på pappret" --park "Fråga IT-chefen"
golden room-set-park-only 0 K set "$S" 3 --park
golden room-set-unpark 0 K set "$S" 3 --unpark
golden room-set-park-both 1 K set "$S" 3 --park --unpark
unchanged "set dissent without a colon" 2 "$S" K set "$S" 1 all --dissent "IT-chefen håller inte med"
unchanged "set dissent with an empty view" 2 "$S" K set "$S" 1 all --dissent "IT-chefen:  "
unchanged "set over-long park reason" 2 "$S" K set "$S" 1 all --park "$(head -c 301 /dev/zero | tr '\0' r)"
golden room-set-missing-answer 1 K set "$S" 1
golden room-check-answers 0 K check "$S" --json --answers
golden room-check-answers-no-json 1 K check "$S" --answers
# the report shows what the room decided beside the answer, in Markdown and HTML
for f in md html; do
    K report "$S" --format $f -o "$T/r.$f" >/dev/null 2>&1
    for want in "IT-chefen: Rutinen följs inte" "Bo Berg: Bara på pappret" "Fråga IT-chefen" \
        "Gruppen är överens om svaret"; do
        if grep -qF "$want" "$T/r.$f"; then
            pass "cli-room: report $f shows \"$want\""
        else
            fail "cli-room: report $f shows \"$want\"" "not in the report"
        fi
    done
done

# the 20th dissent entry is kept, the 21st refused
i=0
while [ $i -lt 19 ]; do
    K set "$S" 4 --dissent "P$i: synpunkt $i" --quiet || break
    i=$((i + 1))
done
n=$(K check "$S" --json --answers | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["answers"][3]["dissent"]))')
expect_eq "cli-room: 19 dissent entries recorded one at a time" 19 "$n"
K set "$S" 4 --dissent "P19: den tjugonde" --quiet
unchanged "set the 21st dissent entry" 2 "$S" K set "$S" 4 --dissent "P20: en för mycket"

# --- kollen follow and --theme ---
golden room-follow-missing 2 K follow "$T/nosuch.ini"
golden room-follow-no-terminal 1 K follow "$S"
golden room-follow-bad-view 1 K follow "$S" --view sidan
golden room-open-no-terminal 1 K "$S" --theme kontrast
exit 0
