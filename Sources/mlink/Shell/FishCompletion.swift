// MARK: - fish

/// `mlink completions fish`: `complete` lines for fish.
///
/// A few fixed functions find the command on the command line (`__mlink_command`: `changes`,
/// `events add`, or nothing yet) and the index of the positional argument under the cursor
/// (`__mlink_position`, which skips the values of the options `__mlink_value_options` lists);
/// then one `complete` line per command word, option and positional argument, each under the
/// condition that its command is the one being completed.
enum FishCompletion {
    static func script() -> String {
        var text = header + functions(valueOptions: valueOptions())
        text += "\n# The commands and groups, then the top level's own options.\n"
        for word in CompletionSource.topLevel {
            text += "complete -c mlink -n '__mlink_is \"\"' -a \(quoted(word.word)) -d \(quoted(word.summary))\n"
        }
        for option in MLink.topLevelOptions {
            text += "complete -c mlink -n '__mlink_is \"\"'" + names(option) + " -d \(quoted(CompletionSource.brief(option.help)))\n"
        }

        text += "\n# mlink help COMMAND\n"
        for word in CompletionSource.topLevel where word != CompletionSource.help {
            text += "complete -c mlink -n '__mlink_argument help 0' -a \(quoted(word.word)) -d \(quoted(word.summary))\n"
        }
        for group in MLink.groups {
            for word in CompletionSource.subcommands(of: group) {
                text += "complete -c mlink -n '__mlink_help_for \(group.name)' -a \(quoted(word.word)) -d \(quoted(word.summary))\n"
            }
        }

        for group in MLink.groups {
            text += "\n# mlink \(group.name) SUBCOMMAND\n"
            for word in CompletionSource.subcommands(of: group) {
                text += "complete -c mlink -n '__mlink_is \(group.name)' -a \(quoted(word.word)) -d \(quoted(word.summary))\n"
            }
            text += "complete -c mlink -n '__mlink_is \(group.name)'" + names(OptionSpec.help) + " -d \(quoted(CompletionSource.brief(OptionSpec.help.help)))\n"
        }

        for command in MLink.commands {
            text += "\n# mlink \(command.name)\n"
            let condition = "__mlink_is \(conditionWord(command.name))"
            for option in CompletionSource.options(of: command) {
                var line = "complete -c mlink -n \(quoted(condition))" + names(option)
                if let kind = option.kind { line += " -x" + arguments(kind.completion) }
                text += line + " -d \(quoted(CompletionSource.brief(option.help)))\n"
            }
            for (index, positional) in command.positionals.enumerated() {
                let variadic = positional.count == .oneOrMore || positional.count == .zeroOrMore
                let values = positional.kind.completion
                guard values != .nothing else { continue }
                let condition = "__mlink_argument \(conditionWord(command.name)) \(index)\(variadic ? "+" : "")"
                text += "complete -c mlink -n \(quoted(condition))" + arguments(values) + " -d \(quoted(positional.name))\n"
            }
        }
        return text
    }

    /// ` -s o -l output`.
    static func names(_ option: OptionSpec) -> String {
        var text = ""
        if let short = option.short { text += " -s " + short.dropFirst() }
        return text + " -l " + option.name.dropFirst(2)
    }

    /// ` -a 'table csv json md'`, ` -a '(__mlink_paths csv)'`, or nothing.
    static func arguments(_ values: CompletionValues) -> String {
        switch values {
        case .nothing: ""
        case .words(let words): " -a " + quoted(words.joined(separator: " "))
        case .files(let extensions): " -a " + quoted("(__mlink_paths " + extensions.joined(separator: " ") + ")")
        case .named(.files(let extensions)): " -a " + quoted("(__mlink_paths --named " + extensions.joined(separator: " ") + ")")
        case .named(.words(let words)): " -a " + quoted("(__mlink_words --named " + words.joined(separator: " ") + ")")
        case .named(let inner): arguments(inner)
        }
    }

    /// A command's words as one argument of a condition: `changes`, `"events add"`.
    static func conditionWord(_ name: String) -> String {
        name.contains(" ") ? "\"" + name + "\"" : name
    }

    /// The options that take a value, by command (so that their values are not counted as
    /// positional arguments).
    static func valueOptions() -> String {
        var text = ""
        for command in MLink.commands {
            let names = command.options.filter(\.takesValue).flatMap(\.names)
            guard !names.isEmpty else { continue }
            text += "        case \(quoted(command.name))\n            echo \(names.joined(separator: " "))\n"
        }
        return text
    }

