package org.beatbook.security.config;

import java.util.EnumSet;
import java.util.Map;

import org.beatbook.security.application.Accounts;
import org.beatbook.security.domain.Role;
import org.beatbook.security.domain.SetupToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;

/**
 * Makes sure someone can sign in to a fresh installation: the administrator configured in
 * {@code beatbook.security.initial-admin.*} (e.g. BEATBOOK_SECURITY_INITIAL_ADMIN_PASSWORD), or else a one-time
 * setup link in the log. Does nothing once an enabled administrator exists.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final Accounts accounts;
    private final SetupToken token;
    private final ApplicationContext context;
    private final String username;
    private final String password;

    FirstAdmin(Accounts accounts, SetupToken token, ApplicationContext context,
               @Value("${beatbook.security.initial-admin.username:}") String username,
               @Value("${beatbook.security.initial-admin.password:}") String password) {
        this.accounts = accounts;
        this.token = token;
        this.context = context;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.adminExists()) {
            return;
        }
        if (!username.isBlank() && !password.isEmpty()) {
            Map<String, String> errors = accounts.create(username, "Administrator", password, password,
                    EnumSet.of(Role.ADMIN));
            if (!errors.isEmpty()) {
                throw new IllegalStateException("beatbook.security.initial-admin is not usable: " + errors.values()
                        + " (the username is 2-100 lower-case letters, digits or ._@-, the password at least 12 characters)");
            }
            log.info("Created the first administrator '{}' from beatbook.security.initial-admin", username);
            return;
        }
        // Console commands never serve the setup page, so a link would only confuse there.
        if (context instanceof WebApplicationContext) {
            Environment environment = context.getEnvironment();
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
            log.warn("No administrator exists yet. Create one, once, at http://localhost:{}/setup?token={}",
                    port, token.issue());
        }
    }
}
