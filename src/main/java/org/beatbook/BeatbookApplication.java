package org.beatbook;

import org.beatbook.platform.ConsoleCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@Modulithic(sharedModules = "platform")
public class BeatbookApplication {

    public static void main(String[] args) {
        if (ConsoleCommands.isCommand(args)) {
            System.exit(ConsoleCommands.run(BeatbookApplication.class, args, System.out, System.err));
        }
        SpringApplication.run(BeatbookApplication.class, args);
    }
}
