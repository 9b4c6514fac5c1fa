# bash completion for reviewkit: rsplit rfilter rcount rtags ragree.
#
# Installed once per tool under share/bash-completion/completions/ (the
# others link to rsplit's file), or sourced by hand:
#     . completion/reviewkit.bash
#
# What completes:
#   options       from the tool's --help, so a new option completes at once;
#                 an option's metavariable there says what its argument is
#   --scheme S    pra, argu and files
#   F, FIELDS     field names (rcount -d, -w, FIELDS; ragree -u): the header
#                 of the first file on the line, else the columns rsplit
#                 writes under the scheme in effect; comma lists too
#   LAYER(S)      the layers of the scheme in effect (rtags -l, ragree -l,
#                 -x), from "rtags --list --scheme S"
#   count|key     those words (rcount -s)
#   rfilter EXPR  a field name and '=', then the codes of that layer
#                 (severity=M<TAB> gives MAJ MIN); comma lists too
# The scheme in effect is --scheme on the line, else $REVIEWKIT_SCHEME.
#
# Nothing here evaluates what it reads.  Header fields, a scheme file's
# layers and codes, and file names are data: they are compared as strings
# and written into COMPREPLY one by one, quoted for the shell, never
# passed to compgen -W (which expands its words: $(...) would run) nor
# left unquoted in $(...) (whose output is split and globbed).  Files are
# listed by a glob whose typed part is quoted, so a name may hold blanks,
# *, $(...), backquotes or newlines.
#
# The line up to the cursor is split into words as the shell would, quotes
# and backslashes removed but nothing expanded, since bash's own words
# also break at '=' and ':', which expressions and --scheme=S hold; the
# replies are then cut back to the part bash replaces.

