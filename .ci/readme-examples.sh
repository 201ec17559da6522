#!/usr/bin/env bash
# Runs every command in the README's code blocks as a reader would type it, and checks it.
#
#   ```sh blocks      each line is a command (a trailing "# ..." is a shell comment); it must exit 0.
#   ``` blocks        "$ COMMAND" lines are commands, and the lines after each, up to the next "$ ",
#                     what it prints on a terminal. Each command runs on a terminal (script(1))
#                     with NO_COLOR=1, and what it prints must match what is shown: every run of
#                     shown lines between "..." lines appears in the output, in order and each run
#                     on consecutive lines; shown output that does not start (end) with "..." starts
#                     (ends) where the output does. "$ echo $?" and a number after a command is the
#                     exit code it must end with (0 when not shown).
#   ```swift blocks   library code, not commands: not run here.
#
# Commands run in the repository root (the README's paths are relative to it), with HOME a
# scratch directory (so ~/.local starts empty) and $HOME/.local/bin first on the PATH, as a
# reader's shell after `make install PREFIX=~/.local`. "swift test" is not run again (.ci/run has
# just run it). A make command gets CONFIGURATION=debug, which installs the debug build CI has
# already made instead of spending minutes on a release build (README_EXAMPLES_RELEASE=1 builds
# the release, as the README says). Files the commands leave in the repository are removed; an
# example that changes a tracked file is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export PATH="/opt/swift/usr/bin:$PATH"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home"
untracked_before=$(git ls-files --others --exclude-standard)
tracked_before=$(git diff --stat)

failures=0
commands=0
fail() {
    echo "README.md:$1: $2" >&2
    failures=$((failures + 1))
}

# run LINE COMMAND EXPECTED_STATUS [SHOWN]: runs COMMAND on a terminal and checks it.
run() {
    local number=$1 command=$2 expected=$3 shown=${4-} actual status
    case $command in
        "swift test"*)
            echo "  skip  $command   (the tests have just run)"
            return 0 ;;
        make\ *)
            [[ ${README_EXAMPLES_RELEASE-} == 1 ]] || command="make CONFIGURATION=debug ${command#make }" ;;
    esac
    commands=$((commands + 1))
    echo "  run   $command"
    set +e
    actual=$(cd "$root" && HOME="$scratch/home" PATH="$scratch/home/.local/bin:$PATH" SHELL=/bin/bash NO_COLOR=1 TERM=xterm \
        MANPAGER=cat PAGER=cat MANWIDTH=80 script -qec "$command" /dev/null </dev/null 2>&1)
    status=$?
    set -e
    actual=${actual//$'\r'/}
    if [[ $status != "$expected" ]]; then
        fail "$number" "\`$command\` exited $status, not $expected"
        printf '%s\n' "$actual" | head -20 >&2
        return 0
    fi
    [[ -n $shown ]] || return 0
    if ! matches "$shown" "$actual"; then
        fail "$number" "\`$command\` printed what the README does not show"
        diff <(printf '%s\n' "$shown") <(printf '%s\n' "$actual") | head -30 >&2 || true
    fi
}

# matches SHOWN ACTUAL: whether the output matches what the README shows (see above), trailing
# blanks aside.
matches() {
    local -a shown actual
    mapfile -t shown < <(printf '%s\n' "$1" | sed 's/[[:space:]]*$//')
    mapfile -t actual < <(printf '%s\n' "$2" | sed 's/[[:space:]]*$//')
    while ((${#actual[@]})) && [[ -z ${actual[-1]} ]]; do unset 'actual[-1]'; done
    while ((${#shown[@]})) && [[ -z ${shown[-1]} ]]; do unset 'shown[-1]'; done
    local position=0 k=0 anchored=1 run_start found j
    while ((k < ${#shown[@]})); do
        if [[ ${shown[k]} == ... ]]; then
            anchored=0
            k=$((k + 1))
            continue
        fi
        run_start=$k
        while ((k < ${#shown[@]})) && [[ ${shown[k]} != ... ]]; do k=$((k + 1)); done
        # The run shown[run_start..k-1] must appear at or after position (at it when anchored).
        found=-1
        for ((j = position; j + k - run_start <= ${#actual[@]}; j++)); do
            local same=1 m
            for ((m = 0; m < k - run_start; m++)); do
                [[ ${actual[j + m]} == "${shown[run_start + m]}" ]] || { same=0; break; }
            done
            if ((same)); then found=$j; break; fi
            ((anchored)) && break
        done
        ((found >= 0)) || return 1
        position=$((found + k - run_start))
        anchored=1
    done
    # Shown output that does not end with "..." ends where the output does.
    [[ ${#shown[@]} -gt 0 && ${shown[-1]} == ... ]] || ((position == ${#actual[@]}))
}

# Read the README: blocks, their kind, their commands and what each shows.
kind="" number=0 pending="" pending_line=0 pending_shown="" pending_status=0 expect_status=0
flush() {
    if [[ -n $pending ]]; then run "$pending_line" "$pending" "$pending_status" "$pending_shown"; fi
    pending="" pending_shown="" pending_status=0
}
while IFS= read -r line || [[ -n $line ]]; do
    number=$((number + 1))
    if [[ -z $kind && $line == '```'* ]]; then
        kind=${line#'```'}
        kind=${kind:-output}
        continue
    fi
    if [[ -n $kind && $line == '```' ]]; then
        flush
        kind=""
        continue
    fi
    case $kind in
        sh)
            [[ -n ${line// /} ]] && run "$number" "$line" 0 ;;
        output)
            if ((expect_status)); then
                pending_status=$line
                expect_status=0
            elif [[ $line == '$ echo $?' ]]; then
                expect_status=1
            elif [[ $line == '$ '* ]]; then
                flush
                pending=${line#'$ '} pending_line=$number
            elif [[ -n $pending ]]; then
                pending_shown+=${pending_shown:+$'\n'}$line
            fi ;;
    esac
done <README.md

# Leave the repository as it was.
while IFS= read -r file; do
    [[ -n $file ]] || continue
    grep -qxF "$file" <<<"$untracked_before" || rm -f -- "$file"
done < <(git ls-files --others --exclude-standard)
if [[ $(git diff --stat) != "$tracked_before" ]]; then
    fail 0 "the examples changed tracked files:"
    git diff --stat >&2
fi

echo "README examples: $commands run, $failures failed"
((failures == 0))
