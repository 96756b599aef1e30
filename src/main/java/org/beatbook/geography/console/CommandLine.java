package org.beatbook.geography.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} options, {@code --flag} switches and plain operands, checked against what a command knows. */
final class CommandLine {

    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> operands = new ArrayList<>();

    private CommandLine() {
    }

    /** @return empty when an argument is unknown or an option lacks its value */
    static Optional<CommandLine> parse(List<String> arguments, Set<String> knownOptions, Set<String> knownFlags) {
        CommandLine line = new CommandLine();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (knownFlags.contains(argument)) {
                line.flags.add(argument);
            }
            else if (knownOptions.contains(argument) && i + 1 < arguments.size()) {
                line.options.put(argument, arguments.get(++i));
            }
            else if (argument.startsWith("--")) {
                return Optional.empty();
            }
            else {
                line.operands.add(argument);
            }
        }
        return Optional.of(line);
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    List<String> operands() {
        return operands;
    }
}
