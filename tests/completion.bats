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

# Files and a header whose names would run code, split or glob if the
# completion evaluated them; ran* files appear only if something ran.
hostile_files() {
	printf '%s\t%s\t%s\t%s\t%s\n' '$(touch ran1)' '`touch ran2`' 'a b' \
	    '*' "it's" > h.tsv
	touch -- '$(touch ran3).txt' '`touch ran4`.txt' 'a b.txt' '*.txt' \
	    $'new\nline.txt' $'\e[31mred.txt' '-q.txt'
	mkdir 'my dir'
}

no_code_ran() {
	run ls ran1 ran2 ran3 ran4 ran5 ran6
	assert_equal "$status" 2
}

# The replies read back, as shell words, to the names: each reply is
# parsed by the shell (eval of what the completion wrote, never of data).
reads_back() {
	local want=$1 r got=
	shift
	for r; do
		eval "got+=\$(printf '%s|' $r)"
	done
	assert_equal "$got" "$want"
}

@test "completion: a header's fields are words, never code, for rcount, rfilter and ragree" {
	hostile_files
	COMP_LINE="rcount  h.tsv" COMP_POINT=7
	_reviewkit rcount
	assert_equal "$(printf '%s\n' "${COMPREPLY[@]}")" '\$\(touch\ ran1\)
\`touch\ ran2\`
a\ b
\*
it\'"'"'s'
	reads_back '$(touch ran1)|`touch ran2`|a b|*|'"it's|" "${COMPREPLY[@]}"
	COMP_LINE="rcount -d \\\$ h.tsv" COMP_POINT=12
	_reviewkit rcount
	assert_equal "${COMPREPLY[*]}" '\$\(touch\ ran1\)'
	COMP_LINE="rcount 'a b',\\\` h.tsv" COMP_POINT=15
	_reviewkit rcount
	assert_equal "${COMPREPLY[*]}" 'a\ b,\`touch\ ran2\`'
	reads_back 'a b,`touch ran2`|' "${COMPREPLY[@]}"
	COMP_LINE="rfilter \\\$ h.tsv" COMP_POINT=10
	_reviewkit rfilter
	assert_equal "$(printf '%s\n' "${COMPREPLY[@]}")" '\$\(touch\ ran1\)=
\$\(touch\ ran3\).txt'
	COMP_LINE="ragree -u review,  h.tsv h.tsv" COMP_POINT=17
	_reviewkit ragree
	assert_equal "${#COMPREPLY[@]}" 5
	assert_equal "${COMPREPLY[1]}" 'review,\`touch\ ran2\`'
	no_code_ran
}

@test "completion: a scheme file's codes are words, never code, for every tool" {
	printf 'layer\tcode\tname\tdescription\tpolarity\n' > s.tsv
	printf 'sev\t%s\tN\tD\tno\n' '$(touch ran1)' '`touch ran2`' 'a b' '*' \
	    >> s.tsv
	run completes "rfilter --scheme s.tsv sev=" rfilter --scheme s.tsv sev = ""
	assert_equal "$output" '\$\(touch\ ran1\)
\`touch\ ran2\`
a\ b
\*'
	run completes "rfilter --scheme=s.tsv sev=\\\`" rfilter --scheme = s.tsv \
	    sev = '\`'
	assert_equal "$output" '\`touch\ ran2\`'
	run completes "rtags --scheme s.tsv -l " rtags --scheme s.tsv -l ""
	assert_equal "$output" "sev"
	run completes "ragree --scheme=s.tsv -x " ragree --scheme = s.tsv -x ""
	assert_equal "$output" "sev"
	REVIEWKIT_SCHEME=s.tsv run completes "rcount s" rcount s
	assert_equal "$output" "sentence
sev"
	run completes "rsplit --scheme s" rsplit --scheme s
	assert_equal "$output" "s.tsv"
	no_code_ran
}

@test "completion: file names with blanks, *, \$(...), backquotes, newlines, escapes complete quoted, for every tool" {
	hostile_files
	local want='\$\(touch\ ran3\).txt
\*.txt
-q.txt
\`touch\ ran4\`.txt
$'"'"'\E[31mred.txt'"'"'
a\ b.txt
h.tsv
my\ dir/
$'"'"'new\nline.txt'"'"
	local tool line
	for line in "rsplit -q " "rfilter aspect=EMP -- " "rcount aspect " \
	    "rtags -a " "ragree h.tsv " "rsplit --scheme=" "rcount --scheme "; do
		tool=${line%% *}
		COMP_LINE=$line COMP_POINT=${#line}
		_reviewkit "$tool"
		# --scheme S: the built-in schemes, then files.
		[[ $line != *--scheme* ]] || want+=$'\nargu\npra'
		assert_equal "$(printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort)" \
		    "$(LC_ALL=C sort <<< "$want")"
		want=${want%$'\nargu\npra'}
	done
	COMP_LINE="rtags -a " COMP_POINT=9
	_reviewkit rtags
	reads_back "$(printf '%s|' $'\e[31mred.txt' '$(touch ran3).txt' '*.txt' \
	    '-q.txt' '`touch ran4`.txt' 'a b.txt' h.tsv 'my dir/' \
	    $'new\nline.txt')" "${COMPREPLY[@]}"
	no_code_ran
}

@test "completion: a name typed quoted or escaped completes as the shell reads it" {
	hostile_files
	run completes "rsplit a\\ " rsplit 'a\ '
	assert_equal "$output" 'a\ b.txt'
	run completes "rsplit 'a" rsplit "'a"
	assert_equal "$output" "a b.txt'"
	run completes "rsplit \"\\\$(t" rsplit '"\$(t'
	assert_equal "$output" '\$(touch ran3).txt"'
	run completes "rsplit \$'new\\nl" rsplit "\$'new\\nl"
	assert_equal "$output" "new
line.txt'"
	run completes "rsplit \\\`" rsplit '\`'
	assert_equal "$output" '\`touch\ ran4\`.txt'
	run completes "rsplit --scheme=my" rsplit --scheme = my
	assert_equal "$output" 'my\ dir/'
	run completes "rsplit 'my dir'/" rsplit "'my dir'/"
	assert_equal "$output" ""
	run completes "rsplit -- -" rsplit -- -
	assert_equal "$output" "-q.txt"
	no_code_ran
}
