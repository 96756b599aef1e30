package org.beatbook.platform;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs a {@link ConsoleCommand} in an application context without a web server, then exits. */
public final class ConsoleCommands {

    /** The first words that turn a start into a console run. */
    private static final List<String> VERBS = List.of("import", "export", "help");

    private ConsoleCommands() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && VERBS.contains(args[0]);
    }

    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties("beatbook.demo.enabled=false", "spring.main.banner-mode=off",
                        "logging.level.root=WARN", "db-scheduler.enabled=false")
                .run()) {
            List<ConsoleCommand> commands = context.getBeansOfType(ConsoleCommand.class).values().stream()
                    .sorted(Comparator.comparing(c -> String.join(" ", c.name())))
                    .toList();
            List<String> words = Arrays.asList(args);
            Optional<ConsoleCommand> match = commands.stream()
                    .filter(c -> words.size() >= c.name().size() && words.subList(0, c.name().size()).equals(c.name()))
                    .findFirst();
            if (match.isEmpty()) {
                PrintStream target = words.get(0).equals("help") ? out : err;
                target.println("Beatbook commands:");
                commands.forEach(c -> target.println("  java -jar beatbook.jar " + c.usage()));
                return words.get(0).equals("help") ? 0 : 2;
            }
            ConsoleCommand command = match.get();
            return command.run(words.subList(command.name().size(), words.size()), out, err);
        }
    }
}