# _reviewkit_help TOOL: "OPTION METAVAR" lines of TOOL --help, cached.
_reviewkit_help()
{
	local var=_reviewkit_help_${1//[^A-Za-z0-9]/_}
	if [[ -z ${!var+set} ]]; then
		printf -v "$var" '%s' "$("$1" --help 2>/dev/null | sed -nE \
		    -e 's/^ +(-[A-Za-z0-9]), (--[A-Za-z][-A-Za-z]*)( ([^ ]+))?( .*)?$/\1 \4\n\2 \4/p' \
		    -e 's/^ +(--[A-Za-z][-A-Za-z]*)( ([^ ]+))?( .*)?$/\1 \3/p')"
	fi
	printf '%s\n' "${!var}"
}

# _reviewkit_options TOOL: TOOL's options, one a line.
_reviewkit_options()
{
	_reviewkit_help "$1" | cut -d' ' -f1
}

# _reviewkit_metavar TOOL OPTION: the metavariable of OPTION, or nothing.
_reviewkit_metavar()
{
	_reviewkit_help "$1" | while read -r opt meta; do
		if [[ $opt == "$2" ]]; then
			# "--expr EXPR    EXPR is an ..." reads the help's
			# words; a metavariable is upper case or a|b.
			[[ $meta =~ ^([A-Z]+|[a-z]+\|[a-z|]+)$ ]] && printf '%s' "$meta"
			return
		fi
	done
}

# _reviewkit_lex TEXT: TEXT split into words as the shell splits them,
# with quotes and backslashes removed and nothing expanded ($, ` and ~
# stay characters), into _rk_lex; the last word is the one being typed
# (empty after a blank).  _rk_quote is the quote left open at the end (',
# " or nothing); _rk_cut is the part of the last word that bash does not
# replace: up to its last unquoted COMP_WORDBREAKS character, or up to
# the open quote.
_reviewkit_lex()
{
	local s=$1 n=${#1} i c q='' w='' cut='' started='' d
	local breaks=${COMP_WORDBREAKS-$' \t\n"\'@><=;|&(:'}
	_rk_lex=()
	for ((i = 0; i < n; i++)); do
		c=${s:i:1}
		if [[ $q == "'" ]]; then
			if [[ $c == "'" ]]; then q=; else w+=$c; fi
		elif [[ $q == '"' ]]; then
			if [[ $c == '"' ]]; then
				q=
			elif [[ $c == "\\" && ${s:i+1:1} == [\$\`\"\\] ]]; then
				w+=${s:i+1:1}
				((i++))
			elif [[ $c == "\\" && ${s:i+1:1} == $'\n' ]]; then
				((i++))
			else
				w+=$c
			fi
		elif [[ $q == '$' ]]; then
			# $'...': the escapes printf's format knows, and \'.
			if [[ $c == "'" ]]; then
				q=
			elif [[ $c == "\\" ]]; then
				d=${s:i+1:3}
				if [[ $d =~ ^([0-7]{1,3}|x[0-9A-Fa-f]{1,2}|[abeEfnrtv]) ]]; then
					d=${BASH_REMATCH[1]}
					[[ $d == [eE] ]] && d=033
					# shellcheck disable=SC2059 # d is an escape: 033, x1b, n
					printf -v d "\\$d"
					w+=$d
					((i += ${#BASH_REMATCH[1]}))
				else
					w+=${s:i+1:1}
					((i++))
				fi
			else
				w+=$c
			fi
		else
			case $c in
			' ' | $'\t' | $'\n')
				if [[ -n $started ]]; then
					_rk_lex+=("$w")
				fi
				w='' cut='' started=''
				continue
				;;
			\\)
				((i++))
				[[ ${s:i:1} == $'\n' ]] || w+=${s:i:1}
				;;
			\' | \")
				q=$c cut=$w
				;;
			\$)
				if [[ ${s:i+1:1} == "'" ]]; then
					q='$' cut=$w
					((i++))
				elif [[ ${s:i+1:1} == '"' ]]; then
					q='"' cut=$w
					((i++))
				else
					w+=$c
				fi
				;;
			*)
				w+=$c
				[[ $breaks == *"$c"* ]] && cut=$w
				;;
			esac
		fi
		started=1
	done
	_rk_lex+=("$w")
	_rk_quote=$q
	[[ $q == '$' ]] && _rk_quote="'"
	_rk_cut=$cut
}

# _reviewkit_scheme: the --scheme argument for the scheme in effect.
_reviewkit_scheme()
{
	local i
	for ((i = 1; i < ${#_rk_all[@]} - 1; i++)); do
		case ${_rk_all[i]} in
		--) break ;;
		--scheme=*) printf '%s' "${_rk_all[i]#--scheme=}"; return ;;
		--scheme) printf '%s' "${_rk_all[i + 1]}"; return ;;
		esac
	done
	printf '%s' "${REVIEWKIT_SCHEME:-pra}"
}

# _reviewkit_list: rtags --list under the scheme in effect, without
# header.  A scheme that is no built-in name is read only when it is a
# regular file: a FIFO or a device would hang or flood the completion.
_reviewkit_list()
{
	local s
	s=$(_reviewkit_scheme)
	case $s in
	pra | argu) ;;
	*) [[ -f $s && -r $s ]] || return ;;
	esac
	rtags --list --scheme "$s" 2>/dev/null | tail -n +2
}

# _reviewkit_layers: the layers of the scheme in effect, one a line.
_reviewkit_layers()
{
	local layer rest
	local -A seen=()
	while IFS=$'\t' read -r layer rest; do
		[[ -n $layer && $layer != any && -z ${seen[$layer]+set} ]] || continue
		seen[$layer]=1
		printf '%s\n' "$layer"
	done < <(_reviewkit_list)
}

# _reviewkit_codes LAYER: the codes LAYER may hold (its own and "any").
_reviewkit_codes()
{
	local layer code rest
	while IFS=$'\t' read -r layer code rest; do
		[[ $layer == "$1" || $layer == any ]] && printf '%s\n' "$code"
	done < <(_reviewkit_list)
}

# _reviewkit_fields TOOL: the header of the first file operand, one field
# a line, else the columns rsplit writes under the scheme in effect.  At
# most 64 KiB of the file is read: a header has no business being larger.
_reviewkit_fields()
{
	local i w meta operands=
	for ((i = 1; i < ${#_rk_all[@]}; i++)); do
		((i == _rk_cword)) && continue
		w=${_rk_all[i]}
		if [[ -z $operands && $w == -- ]]; then
			operands=1
		elif [[ -z $operands && $w == --*=* ]]; then
			continue
		elif [[ -z $operands && $w == -?* ]]; then
			meta=$(_reviewkit_metavar "$1" "$w")
			[[ -n $meta ]] && ((i++))
		elif [[ -f $w && -r $w ]]; then
			head -c 65536 -- "$w" | head -n 1 | tr -d '\r' | tr '\t' '\n'
			return
		fi
	done
	printf '%s\n' review sentence
	_reviewkit_layers
	printf '%s\n' text
}

# _reviewkit_match CUR BEFORE AFTER WORD...: adds BEFORE WORD AFTER to the
# replies for each WORD that begins with CUR.
_reviewkit_match()
{
	local cur=$1 before=$2 after=$3 w
	shift 3
	for w; do
		[[ -n $w && $w == "$cur"* ]] && _rk_reply+=("$before$w$after")
	done
	return 0
}

# _reviewkit_list_of CUR BEFORE WORD...: completes the last item of the
# comma list CUR from the WORDs.
_reviewkit_list_of()
{
	local cur=$1 before=$2 head=
	shift 2
	[[ $cur == *,* ]] && head=${cur%,*},
	_reviewkit_match "${cur##*,}" "$before$head" "" "$@"
	_rk_nospace=1
}

# _reviewkit_lines CUR BEFORE AFTER COMMAND...: _reviewkit_match on the
# lines COMMAND prints.
_reviewkit_lines()
{
	local cur=$1 before=$2 after=$3
	local -a words
	shift 3
	mapfile -t words < <("$@")
	_reviewkit_match "$cur" "$before" "$after" "${words[@]}"
}

# _reviewkit_files CUR BEFORE: the files whose names begin with CUR, a
# directory with a /.  The glob quotes CUR, so none of its characters is a
# pattern; nullglob and the rest are the user's again afterwards.
_reviewkit_files()
{
	local cur=$1 before=$2 f opt
	local -a m
	local -A was=()
	for opt in nullglob failglob dotglob; do
		[[ :$BASHOPTS: == *:$opt:* ]] && was[$opt]=1
	done
	shopt -s nullglob
	shopt -u failglob dotglob
	# shellcheck disable=SC2088 # ~/ as typed, expanded by hand
	if [[ $cur == '~/'* && -n ${HOME-} ]]; then
		m=("$HOME/${cur#'~/'}"*)
	else
		m=("$cur"*)
	fi
	for opt in nullglob failglob dotglob; do
		if [[ -n ${was[$opt]-} ]]; then shopt -s "$opt"; else shopt -u "$opt"; fi
	done
	for f in "${m[@]}"; do
		[[ -d $f ]] && f+=/
		# ~/ as typed, not the home directory's path.
		# shellcheck disable=SC2088
		[[ $cur == '~/'* ]] && f='~/'${f#"$HOME/"}
		_rk_reply+=("$before$f")
	done
}

# _reviewkit_argument TOOL METAVAR CUR BEFORE: complete an option's
# argument CUR; BEFORE stands before each reply (--scheme= and the like).
_reviewkit_argument()
{
	local -a words
	case $2 in
	S)	_reviewkit_match "$3" "$4" "" pra argu
		_reviewkit_files "$3" "$4" ;;
	EXPR)	_reviewkit_expr "$3" "$4" ;;
	F|FIELDS) mapfile -t words < <(_reviewkit_fields "$1")
		_reviewkit_list_of "$3" "$4" "${words[@]}" ;;
	LAYER)	_reviewkit_lines "$3" "$4" "" _reviewkit_layers ;;
	LAYERS)	mapfile -t words < <(_reviewkit_layers)
		_reviewkit_list_of "$3" "$4" "${words[@]}" ;;
	*\|*)	IFS='|' read -r -a words <<< "$2"
		_reviewkit_match "$3" "$4" "" "${words[@]}" ;;
	esac
}

# _reviewkit_expr CUR BEFORE: an rfilter expression: a field and '=',
# then the codes of that field's layer; or a file.
_reviewkit_expr()
{
	local cur=$1 before=$2 field op layer
	local -a words
	if [[ $cur =~ ^([^=!~\<\>]+)(!?=)(.*)$ ]]; then
		field=${BASH_REMATCH[1]} op=${BASH_REMATCH[2]} cur=${BASH_REMATCH[3]}
		mapfile -t words < <(_reviewkit_layers)
		for layer in "${words[@]}"; do
			[[ $layer == "$field" ]] || continue
			mapfile -t words < <(_reviewkit_codes "$field")
			_reviewkit_list_of "$cur" "$before$field$op" "${words[@]}"
			return
		done
		return
	fi
	_reviewkit_lines "$cur" "$before" = _reviewkit_fields rfilter
	_reviewkit_files "$cur" "$before"
	_rk_nospace=1
}

# Whether the operand being completed is the first one (rcount's FIELDS).
_reviewkit_first_operand()
{
	local i w
	for ((i = 1; i < ${#_rk_words[@]} - 1; i++)); do
		w=${_rk_words[i]}
		if [[ $w == -- ]]; then
			((i == ${#_rk_words[@]} - 2))
			return
		elif [[ $w == -?* ]]; then
			[[ $w != *=* && -n $(_reviewkit_metavar "$1" "$w") ]] && ((i++))
		else
			return 1
		fi
	done
	return 0
}

# _reviewkit_quote WORD: WORD in REPLY as shell input that reads back as
# WORD, nothing expanded: after an open quote, the rest of that quote and
# its end; else a backslash before each special character, or $'...'
# when WORD holds a character that is not printable.
_reviewkit_quote()
{
	local w=$1 i c q=
	if [[ $_rk_quote == "'" ]]; then
		REPLY=${w//"'"/"'\\''"}
		[[ $w == */ ]] || REPLY+="'"
		return
	elif [[ $_rk_quote == '"' ]]; then
		for ((i = 0; i < ${#w}; i++)); do
			c=${w:i:1}
			[[ $c == [\$\`\"\\] ]] && q+="\\"
			q+=$c
		done
		REPLY=$q
		[[ $w == */ ]] || REPLY+='"'
		return
	elif [[ $w == *[^[:print:]]* ]]; then
		printf -v REPLY '%q' "$w"
		return
	fi
	for ((i = 0; i < ${#w}; i++)); do
		c=${w:i:1}
		case $c in
		[][\ \\\'\"\$\`\!\&\*\(\)\;\|\<\>\?\{\}\#^]) q+=\\$c ;;
		'~') ((i == 0)) && q+="\\"; q+=$c ;;
		*) q+=$c ;;
		esac
	done
	REPLY=$q
}

_reviewkit()
{
	local tool=${1##*/} cur prev meta r REPLY operands=''
	local -a _rk_words _rk_all _rk_lex _rk_reply=() fields
	local _rk_cword _rk_quote _rk_cut _rk_nospace='' rest cut quote
	_reviewkit_lex "${COMP_LINE:0:COMP_POINT}"
	_rk_words=("${_rk_lex[@]}")
	cut=$_rk_cut quote=$_rk_quote
	_rk_cword=$((${#_rk_words[@]} - 1))
	# All words, for a file or --scheme after the cursor too (without
	# the rest of the word the cursor is in).
	rest=${COMP_LINE:COMP_POINT}
	rest=${rest#"${rest%%[[:blank:]]*}"}
	_reviewkit_lex "$rest"
	[[ -z ${_rk_lex[-1]} ]] && unset '_rk_lex[-1]'
	_rk_all=("${_rk_words[@]}" "${_rk_lex[@]}")
	_rk_cut=$cut _rk_quote=$quote
	_reviewkit_help "$tool" > /dev/null	# fills the cache in this shell
	cur=${_rk_words[-1]}
	prev=
	((${#_rk_words[@]} > 1)) && prev=${_rk_words[-2]}
	COMPREPLY=()

	for ((r = 1; r < _rk_cword; r++)); do
		[[ ${_rk_words[r]} == -- ]] && operands=1
	done
	if [[ -n $operands ]] &&
	    ! { [[ $tool == rcount ]] && _reviewkit_first_operand rcount; }; then
		# After --, operands only: rfilter's are files there.
		_reviewkit_files "$cur" ""
	elif [[ $cur == --*=* ]]; then
		meta=$(_reviewkit_metavar "$tool" "${cur%%=*}")
		_reviewkit_argument "$tool" "$meta" "${cur#*=}" "${cur%%=*}="
	elif [[ $prev == -?* && $prev != *=* ]] &&
	    meta=$(_reviewkit_metavar "$tool" "$prev") && [[ -n $meta ]]; then
		_reviewkit_argument "$tool" "$meta" "$cur" ""
	elif [[ $cur == -* ]]; then
		_reviewkit_lines "$cur" "" "" _reviewkit_options "$tool"
	elif [[ $tool == rfilter ]]; then
		_reviewkit_expr "$cur" ""
	elif [[ $tool == rcount ]] && _reviewkit_first_operand rcount; then
		# rcount's FIELDS, also after --.
		mapfile -t fields < <(_reviewkit_fields rcount)
		_reviewkit_list_of "$cur" "" "${fields[@]}"
	else
		_reviewkit_files "$cur" ""
	fi

	# bash replaces only the part of the word after _rk_cut; the rest is
	# quoted for the shell.
	for r in "${_rk_reply[@]}"; do
		[[ $r == "$_rk_cut"* ]] || continue
		_reviewkit_quote "${r:${#_rk_cut}}"
		COMPREPLY+=("$REPLY")
	done
	if [[ -n $_rk_nospace ]] ||
	    [[ ${#_rk_reply[@]} == 1 && ${_rk_reply[0]} == */ ]]; then
		compopt -o nospace 2>/dev/null || true
	fi
	return 0
}

complete -F _reviewkit rsplit rfilter rcount rtags ragree
