// MARK: - zsh

/// `mlink completions zsh`: a completion function for zsh's completion system (`compinit`).
///
/// One function per command, each an `_arguments` call with a spec per option (its names, a
/// description, its value's name and what completes it) and per positional argument; one per
/// group, and one for the top level, which hand the words after a command or group to the
/// command's own function. The file works both from `fpath` (as `_mlink`) and sourced.
enum ZshCompletion {
    static func script() -> String {
        var text = header + helpers

        text += "\n_mlink() {\n"
        text += "    local curcontext=$curcontext state line ret=1\n"
        text += "    typeset -A opt_args\n"
        text += "    _arguments -C \\\n"
        for option in MLink.topLevelOptions { text += "        \(spec(option, exclusive: true)) \\\n" }
        text += "        '1:command:_mlink_commands' \\\n"
        text += "        '*:: :->argument' && ret=0\n"
        text += "    case $state in\n        argument)\n"
        text += "            curcontext=${curcontext%:*:*}:mlink-$words[1]:\n"
        text += "            case $words[1] in\n"
        for entry in MLink.entries {
            switch entry {
            case .command(let command): text += "                \(command.name)) \(function(command.path)) && ret=0 ;;\n"
            case .group(let group): text += "                \(group.name)) \(function([group.name])) && ret=0 ;;\n"
            }
        }
        text += "                help) _mlink_help && ret=0 ;;\n"
        text += "            esac ;;\n    esac\n    return ret\n}\n"

        text += "\n_mlink_commands() {\n    local -a commands=(\n"
        for word in CompletionSource.topLevel { text += "        \(quoted(word.word + ":" + word.summary))\n" }
        text += "    )\n    _describe -t commands 'mlink command' commands\n}\n"

        text += "\n_mlink_help() {\n"
        text += "    if ((CURRENT == 2)); then\n        _mlink_commands\n"
        text += "    elif ((CURRENT == 3)); then\n        case $words[2] in\n"
        for group in MLink.groups { text += "            \(group.name)) \(function([group.name, "commands"])) ;;\n" }
        text += "        esac\n    fi\n}\n"

        for group in MLink.groups {
            let name = function([group.name])
            text += "\n\(name)() {\n"
            text += "    local curcontext=$curcontext state line ret=1\n"
            text += "    _arguments -C \\\n"
            text += "        \(spec(OptionSpec.help, exclusive: true)) \\\n"
            text += "        '1:subcommand:\(function([group.name, "commands"]))' \\\n"
            text += "        '*:: :->argument' && ret=0\n"
            text += "    case $state in\n        argument)\n"
            text += "            curcontext=${curcontext%:*:*}:mlink-\(group.name)-$words[1]:\n"
            text += "            case $words[1] in\n"
            for command in group.subcommands {
                text += "                \(command.path.last ?? command.name)) \(function(command.path)) && ret=0 ;;\n"
            }
            text += "            esac ;;\n    esac\n    return ret\n}\n"
            text += "\n\(function([group.name, "commands"]))() {\n    local -a subcommands=(\n"
            for word in CompletionSource.subcommands(of: group) { text += "        \(quoted(word.word + ":" + word.summary))\n" }
            text += "    )\n    _describe -t subcommands 'mlink \(group.name) subcommand' subcommands\n}\n"
        }

        for command in MLink.commands {
            text += "\n\(function(command.path))() {\n    _arguments -S \\\n"
            var lines = command.options.map { spec($0, exclusive: false) } + [spec(OptionSpec.help, exclusive: true)]
            for positional in command.positionals {
                let message = escapedMessage(positional.name)
                let action = self.action(positional.kind.completion)
                switch positional.count {
                case .one: lines.append(quoted(":\(message):\(action)"))
                case .optional: lines.append(quoted("::\(message):\(action)"))
                case .oneOrMore, .zeroOrMore: lines.append(quoted("*:\(message):\(action)"))
                }
            }
            text += lines.map { "        " + $0 }.joined(separator: " \\\n") + "\n}\n"
        }

        text += """

            # Loaded from fpath, the file is the body of _mlink: run it. Sourced, tell compinit about it.
            if [[ $funcstack[1] == _mlink ]]; then
                _mlink "$@"
            else
                compdef _mlink mlink
            fi

            """
        return text
    }

    /// `_mlink_events_add`.
    static func function(_ path: [String]) -> String {
        "_mlink_" + path.joined(separator: "_")
    }

    /// The `_arguments` spec of an option: `'(-o --output)'{-o+,--output=}'[write to FILE]:FILE:_mlink_files csv'`.
    /// `exclusive` (for --help and --version) makes it leave out everything else.
    static func spec(_ option: OptionSpec, exclusive: Bool) -> String {
        let description = "[" + escapedDescription(CompletionSource.brief(option.help)) + "]"
        var argument = ""
        if let kind = option.kind, let valueName = option.valueName {
            argument = ":" + escapedMessage(valueName) + ":" + action(kind.completion)
        }
        let forms = option.names.map { name in
            guard option.takesValue else { return name }
            return name + (name.hasPrefix("--") ? "=" : "+")
        }
        let exclusion = exclusive ? "(- *)" : option.repeatable ? "*" : forms.count > 1 ? "(" + option.names.joined(separator: " ") + ")" : ""
        if forms.count == 1 {
            return quoted(exclusion + forms[0] + description + argument)
        }
        return (exclusion.isEmpty ? "" : quoted(exclusion)) + "{" + forms.joined(separator: ",") + "}" + quoted(description + argument)
    }

    /// What completes a value: `(table csv json md)`, `{_mlink_files csv CSV}`,
    /// `{_mlink_named ...}`, or a space (nothing to offer; zsh shows the value's name). A
    /// function runs in braces, so that `_arguments` hands it no compadd options of its own.
    static func action(_ values: CompletionValues) -> String {
        switch values {
        case .nothing: " "
        case .words(let words): "(" + words.joined(separator: " ") + ")"
        case .files, .named: "{" + command(values) + "}"
        }
    }

    /// A value's completion as a command line: `_mlink_files csv CSV`, `_mlink_named _mlink_words NYSE SSE`.
    static func command(_ values: CompletionValues) -> String {
        switch values {
        case .nothing: "_message value"
        case .words(let words): (["_mlink_words"] + words).joined(separator: " ")
        case .files(let extensions): (["_mlink_files"] + CompletionSource.bothCases(extensions)).joined(separator: " ")
        case .named(let inner): "_mlink_named " + command(inner)
        }
    }

    /// An option's description between `[` and `]`.
    static func escapedDescription(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
    }

    /// A value's name between colons.
    static func escapedMessage(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ":", with: "\\:")
    }

    /// A word in single quotes.
    static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    static var header: String {
        """
        #compdef mlink
        # zsh completion for mlink \(MLink.version), generated by `mlink completions zsh` from the declarations
        # that mlink's parser and --help read. Install it as _mlink in a directory of $fpath (make install
        # puts it in share/zsh/site-functions), or source it after compinit.


        """
    }

    static let helpers = #"""
        # _mlink_files EXTENSION...: directories, and files with one of the extensions (any file when
        # none is given).
        _mlink_files() {
            if (($#)); then
                _files -g "*.(${(j:|:)@})(-.)"
            else
                _files
            fi
        }

        # _mlink_words WORD...: one of the words.
        _mlink_words() {
            compadd -- "$@"
        }

        # _mlink_named COMMAND...: a NAME= may come first (SSE=sse.csv, DJIA=NYSE); COMMAND completes
        # what follows it.
        _mlink_named() {
            compset -P '*='
            "$@"
        }

        """#
}
