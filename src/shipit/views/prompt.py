"""Prompt snippets for `shipit prompt-init SHELL` (docs/prompt.md) and the status line.

Each snippet reads the status file (shipit.domain.prompt) with the shell's builtins
only: no process is started per prompt, except `date +%s` in fish (no builtin clock)
and in bash older than 4.2. It shows 🚢12 when today is shipped, ⚠12 when it is not yet,
and nothing on an excused day, for an empty journal or a status file more than a week old.
"""

from __future__ import annotations

SHELLS = ("bash", "zsh", "fish", "starship", "p10k")

# The loop every POSIX-like snippet shares: pick the last line whose day has begun.
_BASH_LOOP = r"""  while read -r d s n t; do
    [[ $t =~ ^[0-9]+$ ]] || continue
    (( t > now )) && { stop=$t; break; }
    case $s in ✔) cue="🚢$n" ;; ⚠) cue="⚠$n" ;; *) cue= ;; esac
    stop=$(( t + 86400 ))
  done < "$f"
  (( now < stop )) || cue="""

_BASH = r"""# shipit prompt cue (docs/prompt.md): 🚢12 shipped today, ⚠12 not yet. Builtins only.
__shipit_cue() {
  local f="${SHIPIT_HOME:-@HOME@}/status" now d s n t cue= stop=0
  SHIPIT_CUE=
  [[ -r $f ]] || return 0
  now=${EPOCHSECONDS:-}
  [[ -n $now ]] || printf -v now '%(%s)T' -1 2>/dev/null || now=$(date +%s)
@LOOP@
  SHIPIT_CUE=${cue:+$cue }
  return 0
}
if [[ $PROMPT_COMMAND != *__shipit_cue* ]]; then
  PROMPT_COMMAND="__shipit_cue${PROMPT_COMMAND:+; $PROMPT_COMMAND}"
  PS1='${SHIPIT_CUE}'"$PS1"
fi
"""

_ZSH_FUNCTION = r"""zmodload zsh/datetime
__shipit_cue() {
  local f="${SHIPIT_HOME:-@HOME@}/status" d s n t cue= stop=0
  typeset -g SHIPIT_CUE=
  [[ -r $f ]] || return 0
  while read -r d s n t; do
    [[ $t == <-> ]] || continue
    (( t > EPOCHSECONDS )) && { stop=$t; break }
    case $s in (✔) cue="🚢$n" ;; (⚠) cue="⚠$n" ;; (*) cue= ;; esac
    stop=$(( t + 86400 ))
  done < $f
  (( EPOCHSECONDS < stop )) && SHIPIT_CUE=$cue
  return 0
}
"""

_ZSH = "# shipit prompt cue (docs/prompt.md): 🚢12 shipped today, ⚠12 not yet. Builtins only.\n" + _ZSH_FUNCTION + r"""autoload -Uz add-zsh-hook
add-zsh-hook precmd __shipit_cue
setopt prompt_subst
[[ $PROMPT == *SHIPIT_CUE* ]] || PROMPT='${SHIPIT_CUE:+$SHIPIT_CUE }'"$PROMPT"
"""

_P10K = "# shipit segment for powerlevel10k (docs/prompt.md). Builtins only.\n" + _ZSH_FUNCTION + r"""prompt_shipit() {
  __shipit_cue
  [[ -n $SHIPIT_CUE ]] && p10k segment -t "$SHIPIT_CUE"
}
# Show it first on the left (or add `shipit` where you like in ~/.p10k.zsh):
[[ ${POWERLEVEL9K_LEFT_PROMPT_ELEMENTS[(I)shipit]} -gt 0 ]] ||
  typeset -ga POWERLEVEL9K_LEFT_PROMPT_ELEMENTS=(shipit $POWERLEVEL9K_LEFT_PROMPT_ELEMENTS)
"""

_FISH = r"""# shipit prompt cue (docs/prompt.md): 🚢12 shipped today, ⚠12 not yet.
# Builtins only, but `date +%s`: fish has no builtin clock.
function __shipit_cue
    set -l home "@HOME@"
    set -q SHIPIT_HOME; and set home $SHIPIT_HOME
    set -l f $home/status
    test -r $f; or return 0
    set -l now (date +%s)
    set -l cue ''
    set -l stop 0
    while read -l d s n t
        string match -qr '^[0-9]+$' -- $t; or continue
        if test $t -gt $now
            set stop $t
            break
        end
        switch $s
            case ✔
                set cue "🚢$n"
            case ⚠
                set cue "⚠$n"
            case '*'
                set cue ''
        end
        set stop (math $t + 86400)
    end <$f
    test $now -lt $stop; and test -n "$cue"; and echo -n "$cue "
end
if not functions -q __shipit_orig_prompt
    functions -c fish_prompt __shipit_orig_prompt
    function fish_prompt
        __shipit_cue
        __shipit_orig_prompt
    end
end
"""

_STARSHIP = r"""# shipit module for Starship (docs/prompt.md): add to ~/.config/starship.toml.
# Starship starts the shell below for a custom module; the script itself uses builtins only.
[custom.shipit]
when = true
shell = ["bash", "--noprofile", "--norc"]
format = "$output "
command = '''
f="${SHIPIT_HOME:-@HOME@}/status"; now=$EPOCHSECONDS; cue= stop=0
[[ -r $f ]] || exit 0
@LOOP@
printf '%s' "$cue"
'''
"""


def snippet(shell: str, default_home: str) -> str:
    """The ready-to-source snippet for `shell`; `default_home` is the journal's folder
    when SHIPIT_HOME is unset (written with $HOME where it begins with it)."""
    template = {"bash": _BASH, "zsh": _ZSH, "fish": _FISH, "starship": _STARSHIP,
                "p10k": _P10K}[shell]  # fmt: skip
    return template.replace("@LOOP@", _BASH_LOOP).replace("@HOME@", default_home)
