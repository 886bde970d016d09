/// `convmatrix --generate-completion-script bash|zsh|fish`: a script that completes command
/// names, each command's options, and the words an option's value may be, written from the same
/// command and option definitions as `--help`, so it can't drift from the tool.
enum CompletionScript {
    /// The shells a script can be written for.
    enum Shell: String, CaseIterable, Sendable {
        case bash, zsh, fish
    }

    /// The script for `shell`, completing `commands`.
    static func script(for shell: Shell, commands: [any Command]) -> String {
        switch shell {
        case .bash: bash(commands)
        case .zsh: zsh(commands)
        case .fish: fish(commands)
        }
    }

    /// The options of `command` as typed (`--input`), help last.
    private static func flags(_ command: any Command) -> [OptionDefinition] {
        command.options + [Options.help]
    }

    /// Words safe inside single quotes.
    private static func quoted(_ text: String) -> String {
        "'"
            + text.split(separator: "'", omittingEmptySubsequences: false).joined(
                separator: "'\\''")
            + "'"
    }

    private static func bash(_ commands: [any Command]) -> String {
        let names = commands.map(\.name)
        var lines = [
            "# bash completion for convmatrix; load with: source <(convmatrix --generate-completion-script bash)",
            "_convmatrix() {",
            "    local cur prev command i",
            "    cur=\"${COMP_WORDS[COMP_CWORD]}\"",
            "    prev=\"\"",
            "    (( COMP_CWORD > 0 )) && prev=\"${COMP_WORDS[COMP_CWORD-1]}\"",
            "    command=\"\"",
            "    for (( i = 1; i < COMP_CWORD; i++ )); do",
            "        case \"${COMP_WORDS[i]}\" in",
            "            \(names.joined(separator: "|"))) command=\"${COMP_WORDS[i]}\"; break ;;",
            "        esac",
            "    done",
            "    if [[ $COMP_CWORD -eq 1 && \"$cur\" != -* ]]; then",
            "        COMPREPLY=( $(compgen -W \(quoted((names + ["help"]).joined(separator: " "))) -- \"$cur\") )",
            "        return 0",
            "    fi",
            "    if [[ \"${COMP_WORDS[1]}\" == help ]]; then",
            "        COMPREPLY=( $(compgen -W \(quoted(names.joined(separator: " "))) -- \"$cur\") )",
            "        return 0",
            "    fi",
            "    # With no command name, the options are unroll's.",
            "    [[ -z \"$command\" ]] && command=unroll",
            "    case \"$command:$prev\" in",
        ]
        for command in commands {
            for option in command.options where !option.choices.isEmpty {
                lines.append(
                    "        \(command.name):--\(option.name)) COMPREPLY=( $(compgen -W \(quoted(option.choices.joined(separator: " "))) -- \"$cur\") ); return 0 ;;"
                )
            }
            let valued = command.options.filter { $0.valueName != nil && $0.choices.isEmpty }
            if !valued.isEmpty {
                let cases = valued.map { "\(command.name):--\($0.name)" }.joined(separator: "|")
                lines.append("        \(cases)) COMPREPLY=(); return 0 ;;")
            }
        }
        lines += [
            "    esac",
            "    case \"$command\" in",
        ]
        for command in commands {
            let words = flags(command).map { "--\($0.name)" }.joined(separator: " ")
            lines.append(
                "        \(command.name)) COMPREPLY=( $(compgen -W \(quoted(words)) -- \"$cur\") ) ;;"
            )
        }
        lines += [
            "    esac",
            "    return 0",
            "}",
            "complete -F _convmatrix convmatrix",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func zsh(_ commands: [any Command]) -> String {
        var lines = [
            "#compdef convmatrix",
            "# zsh completion for convmatrix; save as _convmatrix in a directory of $fpath.",
            "",
            "_convmatrix() {",
            "    local -a commands",
            "    commands=(",
        ]
        for command in commands {
            lines.append("        \(quoted("\(command.name):\(zshEscaped(command.abstract))"))")
        }
        lines += [
            "    )",
            "    if (( CURRENT == 2 )) && [[ $words[2] != -* ]]; then",
            "        _describe -t commands 'convmatrix command' commands",
            "        return",
            "    fi",
            "    local command=unroll",
            "    [[ $words[2] != -* ]] && command=$words[2]",
            "    case $command in",
        ]
        for command in commands {
            lines.append("        \(command.name))")
            lines.append("            _arguments -s \\")
            for option in flags(command) {
                let help = zshEscaped(option.help)
                let action: String
                if option.valueName == nil {
                    action = ""
                } else if option.choices.isEmpty {
                    action = ":\(zshEscaped(option.valueName ?? "value")): "
                } else {
                    action = ":\(option.name):(\(option.choices.joined(separator: " ")))"
                }
                lines.append("                \(quoted("--\(option.name)[\(help)]\(action)")) \\")
            }
            lines.append("                '*: :'")
            lines.append("            ;;")
        }
        lines += [
            "    esac",
            "}",
            "",
            "_convmatrix \"$@\"",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Brackets and colons would end an `_arguments` field early.
    private static func zshEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "[]:\\".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    private static func fish(_ commands: [any Command]) -> String {
        let names = commands.map(\.name).joined(separator: " ")
        var lines = [
            "# fish completion for convmatrix; save as ~/.config/fish/completions/convmatrix.fish",
            "complete -c convmatrix -f",
        ]
        for command in commands {
            lines.append(
                "complete -c convmatrix -n \(quoted("not __fish_seen_subcommand_from \(names)")) -a \(command.name) -d \(quoted(command.abstract))"
            )
        }
        for command in commands {
            let condition = quoted("__fish_seen_subcommand_from \(command.name)")
            for option in flags(command) {
                var line = "complete -c convmatrix -n \(condition) -l \(option.name)"
                if option.valueName != nil { line += " -r" }
                if !option.choices.isEmpty {
                    line += " -a \(quoted(option.choices.joined(separator: " ")))"
                }
                line += " -d \(quoted(option.help))"
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
