package org.beatbook.security.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** What a valid staff account looks like. Errors map a form field to a message key. */
public final class AccountRules {

    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,99}");

    private AccountRules() {
    }

    public static String normalizeUsername(String username) {
        return username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public static Map<String, String> checkNewAccount(String username, String displayName, String password,
                                                      String confirmation) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!USERNAME.matcher(normalizeUsername(username)).matches()) {
            errors.put("username", "security.error.username");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            errors.put("displayName", "security.error.displayName");
        }
        errors.putAll(checkPassword(password, confirmation));
        return errors;
    }

    public static Map<String, String> checkPassword(String password, String confirmation) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 200) {
            errors.put("password", "security.error.password");
        }
        else if (!password.equals(confirmation)) {
            errors.put("confirmation", "security.error.confirmation");
        }
        return errors;
    }
}
