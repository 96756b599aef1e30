package org.beatbook.engagement.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Size limits and formats of every sign-up field, checked before anything is stored or geocoded. */
public final class SignUpRules {

    public static final int NAME_MAX = 100;
    public static final int EMAIL_MAX = 254;
    public static final int PHONE_MAX = 30;
    public static final int ADDRESS_MAX = 200;
    public static final int CONCERN_MAX = 2000;

    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>()\\[\\],;:\"]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]{7,25}((ext\\.?|x) ?[0-9]{1,6})?");
    /** Markup in a name or a concern is never legitimate and a common probe; it is refused rather than stored. */
    private static final Pattern MARKUP = Pattern.compile("<\\s*[A-Za-z/!?]|[\\p{Cntrl}&&[^\\r\\n\\t]]");

    private final List<String> languages;
    private final List<String> priorities;

    public SignUpRules(List<String> languages, List<String> priorities) {
        this.languages = List.copyOf(languages);
        this.priorities = List.copyOf(priorities);
    }

    public List<String> languages() {
        return languages;
    }

    public List<String> priorities() {
        return priorities;
    }

    public List<FieldProblem> check(SignUp s) {
        List<FieldProblem> problems = new ArrayList<>();
        text(problems, "name", s.name(), true, NAME_MAX);
        String email = strip(s.email());
        if (email.isEmpty()) {
            problems.add(FieldProblem.of("email", "required"));
        }
        else if (email.length() > EMAIL_MAX) {
            problems.add(FieldProblem.of("email", "tooLong", EMAIL_MAX));
        }
        else if (!EMAIL.matcher(email).matches()) {
            problems.add(FieldProblem.of("email", "email"));
        }
        String phone = strip(s.phone());
        if (phone.length() > PHONE_MAX) {
            problems.add(FieldProblem.of("phone", "tooLong", PHONE_MAX));
        }
        else if (!phone.isEmpty() && !PHONE.matcher(phone.toLowerCase(Locale.ROOT)).matches()) {
            problems.add(FieldProblem.of("phone", "phone"));
        }
        text(problems, "address", s.address(), true, ADDRESS_MAX);
        String language = strip(s.language());
        if (language.isEmpty()) {
            problems.add(FieldProblem.of("language", "required"));
        }
        else if (!languages.contains(language)) {
            problems.add(FieldProblem.of("language", "choice"));
        }
        if (s.priorities().size() > 50
                || s.priorities().stream().anyMatch(p -> !priorities.contains(p))) {
            problems.add(FieldProblem.of("priorities", "choice"));
        }
        text(problems, "concern", s.concern(), false, CONCERN_MAX);
        if (!s.consent()) {
            problems.add(FieldProblem.of("consent", "consent"));
        }
        return problems;
    }

    /** Trimmed, the address lower-cased, priorities in the configured order without repeats. */
    public SignUp normalize(SignUp s) {
        LinkedHashSet<String> chosen = new LinkedHashSet<>();
        priorities.stream().filter(s.priorities()::contains).forEach(chosen::add);
        String phone = strip(s.phone());
        String concern = strip(s.concern());
        return new SignUp(strip(s.name()), strip(s.email()).toLowerCase(Locale.ROOT),
                phone.isEmpty() ? null : phone, strip(s.address()), strip(s.language()),
                List.copyOf(chosen), concern.isEmpty() ? null : concern, s.consent());
    }

    private static void text(List<FieldProblem> problems, String field, String value, boolean required, int max) {
        String v = strip(value);
        if (v.isEmpty()) {
            if (required) {
                problems.add(FieldProblem.of(field, "required"));
            }
        }
        else if (v.length() > max) {
            problems.add(FieldProblem.of(field, "tooLong", max));
        }
        else if (MARKUP.matcher(v).find()) {
            problems.add(FieldProblem.of(field, "markup"));
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
