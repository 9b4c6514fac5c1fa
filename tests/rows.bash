# The review TSV that the rfilter and rcount suites share: in.tsv in the
# test's folder, which becomes the current one, and its rows as $H (the
# header) and $A to $F.
# shellcheck disable=SC2034

H=$'review\tsentence\tsection\taspect\tfunction\tseverity\ttext'
A=$'R1\t1\tMET-NEG\tEMP-NEG\tCRT\tMAJ\tWeak results.'
B=$'R1\t2\tPDI-POS\tNOV-POS\tAPC\tMAJ\tA novel idea.'
C=$'R1\t3\tEXP-NEU\tCLA-NEG,EMP-NEU\tSUG\tMIN\tAdd a table.'
D=$'R2\t1\tOAL-NEU\t\tSMY\tGEN\tThe paper proposes X.'
E=$'R2\t2\tRES-NEG\tCMP-NEG\tQSN\tMIN\tWhy not compare with Y?'
F=$'R2\t12\tCNT\tCNT\tDIS\tMAJ,GEN\tOverall fine.'
printf '%s\n' "$H" "$A" "$B" "$C" "$D" "$E" "$F" > "$BATS_TEST_TMPDIR/in.tsv"
cd "$BATS_TEST_TMPDIR" || exit 1

# Runs TOOL ARGS... in.tsv and expects status 0, no stderr and the output
# given as the last argument.
outputs() {
	local args=("${@:1:$#-1}") want=${!#}
	expect 0 "$want" "" "${args[@]}" in.tsv
}
