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
# Words are taken from COMP_LINE up to the cursor and split at blanks
# only, since bash also breaks words at '=' and ':', which expressions and
# --scheme=S hold; replies are then cut back to the part bash replaces.

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

# _reviewkit_scheme: the --scheme argument for the scheme in effect.
_reviewkit_scheme()
{
	local i
	for ((i = 1; i < ${#_rk_all[@]} - 1; i++)); do
		case ${_rk_all[i]} in
		--scheme=*) printf '%s' "${_rk_all[i]#--scheme=}"; return ;;
		--scheme) printf '%s' "${_rk_all[i + 1]}"; return ;;
		esac
	done
	printf '%s' "${REVIEWKIT_SCHEME:-pra}"
}

# _reviewkit_list: rtags --list under the scheme in effect, without header.
_reviewkit_list()
{
	rtags --list --scheme "$(_reviewkit_scheme)" 2>/dev/null | tail -n +2
}

_reviewkit_layers()
{
	_reviewkit_list | awk -F'\t' '$1 != "any" && !seen[$1]++ { print $1 }'
}

# _reviewkit_codes LAYER: the codes LAYER may hold (its own and "any").
_reviewkit_codes()
{
	_reviewkit_list | awk -F'\t' -v l="$1" '$1 == l || $1 == "any" { print $2 }'
}

# _reviewkit_fields TOOL: the header of the first file operand, else the
# columns rsplit writes under the scheme in effect.
_reviewkit_fields()
{
	local i w meta
	for ((i = 1; i < ${#_rk_all[@]}; i++)); do
		((i == _rk_cword)) && continue
		w=${_rk_all[i]}
		if [[ $w == --*=* ]]; then
			continue
		elif [[ $w == -* ]]; then
			meta=$(_reviewkit_metavar "$1" "$w")
			[[ -n $meta ]] && ((i++))
		elif [[ -f $w && -r $w ]]; then
			head -n 1 -- "$w" | tr '\t' '\n'
			return
		fi
	done
	printf '%s\n' review sentence $(_reviewkit_layers) text
}

# _reviewkit_list_of CUR WORD...: complete the last item of the comma
# list CUR from the WORDs.
_reviewkit_list_of()
{
	local cur=$1 head=
	shift
	[[ $cur == *,* ]] && head=${cur%,*},
	COMPREPLY=($(compgen -P "$head" -W "$*" -- "${cur##*,}"))
	compopt -o nospace 2>/dev/null || true
}

# _reviewkit_argument TOOL METAVAR CUR: complete an option's argument.
_reviewkit_argument()
{
	case $2 in
	S)	COMPREPLY=($(compgen -W "pra argu" -- "$3") $(compgen -f -- "$3")) ;;
	EXPR)	_reviewkit_expr "$3" ;;
	F|FIELDS) _reviewkit_list_of "$3" $(_reviewkit_fields "$1") ;;
	LAYER)	COMPREPLY=($(compgen -W "$(_reviewkit_layers)" -- "$3")) ;;
	LAYERS)	_reviewkit_list_of "$3" $(_reviewkit_layers) ;;
	*\|*)	COMPREPLY=($(compgen -W "${2//|/ }" -- "$3")) ;;
	*)	COMPREPLY=() ;;
	esac
}

# _reviewkit_expr CUR: an rfilter expression: a field and '=', then the
# codes of that field's layer.
_reviewkit_expr()
{
	local cur=$1 field value layers
	if [[ $cur =~ ^([^=!~\<\>]+)(!?=)(.*)$ ]]; then
		field=${BASH_REMATCH[1]} value=${BASH_REMATCH[3]}
		layers=" $(_reviewkit_layers | tr '\n' ' ') "
		[[ $layers == *" $field "* ]] || return
		_reviewkit_list_of "$value" $(_reviewkit_codes "$field")
		COMPREPLY=("${COMPREPLY[@]/#/${field}${BASH_REMATCH[2]}}")
		return
	fi
	COMPREPLY=($(compgen -S = -W "$(_reviewkit_fields rfilter)" -- "$cur")
	    $(compgen -f -- "$cur"))
	compopt -o nospace 2>/dev/null || true
}

# Whether the operand being completed is the first one (rcount's FIELDS).
_reviewkit_first_operand()
{
	local i w
	for ((i = 1; i < ${#_rk_words[@]} - 1; i++)); do
		w=${_rk_words[i]}
		if [[ $w == -* ]]; then
			[[ $w != *=* && -n $(_reviewkit_metavar "$1" "$w") ]] && ((i++))
		else
			return 1
		fi
	done
	return 0
}

_reviewkit()
{
	local tool=${1##*/} cur prev meta line=${COMP_LINE:0:COMP_POINT} i
	local -a _rk_words _rk_all after
	local _rk_cword rest
	read -r -a _rk_words <<< "$line"
	[[ $line == *[[:blank:]] || -z $line ]] && _rk_words+=("")
	_rk_cword=$((${#_rk_words[@]} - 1))
	# All words, for a file or --scheme after the cursor too (without
	# the rest of the word the cursor is in).
	rest=${COMP_LINE:COMP_POINT}
	rest=${rest#"${rest%%[[:blank:]]*}"}
	read -r -a after <<< "$rest"
	_rk_all=("${_rk_words[@]}" "${after[@]}")
	_reviewkit_help "$tool" > /dev/null	# fills the cache in this shell
	cur=${_rk_words[-1]}
	prev=
	((${#_rk_words[@]} > 1)) && prev=${_rk_words[-2]}
	COMPREPLY=()

	if [[ $cur == --*=* ]]; then
		meta=$(_reviewkit_metavar "$tool" "${cur%%=*}")
		_reviewkit_argument "$tool" "$meta" "${cur#*=}"
		COMPREPLY=("${COMPREPLY[@]/#/${cur%%=*}=}")
	elif [[ $prev == -* && $prev != *=* ]] &&
	    meta=$(_reviewkit_metavar "$tool" "$prev") && [[ -n $meta ]]; then
		_reviewkit_argument "$tool" "$meta" "$cur"
	elif [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_reviewkit_help "$tool" |
		    cut -d' ' -f1)" -- "$cur"))
	elif [[ $tool == rfilter ]]; then
		_reviewkit_expr "$cur"
	elif [[ $tool == rcount ]] && _reviewkit_first_operand rcount; then
		_reviewkit_list_of "$cur" $(_reviewkit_fields rcount)
	else
		COMPREPLY=($(compgen -f -- "$cur"))
	fi

	# bash replaces only the part of cur after its last word break.
	local cut=${cur%"${COMP_WORDS[COMP_CWORD]}"}
	if [[ -n $cut && $cur == "$cut${COMP_WORDS[COMP_CWORD]}" ]]; then
		for i in "${!COMPREPLY[@]}"; do
			COMPREPLY[i]=${COMPREPLY[i]#"$cut"}
		done
	fi
}

complete -F _reviewkit rsplit rfilter rcount rtags ragree