    /// A word in single quotes, as fish reads it.
    static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    static var header: String {
        """
        # fish completion for mlink \(MLink.version), generated by `mlink completions fish` from the declarations
        # that mlink's parser and --help read. Install it as mlink.fish in ~/.config/fish/completions or in
        # share/fish/vendor_completions.d (make install does), or source it.

        complete -c mlink -e
        complete -c mlink -f


        """
    }

    static func functions(valueOptions: String) -> String {
        let groups = MLink.groups.map { group in
            let words = CompletionSource.subcommands(of: group).map(\.word).joined(separator: " ")
            return """
                        case \(quoted(group.name))
                            if set -q words[3]; and contains -- $words[3] \(words)
                                echo "$words[2] $words[3]"
                            else
                                echo $words[2]
                            end

                """
        }.joined()
        return #"""
            # The command on the command line: changes, events add, events (no subcommand yet), or
            # nothing yet.
            function __mlink_command
                set -l words (commandline -opc)
                set -q words[2]; or return 0
                switch $words[2]
            \#(groups)        case '*'
                        echo $words[2]
                end
            end

            # Whether the command being completed is $argv[1] ("" for none yet).
            function __mlink_is
                test "$(__mlink_command)" = "$argv[1]"
            end

            # The options of a command that take a value.
            function __mlink_value_options
                switch $argv[1]
            \#(valueOptions)    end
            end

            # The index of the positional argument under the cursor (0 for the first), after the
            # command's words, not counting options and their values.
            function __mlink_position
                set -l command (__mlink_command)
                set -l values (string split ' ' -- (__mlink_value_options $command))
                set -l words (commandline -opc)
                set -l skip (math (count (string split ' ' -- $command)) + 1)
                set -l position 0
                set -l ended 0
                set -l expect 0
                set -l index 0
                for word in $words
                    set index (math $index + 1)
                    if test $index -le $skip
                        continue
                    else if test $expect = 1
                        set expect 0
                    else if test $ended = 1; or not string match -q -- '-?*' $word; or string match -qr -- '^-[0-9.]' $word
                        set position (math $position + 1)
                    else if test "$word" = --
                        set ended 1
                    else if contains -- $word $values
                        set expect 1
                    end
                end
                echo $position
            end

            # __mlink_argument COMMAND N: whether the cursor is on positional argument N of COMMAND
            # (N+: N or any after it).
            function __mlink_argument
                __mlink_is $argv[1]; or return 1
                set -l position (__mlink_position)
                if string match -q -- '*+' $argv[2]
                    test $position -ge (string replace -- + '' $argv[2])
                else
                    test $position -eq $argv[2]
                end
            end

            # __mlink_help_for GROUP: whether the line is `mlink help GROUP` and the cursor after it.
            function __mlink_help_for
                set -l words (commandline -opc)
                test (count $words) -eq 3; and test "$words[2]" = help; and test "$words[3]" = $argv[1]
            end

            # __mlink_paths [--named] EXTENSION...: directories, and files with one of the extensions
            # (any case; any file when none is given). With --named, a NAME= may come first.
            function __mlink_paths
                set -l token (commandline -ct)
                set -l lead ''
                if test "$argv[1]" = --named
                    set -e argv[1]
                    if string match -qr -- '^[^=/]+=' $token
                        set lead (string replace -r -- '=.*' '=' $token)
                        set token (string replace -r -- '^[^=]*=' '' $token)
                    end
                end
                set -l home ''
                if string match -q -- '~*' $token
                    set home '~'
                    set token (string replace -- '~' $HOME $token)
                end
                set -l pattern '\.('(string join '|' -- $argv)')$'
                for path in $token*
                    set -l shown $path
                    test -n "$home"; and set shown (string replace -- $HOME '~' $path)
                    if test -d $path
                        echo $lead$shown/
                    else if test (count $argv) -eq 0; or string match -qri -- $pattern $path
                        echo $lead$shown
                    end
                end
            end

            # __mlink_words [--named] WORD...: the words, after a NAME= when --named allows one.
            function __mlink_words
                set -l lead ''
                if test "$argv[1]" = --named
                    set -e argv[1]
                    set -l token (commandline -ct)
                    string match -qr -- '^[^=/]+=' $token; and set lead (string replace -r -- '=.*' '=' $token)
                end
                for word in $argv
                    echo $lead$word
                end
            end

            """#
    }
}
