#!/usr/bin/env bats
# completion/reviewkit.bash: bash completion of the five tools.

setup() {
	load helper
	cd "$BATS_TEST_TMPDIR" || exit 1
	unset REVIEWKIT_SCHEME
	# shellcheck source=../completion/reviewkit.bash
	. "$BATS_TEST_DIRNAME/../completion/reviewkit.bash"
}

# completes LINE WORD... : completes at the end of LINE, whose words are
# WORD... as bash splits them (it also breaks at '=' and ':'); prints the
# replies one a line.
completes() {
	COMP_LINE=$1
	COMP_POINT=${#1}
	shift
	COMP_WORDS=("$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_reviewkit "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" \
	    "${COMP_WORDS[COMP_CWORD - 1]}"
	if ((${#COMPREPLY[@]} > 0)); then
		printf '%s\n' "${COMPREPLY[@]}"
	fi
}

@test "completion: the script registers all five tools" {
	expect 0 "complete -F _reviewkit rsplit
complete -F _reviewkit rfilter
complete -F _reviewkit rcount
complete -F _reviewkit rtags
complete -F _reviewkit ragree" '' \
	    complete -p rsplit rfilter rcount rtags ragree
}

@test "completion: options come from --help" {
	expect 0 "--strict
--scheme" '' completes "rsplit --s" rsplit --s
	expect 0 "--layers
--all
--names
--check
--list
--scheme
--no-header
--help
--version" '' completes "rtags --" rtags --
	expect 0 "$(printf -- '%s\n' -k --keep-polarity -p --percent -t --total -x --crosstab -b --bar -d --distinct -w --weight -s --sort -N --no-header --scheme -h --help -V --version)" '' completes "rcount -" rcount -
}

@test "completion: scheme names and files for --scheme, also as --scheme=S" {
	touch argu-like.tsv
	expect 0 "argu
argu-like.tsv" '' completes "rtags --scheme a" rtags --scheme a
	expect 0 "pra" '' completes "rcount --scheme=p" rcount --scheme = p
}

@test "completion: rtags -l: the layers of the scheme in effect, comma lists" {
	expect 0 "section
aspect
function
severity" '' completes "rtags -l " rtags -l ""
	expect 0 "section,aspect" '' completes "rtags -l section,a" rtags -l section,a
	expect 0 "clarity
constructiveness
consistency" '' completes "rtags --scheme argu -l c" rtags --scheme argu -l c
	REVIEWKIT_SCHEME=argu expect 0 "engagement
ethics" '' completes "rtags --layers=e" rtags --layers = e
}

@test "completion: rcount -s: count or key" {
	expect 0 "count
key" '' completes "rcount -s " rcount -s ""
}

@test "completion: field names: the header of a file on the line, else rsplit's columns" {
	printf 'id\tscore\tsection\n1\t2\tMET-NEG\n' > my.tsv
	expect 0 "sentence
section
severity" '' completes "rcount s" rcount s
	COMP_LINE="rcount s my.tsv" COMP_POINT=8 COMP_WORDS=(rcount s my.tsv) COMP_CWORD=1
	_reviewkit rcount s rcount
	assert_equal "${COMPREPLY[*]}" "score section"
	expect 0 "score
section" '' completes "rcount -d i my.tsv section -w s" rcount -d i my.tsv section -w s
	expect 0 "section,sentence
section,section
section,severity" '' completes "rcount section,s" rcount section,s
	expect 0 "my.tsv" '' completes "rcount section my.tsv m" rcount section my.tsv m
}

@test "completion: rfilter: a field and =, then the codes of its layer" {
	expect 0 "severity=" '' completes "rfilter sev" rfilter sev
	expect 0 "MAJ
MIN" '' completes "rfilter severity=M" rfilter severity = M
	expect 0 "EMP,CMP
EMP,CLA
EMP,CNT" '' completes "rfilter aspect!=EMP,C" rfilter aspect! = EMP,C
	expect 0 "novelty=" '' completes "rfilter --scheme argu -e nov" rfilter --scheme argu -e nov
	expect 0 "NOV" '' completes "rfilter --scheme argu novelty=N" rfilter --scheme argu novelty = N
	expect 0 "" '' completes "rfilter text=I" rfilter text = I
}

@test "completion: rsplit and rtags operands are files" {
	touch r1.txt r2.txt
	# The files come in the directory's order, so stdout is checked sorted.
	expect 0 @any '' completes "rsplit -q r" rsplit -q r
	assert_equal "$(sort <<< "$output")" "r1.txt
r2.txt"
}

@test "completion: ragree, from its --help: -u fields, -x a layer, -l layers" {
	mkdir fake
	cat > fake/ragree <<-'EOS'
	#!/bin/sh
	cat <<'EOH'
	usage: ragree [-ikN] [-l LAYERS] [-u FIELDS] [-n NAMES] [--pairs] [-x LAYER] FILE FILE...
	  -i, --items          one row per layer and key
	  -l, --layers LAYERS  the layers to compare
	  -u, --units FIELDS   the fields that match units
	  -n, --names NAMES    the raters' names
	      --pairs          one row per pair of raters
	  -x, --confusion LAYER  the confusion table of LAYER
	EOH
	EOS
	chmod +x fake/ragree
	PATH=$PWD/fake:$PATH
	expect 0 "--pairs" '' completes "ragree --p" ragree --p
	expect 0 "review,sentence
review,section
review,severity" '' completes "ragree -u review,s" ragree -u review,s
	expect 0 "section
severity" '' completes "ragree -x s" ragree -x s
	expect 0 "" '' completes "ragree -n h" ragree -n h
}

@test "completion: make install puts it under share/bash-completion/completions" {
	cd "$BATS_TEST_DIRNAME/.."
	expect 0 "" "" make -s -o all install BIN="$RK_BIN" DESTDIR="$BATS_TEST_TMPDIR/d" PREFIX=/usr
	cd "$BATS_TEST_TMPDIR/d/usr/share/bash-completion/completions"
	expect 0 "ragree
rcount
rfilter
rsplit
rtags" "" ls
	assert_equal "$(readlink rfilter)" "rsplit"
	cmp rsplit "$BATS_TEST_DIRNAME/../completion/reviewkit.bash"
}

@test "completion: the real ragree: --confusion a layer, --units fields" {
	expect 0 "clarity
constructiveness
consistency" '' completes "ragree --scheme argu --confusion=c" ragree --scheme argu --confusion = c
	expect 0 "review,text" '' completes "ragree -u review,t" ragree -u review,t
}
